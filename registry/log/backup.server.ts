// Backup and restore of the register's database (issue 17), for `npm run backup` and
// `npm run restore` (scripts/backup.cli.ts, scripts/restore.cli.ts).
//
// Backup: SQLite's online backup API (better-sqlite3 `db.backup`) copies every page in one step,
// that is in one read transaction: in WAL mode the server and other writers go on meanwhile and
// the copy is the database as it was at one commit (a step-wise copy would start over after each
// write of another connection and might never end under steady writes). The copy is made beside
// the destination and renamed into place, so an interrupted backup never leaves a half file under
// the name. It is one self-contained file (rollback journal, no -wal) with a small table
// `register_backup` saying when it was taken and its head; its own checkpoint file
// `<file>.chain-head` holds that head, so `DATABASE_PATH=<file> npm run verify-log` checks it as
// it is, and a restore refuses a backup cut short.
//
// The restore is registry/log/restore.server.ts.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/client.server";
import { checkpointPath, formatHead, type ChainHead } from "./anchor.server";
import type { RegisterCheck } from "./verify.server";

/** Why a backup or a restore did not happen; the CLIs word each for the operator. */
export type BackupRefusal =
  | { code: "source_missing"; file: string }
  | { code: "exists"; file: string }
  | { code: "no_directory"; dir: string }
  | { code: "backup_missing"; file: string }
  | { code: "not_sqlite"; file: string }
  | { code: "not_register"; file: string; missing: string[] }
  | { code: "newer_schema"; file: string; backupMigrations: number; knownMigrations: number }
  | { code: "backup_checkpoint_unreadable"; file: string }
  | { code: "backup_broken"; file: string; check: RegisterCheck }
  | { code: "checkpoint_unreadable"; file: string }
  | { code: "other_chain"; file: string; checkpoint: ChainHead; found: string | null }
  | { code: "in_use"; file: string }
  | { code: "same_file"; file: string };

export class BackupRefused extends Error {
  constructor(readonly refusal: BackupRefusal) {
    super(`backup or restore refused: ${refusal.code}`);
  }
}

export const refuse = (r: BackupRefusal): never => {
  throw new BackupRefused(r);
};

export type BackupResult = { file: string; bytes: number; head: ChainHead | null; takenAt: string; checkpointFile: string };

export const BACKUP_TABLE = "register_backup";

export function fsyncFile(file: string) {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string) {
  try {
    fsyncFile(dir);
  } catch {
    // Not every file system lets a directory be opened for fsync; the rename is done either way.
  }
}

function writeFileDurably(file: string, text: string) {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, "w");
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function removeWithSidecars(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

/**
 * Takes a consistent copy of the database `source` (a file path) into `dest`, while the server
 * and other writers keep running. Refuses an existing `dest` unless `force`, and a `dest` in a
 * directory that does not exist.
 */
export async function backupDatabase(source: string, dest: string, opts: { force?: boolean; now?: () => Date } = {}): Promise<BackupResult> {
  const file = path.resolve(dest);
  const dir = path.dirname(file);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) refuse({ code: "no_directory", dir });
  if (!fs.existsSync(source)) refuse({ code: "source_missing", file: source });
  if (path.resolve(source) === file) refuse({ code: "same_file", file });
  if (fs.existsSync(file) && !opts.force) refuse({ code: "exists", file });

  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.partial`);
  removeWithSidecars(tmp);
  const src = openDatabase(source, { readonly: true });
  try {
    // All remaining pages in one step (one read transaction): a consistent copy even while others write.
    await src.$client.backup(tmp, { progress: ({ remainingPages }) => remainingPages + 1 });
  } catch (e) {
    removeWithSidecars(tmp);
    throw e;
  } finally {
    src.$client.close();
  }
  const takenAt = (opts.now ?? (() => new Date()))().toISOString();
  let head: ChainHead | null;
  const copy = new Database(tmp);
  try {
    head = (copy.prepare(`SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`).get() as ChainHead | undefined) ?? null;
    copy.exec(`DROP TABLE IF EXISTS ${BACKUP_TABLE}; CREATE TABLE ${BACKUP_TABLE} (taken_at TEXT NOT NULL, head_id INTEGER, head_hash TEXT)`);
    copy.prepare(`INSERT INTO ${BACKUP_TABLE} (taken_at, head_id, head_hash) VALUES (?, ?, ?)`).run(takenAt, head?.id ?? null, head?.hash ?? null);
    // One file to carry off the machine: no -wal beside it.
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  fsyncFile(tmp);
  fs.renameSync(tmp, file);
  // The backup's own checkpoint: its head (none for an empty log, and any stale one goes).
  const cp = checkpointPath(file)!;
  if (head) writeFileDurably(cp, `${formatHead(head)}\n`);
  else fs.rmSync(cp, { force: true });
  fsyncDir(dir);
  return { file, bytes: fs.statSync(file).size, head, takenAt, checkpointFile: cp };
}
