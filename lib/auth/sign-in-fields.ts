/**
 * The sign-in form's own field messages, shared by the server (a form posted without JavaScript)
 * and the form (which checks before posting when script runs). No server import: the form uses it.
 */
export const SIGN_IN_FIELDS = ["login", "password"] as const;
export type SignInField = (typeof SIGN_IN_FIELDS)[number];

export const SIGN_IN_FIELD_MESSAGES: Record<SignInField, string> = {
  login: "Enter your logon name or e-mail.",
  password: "Enter your password.",
};

/** The fields left empty (a logon name of spaces is empty; a password is taken as typed): nothing is checked or counted then. */
export function missingSignInFields(values: Record<SignInField, string>): SignInField[] {
  return SIGN_IN_FIELDS.filter((field) => (field === "login" ? values.login.trim() : values.password) === "");
}

/** The `missing` query parameter of the sign-in page, read back; anything else in it is ignored. */
export function parseMissingSignInFields(value: string | undefined): SignInField[] {
  const named = new Set((value ?? "").split(","));
  return SIGN_IN_FIELDS.filter((field) => named.has(field));
}
