import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ConsentJs, DeleteTiming } from "./measure";
import type { LoadResult } from "./load";
import type { Scenario } from "./scenarios";
import type { TokenLookupCost } from "./statements";

type Measured = Pick<Scenario, "id" | "server" | "title" | "baseline"> & LoadResult & { load1: number };
export type ScenarioResult = Measured & { ratio: number | null };
export type Target = { target: string; measured: string; pass: boolean };
export type Results = {
  startedAt: string;
  machine: {
    cpus: number;
    model: string;
    memoryGb: number;
    node: string;
    postgres: string;
    loadAverageAtStart: number[];
  };
  config: {
    small: boolean;
    durationSeconds: number;
    connections: number;
    dbPoolMax: string;
    nextStatementCache: boolean;
  };
  dataset: { rows: Record<string, number>; generationSeconds: number; steps: Record<string, number> };
  buildSeconds: number | null;
  rsa: { nodeCryptoPerSecond: number; josePerSecond: number };
  tokenLookup: TokenLookupCost;
  scenarios: ScenarioResult[];
  consentJs: ConsentJs | null;
  deleteApplication: DeleteTiming[];
  targets: Target[];
};

export function withRatios(results: Measured[]): ScenarioResult[] {
  const rate = new Map(results.map((r) => [r.id, r.rps]));
  return results.map((r) => {
    const base = rate.get(r.baseline);
    return { ...r, ratio: base ? Math.round((r.rps / base) * 100) / 100 : null };
  });
}

/** The issue's targets, PASS or MISS. */
export function evaluateTargets(r: Omit<Results, "targets">): Target[] {
  const s = new Map(r.scenarios.map((x) => [x.id, x]));
  const rps = (id: string) => s.get(id)?.rps ?? 0;
  const out: Target[] = [];
  const ceiling = rps("next.ping");
  for (const [id, name] of [
    ["next.authorize", "silent authorization"],
    ["next.code", "code exchange"],
    ["next.userinfo", "userinfo"],
    ["next.introspect", "introspection"],
  ]) {
    const ratio = ceiling ? rps(id!) / ceiling : 0;
    out.push({
      target: `Next.js ${name} ≥ 70 % of the trivial route`,
      measured: `${pct(ratio)} (${rps(id!)} / ${ceiling} req/s)`,
      pass: ratio >= 0.7,
    });
  }
  for (const [id, name] of [
    ["lean.refresh_api", "refresh (API grant, no ID token)"],
    ["lean.refresh", "refresh (OIDC grant, signs an ID token)"],
    ["lean.userinfo", "userinfo"],
    ["lean.introspect", "introspection"],
  ]) {
    out.push({
      target: `lean server ${name} ≥ 5 000 req/s`,
      measured: `${rps(id!)} req/s (oidc-provider: ${rps("reference.client_credentials")})`,
      pass: rps(id!) >= 5000,
    });
  }
  const rsa = r.rsa.nodeCryptoPerSecond;
  for (const id of ["lean.code", "next.code"]) {
    const ratio = rsa ? rps(id) / rsa : 0;
    out.push({
      target: `${id} ≥ 80 % of RSA-2048 signing (${rsa}/s, one core)`,
      measured: `${pct(ratio)} (${rps(id)} req/s)`,
      pass: ratio >= 0.8,
    });
  }
  for (const [id, limit] of [
    ["next.list_page_search", 150],
    ["next.list_page_deep", 150],
    ["next.list_api_search", 30],
    ["next.list_api_deep", 30],
  ] as const) {
    const p99 = s.get(id)?.p99 ?? Infinity;
    out.push({
      target: `${id} p99 < ${limit} ms`,
      measured: `p99 ${p99} ms, p50 ${s.get(id)?.p50} ms`,
      pass: p99 < limit && (s.get(id)?.errors ?? 1) === 0,
    });
  }
  const worst = Math.max(...r.deleteApplication.map((d) => d.ms));
  const deleted = r.deleteApplication.every((d) => d.status === 204 && d.tokenRejectedAfter);
  out.push({
    target: "Delete Application with 100 000 tokens < 50 ms",
    measured: `${r.deleteApplication.map((d) => `${d.ms} ms`).join(", ")} (${r.deleteApplication[0]?.tokens ?? 0} tokens each; tokens refused after: ${deleted ? "yes" : "NO"})`,
    pass: r.deleteApplication.length > 0 && worst < 50 && deleted,
  });
  const kb = (r.consentJs?.totalGzipBytes ?? Infinity) / 1024;
  out.push({
    target: "consent page first-load JS ≤ 100 KB gzip",
    measured: `${kb.toFixed(1)} KB in ${r.consentJs?.scripts.length ?? 0} chunks`,
    pass: kb <= 100,
  });
  out.push({
    target: "consent page works without JavaScript (plain form post)",
    measured: r.consentJs?.plainFormPost ? "form posts to /oauth2/decision" : "no plain form found",
    pass: Boolean(r.consentJs?.plainFormPost),
  });
  return out;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

export function markdown(r: Results): string {
  const m = r.machine;
  const lines = [
    `# Benchmark ${r.startedAt}`,
    "",
    `${m.cpus} × ${m.model}, ${m.memoryGb} GB, Node ${m.node}, PostgreSQL ${m.postgres}; load average at start ${m.loadAverageAtStart.join(" ")}.`,
    `${r.config.small ? "SMALL data set (development)" : "Full data set"}; ${r.config.durationSeconds} s per scenario, ${r.config.connections} connections, DB pool ${r.config.dbPoolMax}${r.config.nextStatementCache ? "; EXPERIMENT: statement cache in next start" : ""}; load generator, servers and PostgreSQL share the machine.`,
    "",
    `Data set (${r.dataset.generationSeconds} s to generate): ${Object.entries(r.dataset.rows)
      .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
      .join(", ")}.`,
    `RSA-2048 signing, one core: ${r.rsa.nodeCryptoPerSecond}/s (node:crypto), ${r.rsa.josePerSecond}/s (jose SignJWT, one at a time).`,
    `Access-token lookup (lib/oauth/token-validation.ts): planning ${r.tokenLookup.planningMs} ms, execution ${r.tokenLookup.executionMs} ms; ` +
      `${r.tokenLookup.unpreparedPerSecond}/s as the handlers run it, ${r.tokenLookup.statementCachePerSecond}/s with prepared statements (server/statement-cache.ts), 4 at a time.`,
    r.consentJs
      ? `Consent page first-load JS: ${r.consentJs.scripts.map((s) => `${(s.gzipBytes / 1024).toFixed(1)}`).join(" + ") || "0 (no script at all)"} KB gzip; inline RSC payload ${(r.consentJs.inlineBytes / 1024).toFixed(1)} KB (in the HTML).`
      : "Consent page: not measured.",
    "",
    "| scenario | server | req/s | p50 ms | p99 ms | errors | ratio (to) | load |",
    "|---|---|--:|--:|--:|--:|---|--:|",
    ...r.scenarios.map(
      (x) =>
        `| ${x.title} | ${x.server} | ${x.rps} | ${x.p50} | ${x.p99} | ${x.errors} | ${x.ratio ?? "–"} (${x.baseline}) | ${x.load1} |`,
    ),
    "",
    "| target | measured | |",
    "|---|---|---|",
    ...r.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.pass ? "PASS" : "MISS"} |`),
    "",
  ];
  return lines.join("\n");
}

export function writeResults(
  r: Results,
  opts: { latest: boolean },
  dir = path.join(process.cwd(), "bench", "results"),
): string[] {
  mkdirSync(dir, { recursive: true });
  const stamp = r.startedAt.replace(/[:.]/g, "-") + (r.config.nextStatementCache ? "-experiment" : "");
  const names = opts.latest ? [stamp, "latest"] : [stamp];
  const json = `${JSON.stringify(r, null, 2)}\n`;
  const md = markdown(r);
  const files: string[] = [];
  for (const name of names) {
    writeFileSync(path.join(dir, `${name}.json`), json);
    writeFileSync(path.join(dir, `${name}.md`), md);
    files.push(path.join(dir, `${name}.json`), path.join(dir, `${name}.md`));
  }
  return files;
}
