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

/**
 * A validity in the largest whole unit: 3600 is 1 hour, 7776000 is 90 days, 1000 stays seconds. The
 * detail page says it with `enterpriseApps.validity.<unit>` ("3600 seconds (1 hour)").
 */
export function validityUnit(value: number): { unit: "days" | "hours" | "minutes" | "seconds"; count: number } {
  const units = [
    [86_400, "days"],
    [3_600, "hours"],
    [60, "minutes"],
  ] as const;
  for (const [size, unit] of units) {
    if (value % size === 0 && value >= size) return { unit, count: value / size };
  }
  return { unit: "seconds", count: value };
}
