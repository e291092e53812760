/** RFC 6749 §3.3: scope is a space-delimited list; order does not matter, duplicates mean nothing. */
export function parseScope(scope: string | null | undefined): string[] {
  if (!scope) return [];
  return [...new Set(scope.split(" ").filter((s) => s.length > 0))];
}

export function formatScope(scopes: readonly string[]): string {
  return scopes.join(" ");
}

export function hasScope(scope: string | readonly string[], wanted: string): boolean {
  return (typeof scope === "string" ? parseScope(scope) : scope).includes(wanted);
}

/** RFC 6749 §6: a refresh request may narrow the scope, never widen it. null = not a subset. */
export function narrowScope(granted: string, requested: string | undefined): string | null {
  if (requested === undefined) return granted;
  const have = new Set(parseScope(granted));
  const want = parseScope(requested);
  if (want.length === 0 || want.some((s) => !have.has(s))) return null;
  // Keep the granted order, so that equal scopes compare equal.
  return formatScope(parseScope(granted).filter((s) => want.includes(s)));
}

/**
 * The part of a code's or token's scope the installation still grants (a scope the provider deleted
 * is gone from the installation, so from every token too). Keeps the order, so equal scopes compare equal.
 */
export function effectiveScope(scope: string, installed: readonly string[]): string {
  const allowed = new Set(installed);
  return formatScope(parseScope(scope).filter((s) => allowed.has(s)));
}
