/**
 * Experiment only (BENCH_EXPERIMENT_STATEMENT_CACHE=1): loaded into `next start` with
 * `--import tsx --import ./bench/preload-statement-cache.ts`, it turns on
 * server/statement-cache.ts for every pg Pool of the process, to measure what wiring it into
 * db/client.ts would give the console.
 */
import { createRequire } from "node:module";
import { enableStatementCache } from "../server/statement-cache";

const require = createRequire(import.meta.url);
const { Pool } = require("pg") as typeof import("pg");
const proto = Pool.prototype as unknown as { connect: (...args: unknown[]) => unknown };
const connect = proto.connect;
const ENABLED = Symbol.for("ram-console.bench.statement-cache-enabled");
proto.connect = function (this: InstanceType<typeof Pool> & { [ENABLED]?: true }, ...args: unknown[]) {
  if (!this[ENABLED]) {
    this[ENABLED] = true;
    enableStatementCache(this);
    return (this as unknown as { connect: (...a: unknown[]) => unknown }).connect(...args);
  }
  return connect.apply(this, args);
};
