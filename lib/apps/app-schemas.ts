import { z } from "zod";
import { appTypes } from "@/db/schema";
import { MAX_REDIRECT_URIS, redirectUriProblem, webUrlProblem } from "./registration-uri-rules";
import { DEFAULT_SCOPE, isKnownScope } from "./scope-catalog";

/** RAM's limits for token validity, in seconds (Create Application: "Access Token Validity Period"…). */
export const TOKEN_VALIDITY = {
  access: { min: 900, max: 10_800, default: 3_600 },
  refresh: { min: 7_200, max: 31_536_000, default: 7_776_000 },
} as const;

export const MAX_SECRETS = 2;

const validity = (what: string, r: { min: number; max: number }) =>
  z
    .number({ message: `${what} must be a number of seconds` })
    .int(`${what} must be a whole number of seconds`)
    .min(r.min, `${what} must be between ${r.min} and ${r.max} seconds`)
    .max(r.max, `${what} must be between ${r.min} and ${r.max} seconds`);

export const appNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a display name")
  .max(64, "Use at most 64 characters for the display name");
export const appScopeSchema = z
  .string()
  .refine(isKnownScope, { message: "Unknown scope: choose one from the scope catalog" });
export const scopeEntrySchema = z.object({ scope: appScopeSchema, required: z.boolean().default(false) }).strict();

const urlField = (kind: "homepage" | "logo", label: string) =>
  z
    .string()
    .trim()
    .max(2000)
    .default("")
    .superRefine((v, ctx) => {
      const problem = v ? webUrlProblem(v, kind) : null;
      if (problem) ctx.addIssue({ code: "custom", message: `${label} ${problem}` });
    });

const editable = {
  name: appNameSchema,
  redirectUris: z.array(z.string()).max(MAX_REDIRECT_URIS, `Register at most ${MAX_REDIRECT_URIS} redirect URIs`),
  description: z.string().trim().max(256, "Use at most 256 characters for the description"),
  logoUrl: urlField("logo", "The logo URL"),
  homepageUrl: urlField("homepage", "The homepage URL"),
  accessTokenValidity: validity("Access token validity", TOKEN_VALIDITY.access),
  refreshTokenValidity: validity("Refresh token validity", TOKEN_VALIDITY.refresh),
  thirdParty: z.boolean(),
};

export const createApplicationSchema = z
  .object({
    ...editable,
    type: z.enum(appTypes, { message: "Choose the application type: WebApp, NativeApp or ServerApp" }),
    redirectUris: editable.redirectUris.default([]),
    description: editable.description.default(""),
    accessTokenValidity: editable.accessTokenValidity.default(TOKEN_VALIDITY.access.default),
    refreshTokenValidity: editable.refreshTokenValidity.default(TOKEN_VALIDITY.refresh.default),
    thirdParty: editable.thirdParty.default(false),
    scopes: z.array(scopeEntrySchema).max(50).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    checkRedirectUris(v.redirectUris, v.type, ctx);
    checkValidityPair(v.accessTokenValidity, v.refreshTokenValidity, ctx);
    const seen = new Set<string>();
    v.scopes.forEach((s, i) => {
      if (seen.has(s.scope))
        ctx.addIssue({ code: "custom", path: ["scopes", i], message: `The scope ${s.scope} is listed twice` });
      seen.add(s.scope);
      if (s.scope === DEFAULT_SCOPE && !s.required) {
        ctx.addIssue({
          code: "custom",
          path: ["scopes", i],
          message: "openid is the default scope: it is always required",
        });
      }
    });
  });
export type CreateApplicationInput = z.input<typeof createApplicationSchema>;

/** The type cannot change after creation (a public client does not become confidential). Scopes have their own endpoints. */
export const updateApplicationSchema = z
  .object(editable)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");
export type UpdateApplicationInput = z.input<typeof updateApplicationSchema>;

export const addAppScopeSchema = scopeEntrySchema;
export const setScopeRequiredSchema = z
  .object({ required: z.boolean({ message: "required must be true or false" }) })
  .strict();

/** App ID = client_id: 19 digits, starting with 4. */
export const clientIdSchema = z.string().regex(/^4\d{18}$/, "Not a valid App ID");

export function checkRedirectUris(uris: string[], type: string, ctx: z.RefinementCtx): void {
  if (uris.length === 0 && type !== "ServerApp") {
    ctx.addIssue({ code: "custom", path: ["redirectUris"], message: `A ${type} needs at least one redirect URI` });
  }
  const seen = new Set<string>();
  uris.forEach((uri, i) => {
    const problem = redirectUriProblem(uri, type);
    if (problem)
      ctx.addIssue({
        code: "custom",
        path: ["redirectUris", i],
        message: `Redirect URI ${uri || "(empty)"} ${problem}`,
      });
    else if (seen.has(uri))
      ctx.addIssue({ code: "custom", path: ["redirectUris", i], message: `Redirect URI ${uri} is listed twice` });
    seen.add(uri);
  });
}

export function checkValidityPair(access: number | undefined, refresh: number | undefined, ctx: z.RefinementCtx): void {
  if (access !== undefined && refresh !== undefined && refresh < access) {
    ctx.addIssue({
      code: "custom",
      path: ["refreshTokenValidity"],
      message: "Refresh token validity must not be shorter than access token validity",
    });
  }
}

/** After an edit: the merged redirect URIs and validities must still fit the app's (unchangeable) type. */
export function assertConsistent(app: {
  type: string;
  redirectUris: string[];
  accessTokenValidity: number;
  refreshTokenValidity: number;
}): void {
  z.null()
    .superRefine((_, ctx) => {
      checkRedirectUris(app.redirectUris, app.type, ctx);
      checkValidityPair(app.accessTokenValidity, app.refreshTokenValidity, ctx);
    })
    .parse(null);
}
