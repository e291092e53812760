import { z } from "zod";
import { pageParamsSchema } from "@/lib/http/page-params";
import { systemPolicies } from "./policies";

// Messages are catalog keys (lib/i18n/messages/<locale>/validation.json), rendered in the request's language.

export const ramNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "validation.ram.name");

export const displayNameSchema = z.string().trim().min(1, "validation.displayNameRequired").max(128);

export const passwordSchema = z
  .string()
  .min(8, "validation.ram.passwordTooShort")
  .max(128)
  .refine((p) => /[a-z]/.test(p) && /[A-Z]/.test(p) && /\d/.test(p), "validation.ram.passwordComplexity");

export const createUserSchema = z.object({
  name: ramNameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    enabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "validation.nothingToChange");
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const policyNameSchema = z.enum(systemPolicies.map((p) => p.name) as [string, ...string[]], {
  message: "validation.ram.unknownPolicy",
});

/** A user group and a RAM role are created with the same fields. */
export const createNamedSchema = z.object({ name: ramNameSchema, description: z.string().trim().max(256).default("") });
export const createGroupSchema = createNamedSchema;
export const createRoleSchema = createNamedSchema;
export const idSchema = z.string().uuid("validation.ram.invalidId");
export type CreateNamedInput = z.input<typeof createNamedSchema>;
export type CreateGroupInput = z.input<typeof createGroupSchema>;
export type CreateRoleInput = z.input<typeof createRoleSchema>;
/** Body of POST …/groups/{id}/members and …/roles/{id}/trustees. */
export const userRefSchema = z.object({ userId: idSchema });
/** Query of the group and role lists. */
export const listQuerySchema = pageParamsSchema;
