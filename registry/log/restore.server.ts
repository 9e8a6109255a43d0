// `npm run restore` (scripts/restore.cli.ts): a backup written by registry/log/backup.server.ts
// brought back as the register's database.
//
// Restore: before anything of the register is touched, the backup must be a SQLite database of
// this register (its migrations and events tables, no migration this version lacks) whose chain
// and revisions pass the full check (verify.server.ts), against its own checkpoint when it has
// one. It must also agree with the live checkpoint: if the checkpoint names an event the backup
// has, the backup must have it with the same hash (a backup of another register, or of a log
// rewritten since, is refused). Then the live database must not be open in another process
// (SQLite cannot leave WAL mode while another connection is open: the probe; `force` skips it).
// The backup is copied to a temporary file in the database's directory, brought to this
// version's migrations, and gets a logged `restored` event through appendEvent (actor
// "register"), naming the backup's head, when it was taken and the checkpoint it replaces; the
// copy is checked again, then renamed over the database. The replaced database stays beside it
// as `<db>.before-restore-<time>` (a hard link: no copy) until the operator removes it. Last, the
// checkpoint moves to the new head through writeCheckpoint, which accepts a checkpoint the
// restored chain has lost only because the `restored` event names it (anchor.server.ts).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase, type Db } from "../../db/client.server";
import { migrateDatabase, MIGRATIONS_FOLDER } from "../../db/migrate.server";
import { checkpointPath, formatHead, readCheckpoint, writeCheckpoint, type ChainHead } from "./anchor.server";
import { checkRegister } from "./verify.server";
import { appendEvent } from "./log.server";
import { BACKUP_TABLE, fsyncDir, fsyncFile, refuse, removeWithSidecars } from "./backup.server";

export type BackupInfo = {
  file: string;
  head: ChainHead | null;
  /** When the backup was taken (null for a database copied by other means). */
  takenAt: string | null;
  migrations: number;
  /** The backup's own checkpoint file, when it has one. */
  checkpoint: ChainHead | null;
};

/** The number of migrations this version of the register has. */
function knownMigrations(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

/** Checks that `file` is a whole backup of a register whose chain verifies; refuses otherwise. */
export function inspectBackup(file: string): BackupInfo {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) refuse({ code: "backup_missing", file });
  let client: Database.Database;
  try {
    client = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return refuse({ code: "not_sqlite", file });
  }
  try {
    let tables: Set<string>;
    try {
      tables = new Set((client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name));
    } catch {
      return refuse({ code: "not_sqlite", file });
    }
    const missing = ["__drizzle_migrations", "events", "revisions", "tools"].filter((t) => !tables.has(t));
    if (missing.length) refuse({ code: "not_register", file, missing });
    const migrations = (client.prepare(`SELECT count(*) AS n FROM __drizzle_migrations`).get() as { n: number }).n;
    const known = knownMigrations();
    if (migrations > known) refuse({ code: "newer_schema", file, backupMigrations: migrations, knownMigrations: known });
    let takenAt: string | null = null;
    if (tables.has(BACKUP_TABLE)) takenAt = (client.prepare(`SELECT taken_at FROM ${BACKUP_TABLE} LIMIT 1`).get() as { taken_at: string } | undefined)?.taken_at ?? null;
    const cpFile = checkpointPath(file)!;
    const cp = readCheckpoint(cpFile);
    if (cp.state === "unreadable") refuse({ code: "backup_checkpoint_unreadable", file: cpFile });
    const checkpoint = cp.state === "ok" ? cp.head : null;
    const check = checkRegister(client, { anchors: checkpoint ? [{ source: "checkpoint", head: checkpoint }] : [] });
    if (!check.ok) refuse({ code: "backup_broken", file, check });
    return { file, head: check.head, takenAt, migrations, checkpoint };
  } finally {
    client.close();
  }
}

export type RestoreResult = {
  database: string;
  backup: BackupInfo;
  /** The `restored` event appended. */
  restored: ChainHead;
  /** The checkpoint the live database had (null if none). */
  replaced: ChainHead | null;
  /** Events the live checkpoint named past the backup's head: gone with the restore. */
  lostEvents: number;
  /** Where the replaced database was kept (null if there was none). */
  keptAs: string | null;
  migrationsApplied: number;
};

/** The head the backup would replace: the live checkpoint, which must agree with the backup. */
function liveCheckpoint(target: string, backupFile: string, backup: BackupInfo): ChainHead | null {
  const cpFile = checkpointPath(target)!;
  const cp = readCheckpoint(cpFile);
  if (cp.state === "unreadable") refuse({ code: "checkpoint_unreadable", file: cpFile });
  if (cp.state !== "ok") return null;
  // An event both have must be the same event: otherwise the backup is of another chain.
  if (backup.head && cp.head.id <= backup.head.id) {
    const client = new Database(backupFile, { readonly: true, fileMustExist: true });
    try {
      const at = client.prepare(`SELECT hash FROM events WHERE id = ?`).get(cp.head.id) as { hash: string } | undefined;
      if (at?.hash !== cp.head.hash) refuse({ code: "other_chain", file: cpFile, checkpoint: cp.head, found: at?.hash ?? null });
    } finally {
      client.close();
    }
  }
  return cp.head;
}

/**
 * Whether another connection has `file` open: SQLite leaves WAL mode only when it is alone. On
 * success the returned connection holds an exclusive lock on the (now rollback-journal) file,
 * with the WAL checkpointed into it, until it is closed. "busy" when another connection has it
 * open; "unreadable" when the file is not a database SQLite can open (the damage a restore
 * is for: nothing can be using it, and it is kept aside all the same).
 */
function lockAlone(file: string): Database.Database | "busy" | "unreadable" {
  let client: Database.Database;
  try {
    client = new Database(file, { fileMustExist: true });
  } catch {
    return "unreadable";
  }
  try {
    client.pragma("busy_timeout = 200");
    const mode = client.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") throw Object.assign(new Error(`journal mode stayed ${String(mode)}`), { code: "SQLITE_BUSY" });
    client.prepare("BEGIN EXCLUSIVE").run();
    return client;
  } catch (e) {
    client.close();
    const code = (e as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
    if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT")) return "unreadable";
    throw e;
  }
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");

/**
 * Brings the backup `backupFile` back as the database `target`. Every check of the backup runs
 * before the target is touched; a refusal leaves it as it was.
 */
export function restoreDatabase(backupFile: string, target: string, opts: { force?: boolean; now?: () => Date } = {}): RestoreResult {
  const now = opts.now ?? (() => new Date());
  const backup = inspectBackup(backupFile);
  const dbFile = path.resolve(target);
  if (path.resolve(backupFile) === dbFile) refuse({ code: "same_file", file: dbFile });
  const dir = path.dirname(dbFile);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) refuse({ code: "no_directory", dir });
  const replaced = liveCheckpoint(dbFile, backupFile, backup);

  const exists = fs.existsSync(dbFile);
  const probe = exists && !opts.force ? lockAlone(dbFile) : null;
  if (probe === "busy") refuse({ code: "in_use", file: dbFile });
  const lock = probe instanceof Database ? probe : null;
  const tmp = path.join(dir, `.${path.basename(dbFile)}.restore-${process.pid}.tmp`);
  let restored: ChainHead;
  let migrationsApplied = 0;
  try {
    removeWithSidecars(tmp);
    fs.copyFileSync(backupFile, tmp);
    let db: Db | null = openDatabase(tmp);
    try {
      db.$client.exec(`DROP TABLE IF EXISTS ${BACKUP_TABLE}`);
      migrateDatabase(db);
      migrationsApplied = (db.$client.prepare(`SELECT count(*) AS n FROM __drizzle_migrations`).get() as { n: number }).n - backup.migrations;
      const d = db;
      restored = d.$client
        .transaction(() => {
          const e = appendEvent(
            {
              kind: "restored",
              toolId: null,
              actor: "register",
              at: now().toISOString(),
              payload: { backup: backup.head, backupTakenAt: backup.takenAt, replaced },
            },
            d,
          );
          return { id: e.id, hash: e.hash };
        })
        .immediate();
      // The copy as it will be: the chain with its new event, against the checkpoint it replaces.
      const check = checkRegister(d.$client, { anchors: replaced ? [{ source: "checkpoint", head: replaced }] : [] });
      if (!check.ok) refuse({ code: "backup_broken", file: backupFile, check });
      d.$client.pragma("wal_checkpoint(TRUNCATE)");
      d.$client.pragma("journal_mode = DELETE");
      d.$client.close();
      db = null;
    } finally {
      db?.$client.close();
    }
    fsyncFile(tmp);

    // Into place: the old database kept beside (a hard link), its WAL and shared memory moved
    // with it so they never pair with the restored file, then the copy renamed over the name.
    let keptAs: string | null = null;
    if (exists) {
      keptAs = `${dbFile}.before-restore-${stamp(now())}`;
      removeWithSidecars(keptAs);
      try {
        fs.linkSync(dbFile, keptAs);
      } catch {
        fs.copyFileSync(dbFile, keptAs);
      }
      for (const s of ["-wal", "-shm"]) if (fs.existsSync(dbFile + s)) fs.renameSync(dbFile + s, keptAs + s);
      const cp = checkpointPath(dbFile)!;
      if (fs.existsSync(cp)) fs.copyFileSync(cp, `${keptAs}.chain-head`);
    }
    fs.rmSync(`${dbFile}-journal`, { force: true });
    fs.renameSync(tmp, dbFile);
    fsyncDir(dir);
    lock?.close();

    // The checkpoint moves to the new head, accepted because the `restored` event names the one it replaces.
    const live = openDatabase(dbFile);
    try {
      const written = writeCheckpoint(live);
      const cp = readCheckpoint(checkpointPath(dbFile));
      if (cp.state !== "ok" || formatHead(cp.head) !== formatHead(restored!)) throw new Error(`the checkpoint was not moved to the restored head (${written})`);
    } finally {
      live.$client.close();
    }
    return { database: dbFile, backup, restored: restored!, replaced, lostEvents: replaced && backup.head ? Math.max(0, replaced.id - backup.head.id) : (replaced?.id ?? 0), keptAs, migrationsApplied };
  } catch (e) {
    lock?.close();
    removeWithSidecars(tmp);
    throw e;
  }
}
