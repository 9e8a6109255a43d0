// Applies the committed migrations in db/migrations to DATABASE_PATH.
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type Db } from "./client.server";
import { databasePath } from "./env.server";

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = databasePath();
  const db = openDatabase(file);
  migrateDatabase(db);
  // Links projected before co-responsibility needed consent (issue 10): drop the unconfirmed ones.
  const { reprojectUnconfirmedLinks } = await import("../registry/workflow/co-responsibility.server");
  const reprojected = reprojectUnconfirmedLinks(db);
  db.$client.close();
  console.log(`Migrated ${file}${reprojected ? `; agencies that never confirmed dropped from ${reprojected} tool(s)` : ""}`);
}
