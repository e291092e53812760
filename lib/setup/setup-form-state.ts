import { z } from "zod";

/**
 * After a refused submission the handler sends the browser back to /setup with this short-lived
 * cookie: what was typed (never the passwords) and the reasons, so the form works without JavaScript.
 */
export const SETUP_FORM_COOKIE = "setup-form";

const stateSchema = z.object({
  values: z.object({ email: z.string().max(300), alias: z.string().max(100) }),
  errors: z.record(z.string(), z.string().max(300)),
});
export type SetupFormState = z.infer<typeof stateSchema>;

export function encodeSetupFormState(state: SetupFormState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

/** Whatever the cookie holds (it comes from the browser): a valid state or null, never a throw. */
export function decodeSetupFormState(raw: string | undefined): SetupFormState | null {
  if (!raw || raw.length > 4096) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
