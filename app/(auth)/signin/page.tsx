import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db/client";
import { getCurrentPrincipal } from "@/lib/auth/current";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { isSetupOpen } from "@/lib/setup/setup-state";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getCurrentPrincipal()) redirect(callbackUrl);
  // A production database nobody has an account in yet: the first-run page creates the first one.
  // (If the database is unreachable the form still shows; signing in then answers 503.)
  if (await isSetupOpen(await getDb()).catch(() => false)) redirect("/setup");
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
        <SignInForm callbackUrl={callbackUrl} />
        <p className="mt-6 text-xs text-gray-500">
          Account owners sign in with their e-mail address; RAM users with <code>name@alias.onaliyun.com</code>.
        </p>
      </div>
    </main>
  );
}
