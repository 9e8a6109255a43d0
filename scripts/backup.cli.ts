// npm run backup -- <file> [--force]
//
// A consistent copy of the register's database (DATABASE_PATH) into <file>, taken with SQLite's
// online backup API while the server and other writers keep running, with its checkpoint
// <file>.chain-head (registry/log/backup.server.ts). Prints the file, its size and its last log
// entry. Refuses an existing <file> unless --force, and a <file> in a directory that does not
// exist. Exit code 0 on success, 2 for a refusal or a usage error.
import { parseArgs } from "node:util";
import { databasePath } from "../db/env.server";
import { backupDatabase } from "../registry/log/backup.server";
import { exitOnBackupRefusal, size } from "./backup-words";

function usage(message: string): never {
  console.error(`backup: ${message}\nUsage: npm run backup -- <file> [--force]`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true, strict: true });
} catch (e) {
  usage((e as Error).message);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) usage(positionals.length ? "give one backup file." : "give the file to write the backup to.");
const source = databasePath();
if (source === ":memory:") usage("DATABASE_PATH is :memory:, there is no file to back up.");

try {
  const r = await backupDatabase(source, positionals[0]!, { force: values.force });
  console.log(`Backed up ${source} to ${r.file} at ${r.takenAt}: ${size(r.bytes)}.`);
  console.log(r.head ? `Last log entry in the backup: entry ${r.head.id}, hash ${r.head.hash}.` : "The backup's log has no entries yet.");
  if (r.head) console.log(`Its checkpoint ${r.checkpointFile} holds that entry; keep it with the backup (npm run restore checks the backup against it).`);
  console.log(`Copy the backup off this machine. To check it: DATABASE_PATH=${r.file} npm run verify-log`);
} catch (e) {
  exitOnBackupRefusal(e);
}
