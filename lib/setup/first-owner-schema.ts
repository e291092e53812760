import { z } from "zod";
import { PLATFORM_ACCOUNT } from "@/db/official-apps";

export const MIN_OWNER_PASSWORD = 12;

/** The first-run form: shared by the page (field names, hints) and the handler (validation). */
export const firstOwnerSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "At most 254 characters.")
      .pipe(z.email("Enter a valid e-mail address."))
      .refine((v) => v !== PLATFORM_ACCOUNT.ownerEmail, "This e-mail address is reserved.")
      // Sign-in reads every name@alias.onaliyun.com as a RAM user (lib/auth/verify-credentials.ts
      // RAM_LOGON): an owner with such an e-mail could never sign in, and setup would be closed.
      .refine(
        (v) => !isRamLogonDomain(v),
        "Addresses at onaliyun.com are RAM user logon names; use another e-mail address.",
      ),
    // The alias ends RAM logon names (name@alias.onaliyun.com): lib/auth/verify-credentials.ts RAM_LOGON.
    alias: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^[a-z0-9][a-z0-9-]{2,63}$/,
        "3 to 64 characters: lowercase letters, digits and hyphens, not starting with a hyphen.",
      )
      .refine((v) => v !== PLATFORM_ACCOUNT.alias, "This alias is reserved."),
    password: z
      .string()
      .min(MIN_OWNER_PASSWORD, `At least ${MIN_OWNER_PASSWORD} characters.`)
      .max(128, "At most 128 characters."),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

/** An e-mail at onaliyun.com or any of its subdomains: the shape of a RAM user logon name. */
function isRamLogonDomain(email: string): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return domain === "onaliyun.com" || domain.endsWith(".onaliyun.com");
}

export type FirstOwnerInput = z.infer<typeof firstOwnerSchema>;
export type FirstOwnerField = "email" | "alias" | "password" | "confirmPassword";
