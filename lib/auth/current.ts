import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { hasAny, listPolicyNames } from "@/lib/ram/admin";
import { adminPolicies, readPolicies } from "@/lib/ram/policies";
import { safeCallbackUrl } from "./callback-url";
import type { SessionPrincipal } from "./console-session";
import { principalFromSessionToken, sessionCookieName } from "./request-session";

/** The signed-in principal for this request, checked once per request. */
export const getCurrentPrincipal = cache(async (): Promise<SessionPrincipal | null> => {
  const jar = await cookies();
  return principalFromSessionToken(jar.get(sessionCookieName())?.value);
});

/** For pages: a signed-out visitor goes to sign-in and comes back here afterwards. */
export async function requirePrincipal(): Promise<SessionPrincipal> {
  const principal = await getCurrentPrincipal();
  if (principal) return principal;
  const h = await headers();
  const back = safeCallbackUrl(h.get("x-pathname"), getEnv().issuer);
  redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
}

export type Abilities = { policies: string[]; isAdmin: boolean; canRead: boolean };

/** What the principal may do, for showing or hiding controls. The services check again. */
export const getAbilities = cache(async (): Promise<Abilities> => {
  const p = await requirePrincipal();
  const policies = await listPolicyNames(await getDb(), p);
  return { policies, isAdmin: hasAny(policies, adminPolicies), canRead: hasAny(policies, readPolicies) };
});
