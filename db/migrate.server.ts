// Applies the committed migrations in db/migrations. The command (`npm run db:migrate`) is
// scripts/migrate.server.ts: after the schema it runs the data steps that need the domain, which
// db/ does not import.
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./client.server";

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
