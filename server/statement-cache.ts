import { createHash } from "node:crypto";
import type { Pool, PoolClient } from "pg";

type Query = (config: unknown, ...rest: unknown[]) => unknown;
type Connect = (callback?: (err: Error | undefined, client: PoolClient | undefined, done: unknown) => void) => unknown;

const WRAPPED = Symbol.for("ram-console.statement-cache");

/**
 * Turns every statement text this process sends into a named prepared statement, on every
 * connection of the pool: PostgreSQL then parses and plans it once per connection (and, after five
 * runs, keeps a generic plan) instead of on every request. The hot paths' queries join up to seven
 * tables, and planning them costs far more than running them (see bench/README.md).
 *
 * Bounded: only the first `maxStatements` distinct texts get a name; later ones run unnamed as
 * before. Clients are wrapped when they are checked out (pool.query checks out too), so clients
 * opened before this call are covered as well. Not for a transaction-mode pgbouncer older than
 * 1.21, which does not keep prepared statements.
 */
export function enableStatementCache(pool: Pool, maxStatements = 500): void {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < maxStatements) {
      name = `s_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  const wrap = (client: PoolClient | undefined) => {
    const target = client as { query: Query; [WRAPPED]?: true } | undefined;
    if (!target || target[WRAPPED]) return;
    target[WRAPPED] = true;
    const query = target.query.bind(client);
    target.query = (config, ...rest) => {
      const c = config as { text?: unknown; name?: unknown } | null;
      if (c !== null && typeof c === "object" && !c.name && typeof c.text === "string") {
        const name = nameOf(c.text);
        if (name) return query({ ...c, name }, ...rest);
      }
      return query(config, ...rest);
    };
  };
  const target = pool as { connect: Connect };
  const connect = target.connect.bind(pool);
  target.connect = (callback) => {
    if (callback) return connect((err, client, done) => (wrap(client), callback(err, client, done)));
    return (connect() as Promise<PoolClient>).then((client) => (wrap(client), client));
  };
}
