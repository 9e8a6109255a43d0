// npm run backup -- <file> [--force]
//
// A consistent copy of the register's database (DATABASE_PATH) into <file>, taken with SQLite's
// online backup API while the server and other writers keep running, with its checkpoint
// <file>.chain-head (registry/log/backup.server.ts). Prints the file, its size and its last log
// entry. Refuses an existing <file> unless --force, and a <file> in a directory that does not
// exist. Exit code 0 on success, 2 for a refusal or a usage error.
import { backupDatabase } from "../registry/log/backup.server";
import { backupArgs, exitOnBackupRefusal, size } from "./backup-words";

const { file, force, database: source } = backupArgs("backup", "give the file to write the backup to.");

try {
  const r = await backupDatabase(source, file, { force });
  console.log(`Backed up ${source} to ${r.file} at ${r.takenAt}: ${size(r.bytes)}.`);
  console.log(r.head ? `Last log entry in the backup: entry ${r.head.id}, hash ${r.head.hash}.` : "The backup's log has no entries yet.");
  if (r.head) console.log(`Its checkpoint ${r.checkpointFile} holds that entry; keep it with the backup (npm run restore checks the backup against it).`);
  console.log(`Copy the backup off this machine. To check it: DATABASE_PATH=${r.file} npm run verify-log`);
} catch (e) {
  exitOnBackupRefusal(e);
}
