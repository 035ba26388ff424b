import type { Sql, TransactionSql } from "postgres";

/**
 * Statements larger than this (bulk inserts) run unnamed: they are one-offs, and a prepared copy would
 * only hold memory on the server for the connection's lifetime.
 */
const MAX_PREPARED_PARAMETERS = 100;

type Client = Sql | TransactionSql;
type Callback = (client: TransactionSql) => unknown;

/**
 * drizzle asks postgres.js for unnamed statements, and postgres.js sends an unnamed statement with
 * parameters in two round trips (Parse/Describe, wait, then Bind/Execute). Named, a statement costs both
 * only the first time on a connection and one round trip after that, which halves the database's share of
 * a request. The same applies inside transactions and savepoints.
 */
export function withPreparedStatements<T extends Client>(client: T): T {
  const wrapCallback = (args: unknown[]) =>
    args.map((arg) =>
      typeof arg === "function"
        ? (inner: TransactionSql) => (arg as Callback)(withPreparedStatements(inner))
        : arg,
    );
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, parameters as never, {
            ...options,
            prepare: (parameters?.length ?? 0) <= MAX_PREPARED_PARAMETERS,
          });
      }
      if (property === "begin" || property === "savepoint") {
        const method = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => method.apply(target, wrapCallback(args));
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
