import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ConsentJs, DeleteTiming } from "./measure";
import type { Measured } from "./run-scenarios";
import type { TokenLookupCost } from "./statements";

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
  /** the embedded default's PGlite copy of the data set (null: not run) */
  embeddedDataset: { rows: Record<string, number>; generationSeconds: number } | null;
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

/** A rate ratio target: `id` against `base` (a scenario id) at least `min`. */
function ratioTarget(rps: (id: string) => number, id: string, base: string, min: number, name: string): Target {
  const ratio = rps(base) ? rps(id) / rps(base) : 0;
  return {
    target: `${name} ≥ ${min} of ${base}`,
    measured: `${ratio.toFixed(2)} (${rps(id)} / ${rps(base)} req/s)`,
    pass: ratio >= min,
  };
}

/** Issue 17's targets, PASS or MISS; every one a ratio within this run, or a latency. */
export function evaluateTargets(r: Omit<Results, "targets">): Target[] {
  const s = new Map(r.scenarios.map((x) => [x.id, x]));
  const rps = (id: string) => s.get(id)?.rps ?? 0;
  const out: Target[] = [];
  // 1. The embedded default (npm start on PGlite), against its own trivial route.
  for (const [id, min] of [
    ["embedded.userinfo", 0.7],
    ["embedded.introspect", 0.7],
    ["embedded.authorize", 0.7],
    ["embedded.refresh", 0.4],
  ] as const)
    out.push(ratioTarget(rps, id, "embedded.ping", min, `embedded ${id.split(".")[1]}`));
  // 2. PostgreSQL inside Next.js.
  for (const [id, min] of [
    ["next.userinfo", 0.8],
    ["next.introspect", 0.8],
    ["next.authorize", 0.8],
    ["next.refresh", 0.5],
    ["next.code", 0.4],
  ] as const)
    out.push(ratioTarget(rps, id, "next.ping", min, `Next.js ${id.split(".")[1]}`));
  // 3. The lean server against oidc-provider's in-memory client_credentials.
  const reference = "reference.client_credentials";
  out.push(ratioTarget(rps, "lean.userinfo", reference, 1.0, "lean userinfo"));
  out.push(ratioTarget(rps, "lean.introspect", reference, 1.0, "lean introspection"));
  out.push(ratioTarget(rps, "lean.refresh_api", reference, 0.5, "lean refresh (API-only grant)"));
  const rsa = r.rsa.nodeCryptoPerSecond;
  const code = rsa ? rps("lean.code") / rsa : 0;
  out.push({
    target: `lean code exchange ≥ 50 % of RSA-2048 signing (${rsa}/s, one core)`,
    measured: `${pct(code)} (${rps("lean.code")} req/s)`,
    pass: code >= 0.5,
  });
  // 5. Keep.
  for (const [id, limit] of [
    ["embedded.list_page_search", 150],
    ["embedded.list_page_deep", 150],
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
    target: "consent page: 0 KB of JavaScript",
    measured: `${kb.toFixed(1)} KB in ${r.consentJs?.scripts.length ?? 0} chunks`,
    pass: r.consentJs !== null && r.consentJs.scripts.length === 0,
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
      `${r.tokenLookup.unpreparedPerSecond}/s as the handlers run it (drizzle named statement), ${r.tokenLookup.statementCachePerSecond}/s with server/statement-cache.ts on top, 4 at a time (planning is what a named statement saves).`,
    r.consentJs
      ? `Consent page first-load JS: ${r.consentJs.scripts.map((s) => `${(s.gzipBytes / 1024).toFixed(1)}`).join(" + ") || "0 (no script at all)"} KB gzip; inline RSC payload ${(r.consentJs.inlineBytes / 1024).toFixed(1)} KB (in the HTML).`
      : "Consent page: not measured.",
    "",
    r.embeddedDataset
      ? `Embedded default (PGlite, \`npm start\`): the same data set in ${r.embeddedDataset.generationSeconds} s: ${Object.entries(
          r.embeddedDataset.rows,
        )
          .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
          .join(", ")}.`
      : "Embedded default: not run.",
    "CPU columns: cores used during the scenario by the server process(es), PostgreSQL's backends of the bench database, and the bench process (autocannon).",
    "",
    "| scenario | server | procs | req/s | p50 ms | p99 ms | errors | ratio (to) | cpu server / pg / loadgen | load |",
    "|---|---|--:|--:|--:|--:|--:|---|---|--:|",
    ...r.scenarios.map(
      (x) =>
        `| ${x.title} | ${x.server} | ${x.processes} | ${x.rps} | ${x.p50} | ${x.p99} | ${x.errors} | ${x.ratio ?? "–"} (${x.baseline}) | ${x.cpu.server ?? 0} / ${x.cpu.postgres ?? 0} / ${x.cpu.loadgen ?? 0} | ${x.load1} |`,
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
