// npm run restore -- <file> [--force]
//
// Brings a backup written by `npm run backup` back as the register's database (DATABASE_PATH),
// through registry/log/backup.server.ts: checks first that <file> is a database of this register
// whose log verifies, and that no other process has the database open (stop the server first;
// --force skips only that check). Then the backup, with a logged `restored` entry naming its
// last entry, replaces the database in one rename; the replaced database is kept beside it as
// <database>.before-restore-<time>, and the checkpoint moves to the restored log's head.
// Exit code 0 on success, 2 for a refusal (nothing changed) or a usage error.
import { restoreDatabase } from "../registry/log/restore.server";
import { backupArgs, exitOnBackupRefusal } from "./backup-words";

const { file, force, database: target } = backupArgs("restore", "give the backup file to restore.");

try {
  const r = restoreDatabase(file, target, { force });
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
