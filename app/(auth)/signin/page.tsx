import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { getCurrentPrincipal } from "@/lib/auth/current";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { parseMissingSignInFields } from "@/lib/auth/sign-in-fields";
import { getEnv } from "@/lib/env";
import { isSetupOpen } from "@/lib/setup/setup-state";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The logon name or password is incorrect.",
  TooManyRequests: "Too many sign-in attempts. Wait a few minutes and try again.",
  Unavailable: "The console cannot reach its database right now. Try again in a few seconds.",
};

type Params = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === "string" ? params[name] : undefined);
  const callbackUrl = safeCallbackUrl(one("callbackUrl"), getEnv().issuer);
  const reauth = one("prompt") === "login";
  // An old form (or a crafted link) put credentials in the URL: never use them, drop them from the address bar.
  if ("password" in params || "login" in params) redirect(signInPath(callbackUrl, reauth));
  // OIDC prompt=login / max_age: a signed-in person signs in again, for a fresh session.
  if (!reauth && (await getCurrentPrincipal())) redirect(callbackUrl);
  // A production database nobody has an account in yet: the first-run page creates the first one.
  // (If the database is unreachable the form still shows; signing in then answers 503.)
  if (await isSetupOpen().catch(() => false)) redirect("/setup");
  const error = MESSAGES[one("error") ?? ""];
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-gray-100 to-brand-50 px-4">
      <div className="w-full max-w-sm rounded-sm bg-white p-8 shadow-md">
        <div className="mb-6 flex items-center gap-2">
          <span aria-hidden className="inline-block h-6 w-6 rounded-sm bg-brand-500" />
          <h1 className="text-lg font-semibold">Sign in to the RAM console</h1>
        </div>
        {params.setup === "done" ? (
          <Alert tone="success" className="mb-4">
            The account is ready. Sign in with the owner e-mail and password.
          </Alert>
        ) : null}
        {reauth ? <p className="mb-4 text-sm text-gray-700">Sign in again to continue.</p> : null}
        {error ? (
          <Alert tone="error" className="mb-4">
            {error}
          </Alert>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} reauth={reauth} missing={parseMissingSignInFields(one("missing"))} />
        <p className="mt-6 text-xs text-gray-500">
          Account owners sign in with their e-mail address; RAM users with <code>name@alias.onaliyun.com</code>.
        </p>
      </div>
    </main>
  );
}

function signInPath(callbackUrl: string, reauth: boolean): string {
  const query = new URLSearchParams({ callbackUrl });
  if (reauth) query.set("prompt", "login");
  return `/signin?${query}`;
}
