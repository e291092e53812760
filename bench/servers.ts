import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Started = { name: string; origin: string; child: ChildProcess; stop: () => Promise<void> };

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/**
 * `next build` into its own folder (never .next: other builds share the checkout). Next.js adds the
 * folder's types to tsconfig.json and next-env.d.ts; both are put back as they were afterwards, with
 * their old modification times (scripts/start.mjs, which the embedded default runs, would otherwise
 * take them for sources newer than the build and build again).
 */
export async function buildNext(distDir: string): Promise<number> {
  const shared = ["tsconfig.json", "next-env.d.ts"].map((f) => path.join(root, f)).filter((f) => existsSync(f));
  const before = shared.map((f) => readFileSync(f, "utf8"));
  const times = shared.map((f) => statSync(f));
  const t = performance.now();
  try {
    await run(bin("next"), ["build"], { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" });
  } finally {
    shared.forEach((f, i) => {
      if (readFileSync(f, "utf8") !== before[i]) writeFileSync(f, before[i]!);
      utimesSync(f, times[i]!.atime, times[i]!.mtime);
    });
  }
  return Math.round(performance.now() - t) / 1000;
}

export function hasBuild(distDir: string): boolean {
  return existsSync(path.join(root, distDir, "BUILD_ID"));
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/**
 * Starts a server as a child process in its own process group (so that stopping it also stops
 * what it started) and waits until `readyPath` answers.
 */
export async function startServer(opts: {
  name: string;
  cmd: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  readyPath: string;
}): Promise<Started> {
  const child = spawn(opts.cmd, opts.args, {
    env: { ...process.env, NODE_ENV: "production", ...opts.env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const origin = `http://127.0.0.1:${opts.port}`;
  const stop = () => stopChild(child);
  try {
    await waitReady(`${origin}${opts.readyPath}`, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: opts.name, origin, child, stop };
}

async function waitReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode}):\n${stderr()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url}: not ready after 120 s:\n${stderr()}`);
}

/** SIGTERM to the child's process group, SIGKILL after 10 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    kill("SIGTERM");
  });
}

export const nextBin = () => bin("next");
export const tsxBin = () => bin("tsx");
