/**
 * Registers an OAuth application through the console's HTTP API, signing in exactly as a browser
 * does (the sign-in form's POST /api/auth/sign-in, with cookies). It never opens the database.
 *
 *   npm run app:create -- --base-url http://localhost:3000 --login owner@isv.example --password '…' \
 *     --name "My App" --type WebApp --redirect-uri http://127.0.0.1:8765/callback \
 *     --scope openid:required --scope profile:optional --third-party
 *
 * Prints one JSON object: { client_id, client_secret, app }. Errors: one line on stderr, exit 1.
 */
import { parseArgs } from "node:util";

const USAGE = `Usage: npm run app:create -- --login <logon name> --password <password> --name <display name> [options]
  --base-url <url>            console URL (default http://localhost:3000)
  --login <logon name>        owner e-mail or name@alias.onaliyun.com of an administrator
  --password <password>       or set RAM_CONSOLE_PASSWORD
  --name <display name>
  --type WebApp|NativeApp|ServerApp   (default WebApp)
  --redirect-uri <uri>        repeatable
  --scope <scope>[:required|:optional]   repeatable (default optional; openid is always required)
  --third-party               other accounts may install it
  --description <text>  --homepage-url <url>  --logo-url <url>
  --access-token-validity <seconds>  --refresh-token-validity <seconds>`;

class CliError extends Error {}

function options() {
  const { values } = parseArgs({
    options: {
      "base-url": { type: "string", default: "http://localhost:3000" },
      login: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      type: { type: "string", default: "WebApp" },
      "redirect-uri": { type: "string", multiple: true, default: [] },
      scope: { type: "string", multiple: true, default: [] },
      "third-party": { type: "boolean", default: false },
      description: { type: "string" },
      "homepage-url": { type: "string" },
      "logo-url": { type: "string" },
      "access-token-validity": { type: "string" },
      "refresh-token-validity": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const password = values.password ?? process.env.RAM_CONSOLE_PASSWORD;
  if (!values.login || !password || !values.name)
    throw new CliError("--login, --password (or RAM_CONSOLE_PASSWORD) and --name are required; see --help.");
  let base: URL;
  try {
    base = new URL(values["base-url"]);
  } catch {
    throw new CliError(`--base-url is not a URL: ${values["base-url"]}`);
  }
  const scopes = values.scope.map((raw) => {
    const m = /^(.+?)(?::(required|optional))?$/.exec(raw)!;
    return { scope: m[1]!, required: m[2] === "required" };
  });
  const seconds = (flag: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new CliError(`${flag} must be a whole number of seconds.`);
    return Number(v);
  };
  const body = {
    name: values.name,
    type: values.type,
    redirectUris: values["redirect-uri"],
    scopes,
    thirdParty: values["third-party"],
    ...(values.description !== undefined ? { description: values.description } : {}),
    ...(values["homepage-url"] !== undefined ? { homepageUrl: values["homepage-url"] } : {}),
    ...(values["logo-url"] !== undefined ? { logoUrl: values["logo-url"] } : {}),
    accessTokenValidity: seconds("--access-token-validity", values["access-token-validity"]),
    refreshTokenValidity: seconds("--refresh-token-validity", values["refresh-token-validity"]),
  };
  return { base, login: values.login, password, body };
}

/** A minimal cookie jar: the console's cookies are host-only and path=/. */
class Session {
  private cookies = new Map<string, string>();
  constructor(private base: URL) {}

  get origin(): string {
    return this.base.origin;
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    let res: Response;
    try {
      res = await fetch(new URL(path, this.base), { ...init, headers, redirect: "manual" });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(
        `Cannot reach the console at ${this.base.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      );
    }
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq > 0) this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return res;
  }
}

async function messageOf(res: Response): Promise<string> {
  const data = (await res.json().catch(() => null)) as { message?: string; error?: string } | null;
  return data?.message ?? data?.error ?? res.statusText;
}

async function signIn(session: Session, login: string, password: string): Promise<void> {
  const res = await session.fetch("/api/auth/sign-in", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ login, password }),
  });
  if (res.status === 429) throw new CliError("Too many sign-in attempts. Wait a few minutes and try again.");
  if (res.status === 401) throw new CliError(`Sign-in failed for ${login}: the logon name or password is incorrect.`);
  if (res.status === 404)
    throw new CliError(
      `The console did not answer the sign-in request (HTTP 404). Is ${session.origin} a RAM console?`,
    );
  if (res.status !== 303) throw new CliError(`Sign-in failed (HTTP ${res.status}): ${await messageOf(res)}`);
  const who = await session.fetch("/api/v1/session");
  if (!who.ok) throw new CliError(`Sign-in failed (session HTTP ${who.status}): ${await messageOf(who)}`);
}

async function main(): Promise<void> {
  const { base, login, password, body } = options();
  const session = new Session(base);
  await signIn(session, login, password);
  const res = await session.fetch("/api/v1/apps", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201)
    throw new CliError(`The console refused to create the application (HTTP ${res.status}): ${await messageOf(res)}`);
  const created = (await res.json()) as { client_id: string; client_secret?: string; app: unknown };
  console.log(
    JSON.stringify(
      { client_id: created.client_id, client_secret: created.client_secret ?? null, app: created.app },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  const text =
    error instanceof CliError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
      ? (error as Error).message
      : `Unexpected error: ${(error as Error).message}`;
  console.error(`app:create: ${text.split("\n")[0]}`);
  process.exit(1);
});
