import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  ISSUER_URL: z.string().url().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).optional(),
  SEED_DEMO_DATA: z
    .enum(["true", "false", "1", "0", ""], { message: "SEED_DEMO_DATA must be true or false" })
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1")),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0", ""], { message: "TRUST_PROXY must be true or false" })
    .optional()
    .transform((v) => v === "true" || v === "1"),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  CLIENT_METADATA_ALLOWED_HOSTS: z.string().default(""),
  CLIENT_METADATA_CA_FILE: z.string().optional(),
});

export type Env = {
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  port: number;
  authSecret: string;
  /** Public base URL, byte-identical in every `iss`; no trailing slash. */
  issuer: string;
  poolMax: number;
  /** true when served over https: cookies get `Secure`. */
  secureCookies: boolean;
  /**
   * Load the demo data (known passwords) into an empty database at start. Default: yes for the
   * embedded quick start, no with DATABASE_URL (production gets the first-run page instead).
   */
  seedDemoData: boolean;
  /** Seconds between two sweeps of expired codes, tokens, sessions and throttle rows; 0 = no sweeper. */
  sweepIntervalSeconds: number;
  /**
   * A reverse proxy in front of the console appends the client's address to X-Forwarded-For: the
   * sign-in throttle then takes its last hop. Default false: the header is the client's own words
   * and is ignored; the socket's peer address is used (lib/http/peer-address.ts).
   */
  trustProxy: boolean;
  /**
   * Client ID Metadata Documents: host names whose documents may be fetched although they resolve to
   * loopback or private addresses (a local test), and an extra CA file trusted for them. Empty by default.
   */
  clientMetadataAllowedHosts: string[];
  clientMetadataCaFile: string | undefined;
};

let cached: Env | undefined;

/** Reads and validates the environment once; a bad value stops the process with one clear message. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration (see .env.example):\n${lines}`);
  }
  const e = parsed.data;
  const issuer = (e.ISSUER_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  const authSecret = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET ?? embeddedSecret(e.DATABASE_URL, e.PGLITE_DATA_DIR);
  cached = {
    databaseUrl: e.DATABASE_URL,
    pgliteDataDir: e.PGLITE_DATA_DIR,
    port: e.PORT,
    authSecret,
    issuer,
    poolMax: e.DB_POOL_MAX ?? 10,
    secureCookies: issuer.startsWith("https://"),
    seedDemoData: e.SEED_DEMO_DATA ?? !e.DATABASE_URL,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    trustProxy: e.TRUST_PROXY,
    clientMetadataAllowedHosts: e.CLIENT_METADATA_ALLOWED_HOSTS.split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    clientMetadataCaFile: e.CLIENT_METADATA_CA_FILE || undefined,
  };
  // next-auth v4 reads these two from the environment at request time.
  process.env.NEXTAUTH_URL ??= issuer;
  process.env.NEXTAUTH_SECRET ??= authSecret;
  return cached;
}

/** For the embedded default only: a secret generated on first start and kept beside the database. */
function embeddedSecret(databaseUrl: string | undefined, dataDir: string): string {
  if (databaseUrl) {
    throw new Error("Invalid configuration (see .env.example):\n  AUTH_SECRET: required when DATABASE_URL is set");
  }
  const dir = path.resolve(dataDir, "..");
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}

/** Tests change the environment between runs. */
export function resetEnvForTests(): void {
  cached = undefined;
}
