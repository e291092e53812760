import { LOGIN_AFTER, type AuthorizationRequest } from "./authorize-request";

/**
 * OIDC Core §3.1.2.1: `prompt=login` asks for a fresh sign-in, `max_age` for one at most that many
 * seconds old; `login_after` (set by reauthenticationUrl) for one newer than the request that sent
 * the person to sign in. A bound in the future counts as "now", so a made-up value cannot lock
 * anyone out: one fresh sign-in always satisfies what comes back from reauthenticationUrl.
 */
export function needsReauthentication(
  req: Pick<AuthorizationRequest, "prompt" | "maxAge" | "loginAfter">,
  authTime: Date,
  now = Date.now(),
): boolean {
  if (req.prompt.has("login")) return true;
  const signedIn = authTime.getTime();
  if (req.loginAfter !== undefined && signedIn < Math.min(req.loginAfter, now)) return true;
  // "If the elapsed time is greater than max_age, the OP MUST attempt to actively re-authenticate."
  return req.maxAge !== undefined && now - signedIn > req.maxAge * 1000;
}

/**
 * The sign-in page, asked for a fresh sign-in (`prompt=login` in its own query), coming back to the
 * same authorization request without `prompt=login` and `max_age` (either would send the person
 * to sign in again forever: max_age=0 is never met) but with `login_after` = now, so that only a
 * sign-in newer than this request lets it through.
 */
export function reauthenticationUrl(pathname: string, params: URLSearchParams, now = Date.now()): string {
  const back = new URLSearchParams(params);
  const prompt = (back.get("prompt") ?? "").split(" ").filter((p) => p && p !== "login");
  if (prompt.length) back.set("prompt", prompt.join(" "));
  else back.delete("prompt");
  back.delete("max_age");
  back.set(LOGIN_AFTER, String(now));
  return `/signin?callbackUrl=${encodeURIComponent(`${pathname}?${back.toString()}`)}&prompt=login`;
}
