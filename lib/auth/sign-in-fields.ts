/**
 * The sign-in form's own fields, shared by the server (a form posted without JavaScript) and the
 * form (which checks before posting when script runs). No server import: the form uses it. Their
 * messages are `signIn.fields.<field>` in the catalogs.
 */
export const SIGN_IN_FIELDS = ["login", "password"] as const;
export type SignInField = (typeof SIGN_IN_FIELDS)[number];

/** The fields left empty (a logon name of spaces is empty; a password is taken as typed): nothing is checked or counted then. */
export function missingSignInFields(values: Record<SignInField, string>): SignInField[] {
  return SIGN_IN_FIELDS.filter((field) => (field === "login" ? values.login.trim() : values.password) === "");
}

/** The `missing` query parameter of the sign-in page, read back; anything else in it is ignored. */
export function parseMissingSignInFields(value: string | undefined): SignInField[] {
  const named = new Set((value ?? "").split(","));
  return SIGN_IN_FIELDS.filter((field) => named.has(field));
}
