/** RFC 6750 §2.1: `Bearer` SP b64token. undefined = not a Bearer header; null = Bearer but malformed. */
export function parseBearer(authorization: string): string | null | undefined {
  const match = /^bearer(?:\s+(.*))?$/i.exec(authorization.trim());
  if (!match) return undefined;
  const token = (match[1] ?? "").trim();
  return /^[A-Za-z0-9\-._~+/]+=*$/.test(token) ? token : null;
}
