// Probe for the "PGlite in a worker" option (bench/README.md, issue 17): the same named statement
// (a three-table token lookup) run on PGlite in this thread, or on PGlite in a worker thread with
// the raw protocol over postMessage (transferred buffers). Prints calls/s, the process's CPU per
// call and how long the main thread was busy per call.
//   node bench/pglite-worker-probe.mjs inline|worker <PGlite folder with the bench data set>
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { PGlite, protocol } from "@electric-sql/pglite";
if (!isMainThread) {
  const pg = new PGlite(workerData.dir);
  await pg.waitReady;
  parentPort.on("message", async ({ id, bytes }) => {
    const out = await pg.execProtocolRaw(new Uint8Array(bytes), { syncToFs: false });
    const copy = out.slice();
    parentPort.postMessage({ id, bytes: copy.buffer }, [copy.buffer]);
  });
  parentPort.postMessage({ ready: true });
} else {
  const mode = process.argv[2] ?? "worker";
  const dir = process.argv[3];
  if (!dir) throw new Error("usage: node bench/pglite-worker-probe.mjs inline|worker <PGlite folder>");
  const s = protocol.serialize;
  const sqlText = `select t.grant_id, g.scope, a.alias from access_tokens t join grants g on g.id = t.grant_id join accounts a on a.id = g.account_id where t.token_hash = $1`;
  const { createHash } = await import("node:crypto");
  const hash = (i) =>
    createHash("sha256")
      .update(`bench-at-${(i * 7919) % 700000}`)
      .digest("base64url");
  let send;
  if (mode === "worker") {
    const w = new Worker(new URL(import.meta.url), {
      workerData: { dir },
      resourceLimits: { maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: 256, codeRangeSizeMb: 256 },
    });
    await new Promise((r) => w.once("message", r));
    let next = 0;
    const waiting = new Map();
    w.on("message", ({ id, bytes }) => {
      waiting.get(id)(new Uint8Array(bytes));
      waiting.delete(id);
    });
    send = (buf) =>
      new Promise((r) => {
        const id = next++;
        waiting.set(id, r);
        const b = new Uint8Array(buf);
        w.postMessage({ id, bytes: b.buffer }, [b.buffer]);
      });
  } else {
    const pg = new PGlite(dir);
    await pg.waitReady;
    send = (buf) => pg.execProtocolRaw(buf, { syncToFs: false });
  }
  await send(Buffer.concat([s.parse({ name: "p1", text: sqlText }), s.sync()]));
  const msg = (i) => Buffer.concat([s.bind({ statement: "p1", values: [hash(i)] }), s.execute({}), s.sync()]);
  for (let i = 0; i < 20000; i++) await send(msg(i));
  const N = 20000;
  const c = process.cpuUsage();
  const t = performance.now();
  const elu0 = performance.eventLoopUtilization();
  await Promise.all(
    [0, 1, 2, 3].map(async (k) => {
      for (let i = k; i < N; i += 4) await send(msg(i));
    }),
  );
  const u = process.cpuUsage(c);
  const ms = performance.now() - t;
  const elu = performance.eventLoopUtilization(elu0);
  console.log(
    mode,
    "calls/s",
    Math.round(N / (ms / 1000)),
    "process CPU µs/call",
    Math.round((u.user + u.system) / N),
    "main thread busy µs/call",
    Math.round((elu.active * 1000) / N),
  );
  process.exit(0);
}
