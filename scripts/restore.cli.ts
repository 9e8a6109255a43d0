// npm run restore -- <file> [--force]
//
// Brings a backup written by `npm run backup` back as the register's database (DATABASE_PATH),
// through registry/log/backup.server.ts: checks first that <file> is a database of this register
// whose log verifies, and that no other process has the database open (stop the server first;
// --force skips only that check). Then the backup, with a logged `restored` entry naming its
// last entry, replaces the database in one rename; the replaced database is kept beside it as
// <database>.before-restore-<time>, and the checkpoint moves to the restored log's head.
// Exit code 0 on success, 2 for a refusal (nothing changed) or a usage error.
import { parseArgs } from "node:util";
import { databasePath } from "../db/env.server";
import { restoreDatabase } from "../registry/log/restore.server";
import { exitOnBackupRefusal } from "./backup-words";

function usage(message: string): never {
  console.error(`restore: ${message}\nUsage: npm run restore -- <file> [--force]`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true, strict: true });
} catch (e) {
  usage((e as Error).message);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) usage(positionals.length ? "give one backup file." : "give the backup file to restore.");
const target = databasePath();
if (target === ":memory:") usage("DATABASE_PATH is :memory:, there is no file to restore into.");

try {
  const r = restoreDatabase(positionals[0]!, target, { force: values.force });
  const b = r.backup;
  console.log(`Restored ${b.file} as ${r.database}.`);
  console.log(
    `The backup's last log entry: ${b.head ? `entry ${b.head.id}, hash ${b.head.hash}` : "none (an empty log)"}; taken at ${b.takenAt ?? "an unknown time (not written by npm run backup)"}.`,
  );
  console.log(`Logged the restore as entry ${r.restored.id}, hash ${r.restored.hash}; the checkpoint now names it.`);
  if (r.lostEvents > 0)
    console.log(`The replaced checkpoint named entry ${r.replaced!.id}: the ${r.lostEvents} log entr${r.lostEvents === 1 ? "y" : "ies"} after the backup are not in the restored register.`);
  if (r.keptAs) console.log(`The replaced database is kept as ${r.keptAs}; remove it once the restored register is checked.`);
  if (r.migrationsApplied > 0) console.log(`The backup was brought up to this version with ${r.migrationsApplied} migration(s); run npm run db:migrate before starting the server (npm start does).`);
  console.log("Start the server again; npm run verify-log checks the restored register.");
} catch (e) {
  exitOnBackupRefusal(e);
}
