import { z } from "zod";
import { appTypes, oauthVersions } from "@/db/schema";
import {
  MAX_REDIRECT_URIS,
  MAX_URI_LENGTH,
  redirectUriProblem,
  webUrlProblem,
  type UriProblem,
} from "./registration-uri-rules";
import { DEFAULT_SCOPE, isKnownScope } from "./scope-catalog";

/** RAM's limits for token validity, in seconds (Create Application: "Access Token Validity Period"…). */
export const TOKEN_VALIDITY = {
  access: { min: 900, max: 10_800, default: 3_600 },
  refresh: { min: 7_200, max: 31_536_000, default: 7_776_000 },
} as const;

export const MAX_SECRETS = 2;

/** Messages are catalog keys (lib/i18n/messages/<locale>/validation.json), rendered in the request's language. */
const VALIDITY_MESSAGES = {
  access: {
    notNumber: "validation.app.accessTokenValidity.notNumber",
    notWhole: "validation.app.accessTokenValidity.notWhole",
    range: "validation.app.accessTokenValidity.range",
  },
  refresh: {
    notNumber: "validation.app.refreshTokenValidity.notNumber",
    notWhole: "validation.app.refreshTokenValidity.notWhole",
    range: "validation.app.refreshTokenValidity.range",
  },
} as const;

const validity = (which: keyof typeof TOKEN_VALIDITY) => {
  const { min, max } = TOKEN_VALIDITY[which];
  const m = VALIDITY_MESSAGES[which];
  return z
    .number({ message: m.notNumber })
    .int(m.notWhole)
    .refine((n) => n >= min && n <= max, { message: m.range, params: { min, max } });
};

/** How a URI problem (registration-uri-rules.ts) reads, by field. */
const URI_MESSAGES: Record<UriProblem, string> = {
  tooLong: "validation.uri.tooLong",
  controlChars: "validation.uri.controlChars",
  notAbsolute: "validation.uri.notAbsolute",
  userInfo: "validation.uri.userInfo",
  fragment: "validation.uri.fragment",
  noHost: "validation.uri.noHost",
  loopback: "validation.uri.loopback",
  nativeScheme: "validation.uri.nativeScheme",
  httpsOnly: "validation.uri.logoHttps",
};

function uriIssue(field: "redirect" | "homepage" | "logo", uri: string, problem: UriProblem) {
  if (field === "redirect" && !uri) return { message: "validation.uri.redirectEmpty" };
  return { message: URI_MESSAGES[problem], params: { field, uri, max: MAX_URI_LENGTH } };
}

export const appNameSchema = z
  .string()
  .trim()
  .min(1, "validation.displayNameRequired")
  .max(64, "validation.app.displayNameTooLong");
export const appScopeSchema = z.string().refine(isKnownScope, { message: "validation.app.unknownScope" });
export const scopeEntrySchema = z.object({ scope: appScopeSchema, required: z.boolean().default(false) }).strict();

const urlField = (kind: "homepage" | "logo") =>
  z
    .string()
    .trim()
    .max(2000)
    .default("")
    .superRefine((v, ctx) => {
      const problem = v ? webUrlProblem(v, kind) : null;
      if (problem) ctx.addIssue({ code: "custom", ...uriIssue(kind, v, problem) });
    });

const editable = {
  name: appNameSchema,
  redirectUris: z.array(z.string()).max(MAX_REDIRECT_URIS, "validation.app.redirectUrisTooMany"),
  description: z.string().trim().max(256, "validation.app.descriptionTooLong"),
  logoUrl: urlField("logo"),
  homepageUrl: urlField("homepage"),
  accessTokenValidity: validity("access"),
  refreshTokenValidity: validity("refresh"),
  thirdParty: z.boolean(),
};

export const createApplicationSchema = z
  .object({
    ...editable,
    type: z.enum(appTypes, { message: "validation.app.type" }),
    // "OAuth Protocol Version": 2.1 = PKCE, no client secret, exact redirect URIs, refresh token rotation.
    oauthVersion: z.enum(oauthVersions, { message: "validation.app.oauthVersion" }).default("2.0"),
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
        ctx.addIssue({
          code: "custom",
          path: ["scopes", i],
          message: "validation.app.scopeListedTwice",
          params: { scope: s.scope },
        });
      seen.add(s.scope);
      if (s.scope === DEFAULT_SCOPE && !s.required) {
        ctx.addIssue({
          code: "custom",
          path: ["scopes", i],
          message: "validation.app.openidRequired",
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
  .refine((v) => Object.keys(v).length > 0, "validation.nothingToChange");
export type UpdateApplicationInput = z.input<typeof updateApplicationSchema>;

export const addAppScopeSchema = scopeEntrySchema;
export const setScopeRequiredSchema = z
  .object({ required: z.boolean({ message: "validation.app.requiredBoolean" }) })
  .strict();

/** App ID = client_id: 19 digits, starting with 4. */
export const clientIdSchema = z.string().regex(/^4\d{18}$/, "validation.app.invalidClientId");

export function checkRedirectUris(uris: string[], type: string, ctx: z.RefinementCtx): void {
  if (uris.length === 0 && type !== "ServerApp") {
    ctx.addIssue({
      code: "custom",
      path: ["redirectUris"],
      message: "validation.app.redirectUriRequired",
      params: { type },
    });
  }
  const seen = new Set<string>();
  uris.forEach((uri, i) => {
    const problem = redirectUriProblem(uri, type);
    if (problem) ctx.addIssue({ code: "custom", path: ["redirectUris", i], ...uriIssue("redirect", uri, problem) });
    else if (seen.has(uri))
      ctx.addIssue({
        code: "custom",
        path: ["redirectUris", i],
        message: "validation.app.redirectUriListedTwice",
        params: { uri },
      });
    seen.add(uri);
  });
}

export function checkValidityPair(access: number | undefined, refresh: number | undefined, ctx: z.RefinementCtx): void {
  if (access !== undefined && refresh !== undefined && refresh < access) {
    ctx.addIssue({
      code: "custom",
      path: ["refreshTokenValidity"],
      message: "validation.app.refreshShorterThanAccess",
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
