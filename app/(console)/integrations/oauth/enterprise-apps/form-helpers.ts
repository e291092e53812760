/** Browser-side helpers shared by the Create Application page and the Edit dialog. */

export type FieldErrors = Partial<Record<string, string>>;

/** The API's 422 answer lists issues by path (`redirectUris.1`); show each under its field. */
export function fieldErrorsOf(data: unknown): FieldErrors {
  const issues =
    (data as { details?: { issues?: { path: string; message: string }[] } } | undefined)?.details?.issues ?? [];
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.split(".")[0] || "form";
    errors[field] = errors[field] ? `${errors[field]}; ${issue.message}` : issue.message;
  }
  return errors;
}

/** The JSON body of Create / Edit from the form's fields. */
export function applicationBody(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? "");
  const seconds = (name: string) => (text(name).trim() === "" ? Number.NaN : Number(text(name)));
  return {
    name: text("name"),
    description: text("description"),
    logoUrl: text("logoUrl"),
    homepageUrl: text("homepageUrl"),
    redirectUris: text("redirectUris")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    accessTokenValidity: seconds("accessTokenValidity"),
    refreshTokenValidity: seconds("refreshTokenValidity"),
    thirdParty: form.get("thirdParty") === "on",
  };
}

/** "3600 seconds (1 hour)". */
export function describeSeconds(value: number): string {
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, unit] of units) {
    if (value % size === 0 && value >= size) {
      const n = value / size;
      return `${value} seconds (${n} ${unit}${n === 1 ? "" : "s"})`;
    }
  }
  return `${value} seconds`;
}
