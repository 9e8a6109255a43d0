// Builds the base databases once per test run: migrations applied from the committed SQL,
// then the embedded dataset loaded with the real seed script.
import fs from "node:fs";
import { openDatabase } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate.server";
import { seedDatabase, seedDemoAccounts } from "./seed";
import { BASE_DB, EMPTY_DB, TMP } from "./paths";

async function build(file: string, seed: boolean) {
  for (const suffix of ["", "-wal", "-shm", ".chain-head"]) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  migrateDatabase(db);
  if (seed) {
    seedDatabase(db, "2026-01-01T00:00:00.000Z");
    await seedDemoAccounts(db, { enabled: true, at: "2026-01-01T00:00:00.000Z" });
  }
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.pragma("journal_mode = DELETE");
  db.$client.close();
}

export default async function setup() {
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  await build(EMPTY_DB, false);
  await build(BASE_DB, true);
  return () => fs.rmSync(TMP, { recursive: true, force: true });
}
