import { ColumnTypeEnum, type SqlResultSet } from "@prisma/driver-adapter-utils";
import pg from "pg";

// PostgreSQL's one-byte `"char"` type (OID 18) is all over the catalogs the schema engine reads
// (pg_class.relkind, pg_constraint.contype, ...), but @prisma/adapter-pg 7.10 has no column type for it and
// fails with "Column type 'char' could not be deserialized". So: the pg Client reports such columns as `text`
// (pg parses the values as strings either way) and remembers their positions, keyed by the rows array that
// the adapter passes through untouched; `restoreCharColumns` then labels them `Character`, which is what the
// engine's describer asks for (PostgreSQL 18 lists NOT NULL constraints with contype 'n', and reading that
// as text panics the engine).
const CHAR_OID = 18;
const TEXT_OID = 25;
const charColumnsByRows = new WeakMap<object, number[]>();

type PgResult = { fields?: { dataTypeID: number }[]; rows?: unknown[] };

function relabel<T>(result: T): T {
  for (const res of Array.isArray(result) ? (result as PgResult[]) : [result as PgResult]) {
    const positions: number[] = [];
    res?.fields?.forEach((field, i) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      positions.push(i);
    });
    if (positions.length && res.rows) charColumnsByRows.set(res.rows, positions);
  }
  return result;
}

/** For `PoolConfig.Client`; covers both pool.query (callback style) and client.query (promise style). */
export class CharAsTextClient extends pg.Client {}

const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(CharAsTextClient.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const callbackAt = args.findIndex((arg) => typeof arg === "function");
  if (callbackAt >= 0) {
    const callback = args[callbackAt] as (error: unknown, result: unknown) => void;
    args[callbackAt] = (error: unknown, result: unknown) => callback(error, error ? result : relabel(result));
    return query.apply(this, args);
  }
  const returned = query.apply(this, args);
  return returned instanceof Promise ? returned.then(relabel) : returned;
};

export function restoreCharColumns(resultSet: SqlResultSet): SqlResultSet {
  for (const i of charColumnsByRows.get(resultSet.rows) ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
  return resultSet;
}
