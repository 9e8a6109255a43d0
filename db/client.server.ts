// The one database client. Every connection gets the same pragmas; migrations are applied by
// db/migrate.server.ts, never as a side effect of opening a connection.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { databasePath } from "./env.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string, opts: { readonly?: boolean } = {}): Db {
  if (file !== ":memory:" && !opts.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  if (!opts.readonly) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema }) as Db;
}

let current: Db | undefined;

/** The process-wide connection, opened on first use from DATABASE_PATH. */
export function getDb(): Db {
  current ??= openDatabase(databasePath());
  return current;
}

/** Point the process at another database (tests use one fresh file per test). */
export function setDb(db: Db | undefined): void {
  current = db;
}
