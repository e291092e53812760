import { getEnv } from "@/lib/env";
import { BodyTooLargeError, readBodyBytes } from "@/lib/http/body-limit";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { renderMessage, translatorFor } from "@/lib/i18n/translator";
import { missingSignInFields, type SignInField } from "./sign-in-fields";

/** A sign-in form is a few hundred bytes; the body is not read past this. */
export const MAX_SIGN_IN_BODY_BYTES = 64 * 1024;
/** Longest logon name or password accepted (an e-mail address is at most 254 characters). */
export const MAX_CREDENTIAL_LENGTH = 256;
const MAX_CALLBACK_LENGTH = 4096;

const FIELDS = {
  login: MAX_CREDENTIAL_LENGTH,
  password: MAX_CREDENTIAL_LENGTH,
  callbackUrl: MAX_CALLBACK_LENGTH,
  prompt: 16,
  lang: 8,
} as const;
type Field = keyof typeof FIELDS;

/** The one parsed form: these values, and only these, are throttled and checked. */
export type SignInForm = {
  login: string;
  password: string;
  callbackUrl: string | undefined;
  reauth: boolean;
  /** The language chosen with the sign-in page's switch, if any (lib/i18n/page-locale.ts). */
  lang: Locale | undefined;
};
type FormContext = Pick<SignInForm, "callbackUrl" | "reauth" | "lang">;

/** A refusal of the sign-in endpoint: `signIn.server.<key>` in the catalogs. */
export type SignInRefusalKey = keyof Messages["signIn"]["server"];

export class SignInRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 405 | 413,
    readonly key: SignInRefusalKey | null,
    readonly values?: Record<string, string | number>,
  ) {
    super(key ?? "fields missing");
  }

  /** What the refusal says, in the caller's language. */
  messageIn(locale: Locale): string {
    return this.key ? renderMessage({ key: `signIn.server.${this.key}`, values: this.values }, locale) : "";
  }
}

/** A form without a logon name or password: the sign-in page marks those fields. Not an attempt: nothing is counted. */
export class SignInFieldsMissing extends SignInRefused {
  constructor(
    readonly missing: SignInField[],
    readonly form: FormContext,
  ) {
    super(400, null);
  }

  /** Each empty field's own message. */
  override messageIn(locale: Locale): string {
    const t = translatorFor(locale);
    return this.missing.map((field) => t(`signIn.fields.${field}`)).join(locale === "zh-CN" ? "" : " ");
  }
}

/**
 * Reads a sign-in POST, refusing before anything else is done: another method, a query string,
 * a cross-site origin, any body but application/x-www-form-urlencoded, more than 64 KiB (unread),
 * an unknown or repeated field, a value too long. The logon name is normalised here, once.
 */
export async function readSignInForm(request: Request): Promise<SignInForm> {
  if (request.method !== "POST") throw new SignInRefused(405, "usePost");
  // Credentials come in the body only: never from (or into) a URL.
  if (new URL(request.url).search !== "") throw new SignInRefused(400, "notInUrl");
  assertSameOrigin(request);
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw new SignInRefused(400, "formEncoding");
  const values = parseFields(await readBody(request));
  const login = (values.get("login") ?? "").trim().toLowerCase();
  const password = values.get("password") ?? "";
  const lang = values.get("lang");
  const rest: FormContext = {
    callbackUrl: values.get("callbackUrl"),
    reauth: values.get("prompt") === "login",
    lang: isLocale(lang) ? lang : undefined,
  };
  const missing = missingSignInFields({ login, password });
  if (missing.length > 0) throw new SignInFieldsMissing(missing, rest);
  return { login, password, ...rest };
}

function parseFields(body: string): Map<Field, string> {
  const values = new Map<Field, string>();
  for (const [key, value] of new URLSearchParams(body)) {
    if (!Object.hasOwn(FIELDS, key)) throw new SignInRefused(400, "unknownField");
    const field = key as Field;
    if (values.has(field)) throw new SignInRefused(400, "repeatedField", { field });
    if (value.length > FIELDS[field]) throw new SignInRefused(400, "fieldTooLong", { field });
    values.set(field, value);
  }
  return values;
}

/**
 * Login CSRF: a browser says where the form came from; only the console's own pages may post it.
 * Sec-Fetch-Site first: under the console's `Referrer-Policy: no-referrer` a browser sends
 * `Origin: null` even for its own form. Without either header it is not a browser (a CLI).
 */
function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const own = new Set([new URL(getEnv().issuer).origin, new URL(request.url).origin]);
  const crossSite = site !== null ? site !== "same-origin" && site !== "none" : origin !== null && !own.has(origin);
  if (crossSite) throw new SignInRefused(403, "crossSite");
}

/** The body as text; past the limit the stream is cancelled, never buffered. */
async function readBody(request: Request): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readBodyBytes(request, MAX_SIGN_IN_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new SignInRefused(413, "tooLarge");
    throw error;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SignInRefused(400, "notUtf8");
  }
}
