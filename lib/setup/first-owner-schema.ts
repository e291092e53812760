import { z } from "zod";
import { PLATFORM_ACCOUNT } from "@/db/official-apps";

export const MIN_OWNER_PASSWORD = 12;

/**
 * The first-run form: shared by the page (field names, hints) and the handler (validation). Messages
 * are catalog keys (lib/i18n/messages/<locale>/validation.json); the handler renders them.
 */
export const firstOwnerSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "validation.setup.atMost")
      .pipe(z.email("validation.setup.emailInvalid"))
      .refine((v) => v !== PLATFORM_ACCOUNT.ownerEmail, "validation.setup.emailReserved")
      // Sign-in reads every name@alias.onaliyun.com as a RAM user (lib/auth/verify-credentials.ts
      // RAM_LOGON): an owner with such an e-mail could never sign in, and setup would be closed.
      .refine((v) => !isRamLogonDomain(v), "validation.setup.emailRamDomain"),
    // The alias ends RAM logon names (name@alias.onaliyun.com): lib/auth/verify-credentials.ts RAM_LOGON.
    alias: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{2,63}$/, "validation.setup.aliasFormat")
      .refine((v) => v !== PLATFORM_ACCOUNT.alias, "validation.setup.aliasReserved"),
    password: z
      .string()
      .min(MIN_OWNER_PASSWORD, "validation.setup.passwordTooShort")
      .max(128, "validation.setup.atMost"),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "validation.setup.passwordMismatch",
  });

/** An e-mail at onaliyun.com or any of its subdomains: the shape of a RAM user logon name. */
function isRamLogonDomain(email: string): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return domain === "onaliyun.com" || domain.endsWith(".onaliyun.com");
}

export type FirstOwnerInput = z.infer<typeof firstOwnerSchema>;
export type FirstOwnerField = "email" | "alias" | "password" | "confirmPassword";
