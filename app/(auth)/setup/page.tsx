import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { MIN_OWNER_PASSWORD } from "@/lib/setup/first-owner-schema";
import { decodeSetupFormState, SETUP_FORM_COOKIE } from "@/lib/setup/setup-form-state";
import { isSetupOpen } from "@/lib/setup/setup-state";

export const metadata: Metadata = { title: "Set up the console" };

/**
 * First run: on a database where nobody has an account yet, create the first account and its
 * owner. A plain HTML form (POST /api/setup), no JavaScript needed. Gone (404) for good afterwards.
 */
export default async function SetupPage() {
  // Rendered per request: whether setup is open is the database's answer now, never one baked in at build time.
  await connection();
  if (!(await isSetupOpen())) notFound();
  const state = decodeSetupFormState((await cookies()).get(SETUP_FORM_COOKIE)?.value);
  const errors = state?.errors ?? {};
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="mt-1 text-xs text-red-700">
        {errors[name]}
      </p>
    ) : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-gray-100 to-brand-50 px-4">
      <div className="w-full max-w-md rounded-sm bg-white p-8 shadow-md">
        <div className="mb-4 flex items-center gap-2">
          <span aria-hidden className="inline-block h-6 w-6 rounded-sm bg-brand-500" />
          <h1 className="text-lg font-semibold">Set up the RAM console</h1>
        </div>
        <p className="mb-4 text-[13px] text-gray-600">
          Nobody has an account here yet. Create the first account and its owner; this page closes for good once it
          exists.
        </p>
        {Object.keys(errors).length ? (
          <Alert tone="error" className="mb-4">
            Check the fields below.
          </Alert>
        ) : null}
        <form method="post" action="/api/setup" noValidate>
          <Field label="Owner e-mail" htmlFor="email" hint="The account owner signs in with it.">
            <Input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={state?.values.email}
              {...invalid("email")}
            />
            {error("email")}
          </Field>
          <Field label="Account alias" htmlFor="alias" hint="RAM users sign in as name@alias.onaliyun.com.">
            <Input
              id="alias"
              name="alias"
              required
              defaultValue={state?.values.alias}
              placeholder="example"
              {...invalid("alias")}
            />
            {error("alias")}
          </Field>
          <Field
            label="Password"
            htmlFor="password"
            hint={errors.password ? undefined : `At least ${MIN_OWNER_PASSWORD} characters.`}
          >
            <Input
              id="password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_OWNER_PASSWORD}
              {...invalid("password")}
            />
            {error("password")}
          </Field>
          <Field label="Confirm password" htmlFor="confirmPassword">
            <Input
              id="confirmPassword"
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              required
              {...invalid("confirmPassword")}
            />
            {error("confirmPassword")}
          </Field>
          <Button type="submit" variant="primary" className="w-full">
            Create account
          </Button>
        </form>
      </div>
    </main>
  );
}
