// Loads the embedded dataset: the agencies and the 22 documented cases. Safe to run again: an
// unchanged record is skipped, a changed one becomes a new revision.
// Set SEED=none to start with an empty register; DEMO_ACCOUNTS=off to switch the demo accounts off.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type Db } from "../../db/client.server";
import { databasePath } from "../../db/env.server";
import { SEED_AGENCIES } from "./agencies";
import { SEED_RECORDS } from "./cases";
import { publishRevision, upsertAgencies } from "../../registry/records/publish.server";
import { optimizeSearchIndex } from "../../registry/records/search/optimize.server";
import { writeCheckpoint } from "../../registry/log/anchor.server";
import { seedDemoAccounts } from "./demo-accounts";

export function seedDatabase(db: Db, at = new Date().toISOString()): { agencies: number; published: number; unchanged: number } {
  const agencies = upsertAgencies(SEED_AGENCIES, db);
  let published = 0;
  let unchanged = 0;
  for (const record of SEED_RECORDS) {
    const r = publishRevision(record, { at }, db);
    if (r.unchanged) unchanged++;
    else published++;
  }
  if (published) optimizeSearchIndex(db);
  // The chain's head leaves the database at once: the process may end before its appends'
  // deferred checkpoint write runs.
  writeCheckpoint(db);
  return { agencies, published, unchanged };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.env.SEED === "none") {
    console.log("SEED=none: the embedded dataset was not loaded.");
  } else {
    const db = openDatabase(databasePath());
    const r = seedDatabase(db);
    const demo = await seedDemoAccounts(db, { enabled: process.env.DEMO_ACCOUNTS !== "off" });
    db.$client.close();
    console.log(`Seeded ${r.agencies} agencies; ${r.published} records published, ${r.unchanged} unchanged.`);
    if (process.env.DEMO_ACCOUNTS === "off") console.log(`DEMO_ACCOUNTS=off: ${demo.disabled} demo accounts switched off.`);
    else if (demo.created) console.log(`Created ${demo.created} demo accounts (see README).`);
  }
}
