// The English an operator reads when `npm run backup` or `npm run restore` refuses
// (registry/log/backup.server.ts says why, as a code with its parameters). Exit code 2.
import { parseArgs } from "node:util";
import { databasePath } from "../db/env.server";
import { BackupRefused, type BackupRefusal } from "../registry/log/backup.server";
import { formatHead } from "../registry/log/anchor.server";
import { chainProblemOperatorMessage } from "../app/i18n/chain-problems";

export function refusalMessage(r: BackupRefusal): string[] {
  switch (r.code) {
    case "source_missing":
      return [`There is no register database at ${r.file} to back up. Set DATABASE_PATH to the register's database file.`];
    case "exists":
      return [`${r.file} already exists; nothing was written. Choose a new file name (for example with the date and time in it), or add --force to replace it.`];
    case "no_directory":
      return [`The directory ${r.dir} does not exist; nothing was written. Create it first (mkdir -p) or choose a file in an existing directory.`];
    case "same_file":
      return [`${r.file} is the register's database itself; nothing was done. Give a backup in another file.`];
    case "backup_missing":
      return [`There is no backup file at ${r.file}; nothing was changed.`];
    case "not_sqlite":
      return [`${r.file} is not a SQLite database; nothing was changed. Give a file written by npm run backup.`];
    case "not_register":
      return [`${r.file} is a SQLite database but not a database of this register (it has no ${r.missing.join(", ")} table); nothing was changed.`];
    case "newer_schema":
      return [
        `${r.file} was written by a newer version of the register (${r.backupMigrations} migrations; this version knows ${r.knownMigrations}); nothing was changed. Restore it with that version or a later one.`,
      ];
    case "backup_checkpoint_unreadable":
      return [`The backup's checkpoint file ${r.file} is not <id>:<sha256>; nothing was changed. Look at it: if it was damaged in copying, move it aside and restore again.`];
    case "backup_broken":
      return [
        `The backup ${r.file} does not pass the log check (${r.check.problemCount} problem${r.check.problemCount === 1 ? "" : "s"}); nothing was changed. Restore an earlier backup.`,
        ...r.check.problems.map((p) => `  - ${chainProblemOperatorMessage(p, "en")}`),
      ];
    case "checkpoint_unreadable":
      return [`The register's checkpoint file ${r.file} is not <id>:<sha256>; nothing was changed. Look at it (it may be evidence of tampering); move it aside only when you know why it is damaged.`];
    case "other_chain":
      return [
        `The register's checkpoint ${r.file} names entry ${formatHead(r.checkpoint)}, but the backup ${r.found ? `has entry ${r.checkpoint.id} with hash ${r.found}` : `has no entry ${r.checkpoint.id}`}: it is not a backup of this register's log, or the log was rewritten. Nothing was changed.`,
      ];
    case "in_use":
      return [
        `The database ${r.file} is open in another process (the server, or another tool); nothing was changed. Stop the server (all its workers) and run the restore again. Add --force only if you know no process writes to it any more.`,
      ];
  }
}

/** Ends the process on a refusal of backup or restore; rethrows anything else. */
export function exitOnBackupRefusal(e: unknown): never {
  if (e instanceof BackupRefused) {
    for (const line of refusalMessage(e.refusal)) console.error(line);
    process.exit(2);
  }
  throw e;
}

export function size(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) [v, u] = [v / 1024, u + 1];
  return u === 0 ? `${bytes} bytes` : `${v.toFixed(1)} ${units[u]} (${bytes} bytes)`;
}

/**
 * The arguments both commands take (`<file> [--force]`) and the database they work on; a usage
 * error ends the process with exit code 2.
 */
export function backupArgs(command: "backup" | "restore", missing: string): { file: string; force: boolean; database: string } {
  const usage = (message: string): never => {
    console.error(`${command}: ${message}\nUsage: npm run ${command} -- <file> [--force]`);
    process.exit(2);
  };
  let parsed: ReturnType<typeof parseArgs<{ options: { force: { type: "boolean" } }; allowPositionals: true; strict: true }>> | undefined;
  try {
    parsed = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (e) {
    usage((e as Error).message);
  }
  const { values, positionals } = parsed!;
  if (positionals.length !== 1) usage(positionals.length ? "give one backup file." : missing);
  const database = databasePath();
  if (database === ":memory:") usage(`DATABASE_PATH is :memory:, there is no file to ${command === "backup" ? "back up" : "restore into"}.`);
  return { file: positionals[0]!, force: values.force === true, database };
}
