"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";

/**
 * A plain POST form to the sign-in endpoint: it works the same before hydration and without
 * JavaScript, and never puts the password in a URL. Script only shows the pending state.
 */
export function SignInForm({ callbackUrl, reauth }: { callbackUrl: string; reauth: boolean }) {
  const [pending, setPending] = useState(false);
  return (
    <form method="post" action="/api/auth/sign-in" onSubmit={() => setPending(true)}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {reauth ? <input type="hidden" name="prompt" value="login" /> : null}
      <Field label="Logon name or e-mail" htmlFor="login">
        <Input
          id="login"
          name="login"
          autoComplete="username"
          required
          maxLength={256}
          autoFocus
          placeholder="name@alias.onaliyun.com"
        />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required maxLength={256} />
      </Field>
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
