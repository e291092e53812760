import { createHash } from "node:crypto";
import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";

/** What drizzle-orm/pglite calls on its client (PgliteSession): query and transaction. */
export type PgliteClient = Pick<PGlite, "query" | "exec" | "transaction">;

/**
 * Statement texts that run as named prepared statements on PGlite, by text. Filled by
 * db/prepared.ts for every query built with `.prepare(name)`: drizzle's PGlite driver drops the
 * name, and PGlite's own `query()` parses, describes and plans every statement anew (no plan is
 * ever reused). For the token lookup (a seven-table join) planning is ~95 % of the time: ~6 ms
 * unnamed against ~0.3 ms named (bench/README.md, "The embedded default").
 */
const named = new Map<string, string>();

/** Marks a statement text as one to prepare once per PGlite instance. Bounded like server/statement-cache.ts. */
export function nameStatement(text: string, maxStatements = 500): void {
  if (named.has(text) || named.size >= maxStatements) return;
  named.set(text, `n_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`);
}

type BackendMessage = Awaited<ReturnType<PGlite["execProtocolStream"]>>[number];
type Prepared = { paramTypes: number[]; rowDescription: BackendMessage | undefined };
/** Per PGlite instance (one backend, one session): the statements it has parsed, by name. */
const parsedBy = new WeakMap<PGlite, Map<string, Prepared>>();

const { serialize } = protocol;

/**
 * PGlite's results parser copies every type parser of the instance into a new object whenever a
 * query passes parsers of its own, as drizzle does on every call. The merged set is made once per
 * options object (drizzle keeps one per prepared statement).
 */
const mergedParsers = new WeakMap<object, { pg: PGlite; parsers: PGlite["parsers"]; options: QueryOptions }>();
function resultParsing(pg: PGlite, options: QueryOptions | undefined) {
  if (!options?.parsers) return { parsers: pg.parsers, options };
  let merged = mergedParsers.get(options);
  if (!merged || merged.pg !== pg) {
    merged = { pg, parsers: { ...pg.parsers, ...options.parsers }, options: { ...options, parsers: undefined } };
    mergedParsers.set(options, merged);
  }
  return merged;
}
const concat = (parts: Uint8Array[]) => Buffer.concat(parts);

/**
 * Runs a named statement: the first time Parse + Describe (for the parameter and row types), then
 * only Bind + Execute + Sync, in one call into the backend. Must run under PGlite's query lock.
 */
async function runNamed(
  pg: PGlite,
  name: string,
  text: string,
  params: unknown[],
  options: QueryOptions | undefined,
): Promise<Results> {
  let parsed = parsedBy.get(pg);
  if (!parsed) parsedBy.set(pg, (parsed = new Map()));
  try {
    let statement = parsed.get(name);
    if (!statement) {
      const described = await pg.execProtocolStream(
        concat([serialize.parse({ name, text }), serialize.describe({ type: "S", name }), serialize.sync()]),
        { syncToFs: false },
      );
      statement = {
        paramTypes: parse.parseDescribeStatementResults(described),
        rowDescription: described.find((m) => m.name === "rowDescription"),
      };
      parsed.set(name, statement);
    }
    const types = statement.paramTypes;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = options?.serializers?.[types[i]!] ?? pg.serializers[types[i]!];
      return serializer ? serializer(value) : String(value);
    });
    const messages = await pg.execProtocolStream(
      concat([serialize.bind({ statement: name, values }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
    // A named portal's rows are described once, at Parse; the results parser wants the description first.
    const all = statement.rowDescription ? [statement.rowDescription, ...messages] : messages;
    const parsing = resultParsing(pg, options);
    return parse.parseResults(all, parsing.parsers, parsing.options)[0]!;
  } catch (error) {
    // As PGlite's own query() does: the error names the statement that failed.
    if (error && typeof error === "object") Object.assign(error, { query: text, params, queryOptions: options });
    throw error;
  }
}

/**
 * The PGlite client drizzle is given: statements whose text was named (above) run as named prepared
 * statements, everything else as PGlite runs it. Outside a transaction a statement takes PGlite's
 * transaction lock (so it never runs inside someone else's transaction) and then its query lock, as
 * `PGlite.query` does; inside one, only the query lock.
 */
export function withNamedStatements(pg: PGlite): PgliteClient {
  const inTransaction = (tx: Transaction): Transaction => ({
    ...tx,
    query: (<T>(text: string, params?: unknown[], options?: QueryOptions) => {
      const name = named.get(text);
      if (!name) return tx.query<T>(text, params, options);
      if (tx.closed) return Promise.reject(new Error("Transaction is closed"));
      return pg._runExclusiveQuery(() => runNamed(pg, name, text, params ?? [], options)) as Promise<Results<T>>;
    }) as Transaction["query"],
    exec: tx.exec,
    rollback: tx.rollback,
    get closed() {
      return tx.closed;
    },
  });
  return {
    query: (async <T>(text: string, params?: unknown[], options?: QueryOptions) => {
      const name = named.get(text);
      if (!name) return pg.query<T>(text, params, options);
      await pg._checkReady();
      return pg._runExclusiveTransaction(() =>
        pg._runExclusiveQuery(async () => {
          const result = await runNamed(pg, name, text, params ?? [], options);
          await pg.syncToFs();
          return result as Results<T>;
        }),
      );
    }) as PGlite["query"],
    exec: pg.exec.bind(pg),
    transaction: ((fn: (tx: Transaction) => Promise<unknown>) =>
      pg.transaction((tx) => fn(inTransaction(tx)))) as PGlite["transaction"],
  };
}
