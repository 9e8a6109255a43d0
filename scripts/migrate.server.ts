// `npm run db:migrate`: applies the committed migrations (db/migrate.server.ts) to DATABASE_PATH,
// then the data steps that go through the domain and so cannot live in db/ or in SQL.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../db/client.server";
import { databasePath } from "../db/env.server";
import { migrateDatabase } from "../db/migrate.server";
import { reprojectUnconfirmedLinks } from "../registry/review/co-responsibility.server";
import { reindexSearch } from "../registry/records/search/reindex.server";

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = databasePath();
  const db = openDatabase(file);
  migrateDatabase(db);
  // Links projected before co-responsibility needed consent (issue 10): drop the unconfirmed ones.
  const reprojected = reprojectUnconfirmedLinks(db);
  // Search rows and Chinese sort keys written by an older search scheme (issue 14): rewrite them.
  const reindexed = reindexSearch(db);
  db.$client.close();
  console.log(
    `Migrated ${file}${reprojected ? `; agencies that never confirmed dropped from ${reprojected} tool(s)` : ""}${reindexed ? `; search index rewritten for ${reindexed} tool(s)` : ""}`,
  );
}
