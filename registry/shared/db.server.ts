// Registry functions take an optional database handle; without one they use the process-wide
// client. Prepared statements are cached per connection because the list page builds SQL from
// the query's shape and re-preparing costs more than running it.
import type Database from "better-sqlite3";
import { getDb, type Db } from "../../db/client.server";

export type { Db };
export { getDb };

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: Db, sql: string): Database.Statement {
  const client = db.$client;
  let m = cache.get(client);
  if (!m) cache.set(client, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    s = client.prepare(sql);
    if (m.size > 500) m.clear();
    m.set(sql, s);
  }
  return s;
}

/**
 * Runs `work` in a write transaction taken at once (BEGIN IMMEDIATE): a command loads the state it
 * checks, checks it and writes in one go, so two requests on different workers cannot both pass
 * the check. Inside another transaction (the bulk import) it is a savepoint of that one.
 */
export function underWriteLock<T>(db: Db, work: () => T): T {
  return db.$client.transaction(work).immediate();
}
