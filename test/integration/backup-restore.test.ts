// Backup and restore (issue 17): `npm run backup` copies a live register while another process
// keeps writing; `npm run restore` brings the copy back with a logged `restored` entry naming
// the backup's head, and the anchor (checkpoint file) accepts the restored chain although it was
// ahead of the backup; a copy put back without that entry is still flagged; a file that is not a
// backup of this register, or whose log is broken, is refused with the database left as it was.
import { afterEach, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createHash, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { freshDb } from "../helpers/db";
import { seedRecord } from "../helpers/seed";
import { TMP } from "../helpers/paths";
import { openDatabase } from "../../db/client.server";
import { backupDatabase, BackupRefused, type BackupRefusal } from "../../registry/log/backup.server";
import { inspectBackup, restoreDatabase } from "../../registry/log/restore.server";
import { checkpointPath, formatHead, readCheckpoint, writeCheckpoint, type ChainHead } from "../../registry/log/anchor.server";
import { checkRegister } from "../../registry/log/verify.server";
import { appendEvent } from "../../registry/log/log.server";
import { publishRevision } from "../../registry/records/publish.server";
import { refusalMessage } from "../../scripts/backup-words";

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A directory of its own under the test tmp dir, removed after the test. */
function workDir(): string {
  const dir = path.join(TMP, `backup-${randomUUID()}`);
  fs.mkdirSync(dir);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function live() {
  const f = freshDb();
  cleanups.push(() => f.close());
  return f;
}

const headOf = (file: string): ChainHead => {
  const c = new Database(file, { readonly: true });
  try {
    return c.prepare(`SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`).get() as ChainHead;
  } finally {
    c.close();
  }
};

const lastEvent = (file: string) => {
  const c = new Database(file, { readonly: true });
  try {
    return c.prepare(`SELECT * FROM events ORDER BY id DESC LIMIT 1`).get() as { id: number; kind: string; actor: string; payload: string; prev_hash: string; hash: string };
  } finally {
    c.close();
  }
};

/** The full check of a database file against its checkpoint file, as verify-log runs it. */
function checkFile(file: string) {
  const cp = readCheckpoint(checkpointPath(file));
  const c = new Database(file, { readonly: true });
  try {
    return { checkpoint: cp, result: checkRegister(c, { anchors: cp.state === "ok" ? [{ source: "checkpoint", head: cp.head }] : [] }) };
  } finally {
    c.close();
  }
}

function cli(script: string, file: string, ...args: string[]) {
  return spawnSync(process.execPath, [TSX, script, ...args], { env: { ...process.env, DATABASE_PATH: file }, encoding: "utf8" });
}

const sha = (file: string) => (fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : "absent");

function refusalOf(run: () => unknown): BackupRefusal {
  try {
    run();
  } catch (e) {
    if (e instanceof BackupRefused) return e.refusal;
    throw e;
  }
  throw new Error("expected a refusal");
}

async function refusalOfAsync(run: () => Promise<unknown>): Promise<BackupRefusal> {
  try {
    await run();
  } catch (e) {
    if (e instanceof BackupRefused) return e.refusal;
    throw e;
  }
  throw new Error("expected a refusal");
}

/** Starts the writer process on `file` and resolves once it has written its first revision. */
function startWriter(file: string): Promise<{ child: ChildProcess; lines: () => string[] }> {
  const child = spawn(process.execPath, [TSX, "test/helpers/backup-writer.ts", file], { stdio: ["ignore", "pipe", "pipe"] });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  const out: string[] = [];
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out.push(...d.toString().split("\n").filter(Boolean));
      if (out[0] === "ready") resolve({ child, lines: () => out });
    });
    child.on("exit", (code) => reject(new Error(`writer exited (${code}): ${err}`)));
  });
}

const waitUntil = async (cond: () => boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

function stopWriter(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

describe("npm run backup while the register is being written, and npm run restore", () => {
  it("copies a consistent register while another process writes; the restore logs a `restored` entry naming the backup's head and the checkpoint accepts it", async () => {
    const f = live();
    const dir = workDir();
    const start = headOf(f.file);
    const writer = await startWriter(f.file);
    // The backup is taken while the writer goes on: it has written before and writes after.
    const backupFile = path.join(dir, "register-backup.sqlite");
    const backup = await backupDatabase(f.file, backupFile);
    const writtenAtBackup = writer.lines().length;
    await waitUntil(() => writer.lines().length >= writtenAtBackup + 5);
    await stopWriter(writer.child);

    expect(backup.head!.id).toBeGreaterThan(start.id);
    expect(backup.bytes).toBe(fs.statSync(backupFile).size);
    expect(fs.readFileSync(checkpointPath(backupFile)!, "utf8")).toBe(`${formatHead(backup.head!)}\n`);
    // One file: no WAL beside it.
    expect(fs.existsSync(`${backupFile}-wal`)).toBe(false);
    // The live register went on past the backup, and its checkpoint followed it.
    const liveHead = headOf(f.file);
    expect(liveHead.id).toBeGreaterThan(backup.head!.id);
    // (The writer may have been stopped before its last checkpoint write; the server's watch would do this.)
    writeCheckpoint(f.db);
    expect(readCheckpoint(checkpointPath(f.file))).toEqual({ state: "ok", head: liveHead });
    // The backup is a whole register at one commit: chain, anchors and every revision check out.
    const info = inspectBackup(backupFile);
    expect(info.head).toEqual(backup.head);
    expect(info.takenAt).toBe(backup.takenAt);

    // Restore into another path that holds the live register as it is now (its checkpoint ahead of the backup).
    const target = path.join(dir, "restored.sqlite");
    const copy = await backupDatabase(f.file, path.join(dir, "live-now.sqlite"));
    fs.renameSync(copy.file, target);
    fs.copyFileSync(checkpointPath(f.file)!, checkpointPath(target)!);
    // Without the restore, this copy is fine against its checkpoint.
    expect(checkFile(target).result.ok).toBe(true);

    const r = restoreDatabase(backupFile, target, { now: () => new Date("2026-12-03T04:00:00.000Z") });
    expect(r.replaced).toEqual(liveHead);
    expect(r.lostEvents).toBe(liveHead.id - backup.head!.id);
    expect(r.restored.id).toBe(backup.head!.id + 1);

    const e = lastEvent(target);
    expect(e).toMatchObject({ id: backup.head!.id + 1, kind: "restored", actor: "register", prev_hash: backup.head!.hash, hash: r.restored.hash });
    expect(JSON.parse(e.payload)).toEqual({ backup: backup.head, backupTakenAt: backup.takenAt, replaced: liveHead });
    // No table of the backup's own and no temporary file is left behind.
    const c = new Database(target, { readonly: true });
    expect(c.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'register_backup'`).get()).toEqual({ n: 0 });
    c.close();
    expect(fs.readdirSync(dir).filter((n) => n.includes(".tmp") || n.includes(".partial"))).toEqual([]);
    // The replaced database is kept beside it, whole.
    expect(headOf(r.keptAs!)).toEqual(liveHead);

    // The checkpoint moved to the restored head, and the full check passes against it …
    const after = checkFile(target);
    expect(after.checkpoint).toEqual({ state: "ok", head: r.restored });
    expect(after.result.problems).toEqual([]);
    expect(after.result.ok).toBe(true);
    // … also with the old checkpoint still in place (a crash before it moved): the `restored` entry names it.
    expect(checkRegister(new Database(target, { readonly: true }), { anchors: [{ source: "checkpoint", head: liveHead }] }).ok).toBe(true);
    // A head copied from outside is not excused: those entries are gone.
    expect(checkRegister(new Database(target, { readonly: true }), { anchors: [{ source: "expected", head: liveHead }] }).problems.map((p) => p.code)).toEqual(["anchor_missing"]);
    // npm run verify-log passes on the restored copy.
    const v = cli("scripts/verify-log.cli.ts", target);
    expect(v.stderr).toBe("");
    expect(v.status).toBe(0);
    expect(v.stdout).toContain(`it contains the checkpoint ${formatHead(r.restored)}`);

    // The register goes on writing after the restore, and the checkpoint follows.
    const db = openDatabase(target);
    try {
      const rec = structuredClone(seedRecord("lucheng-smart-door-sensors"));
      rec.identity.summary = { zh: "恢复后的摘要。", en: "A summary after the restore." };
      publishRevision(rec, { at: "2026-12-03T05:00:00.000Z" }, db);
      expect(writeCheckpoint(db)).toBe("written");
      expect(readCheckpoint(checkpointPath(target))).toEqual({ state: "ok", head: headOf(target) });
    } finally {
      db.$client.close();
    }
  }, 180_000);

  it("the CLIs print the backup's file, size and head, refuse to overwrite or to write into a missing directory, and restore", () => {
    const f = live();
    const dir = workDir();
    f.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const file = path.join(dir, "b.sqlite");
    const b = cli("scripts/backup.cli.ts", f.file, file);
    expect(b.status, b.stderr).toBe(0);
    const h = headOf(f.file);
    expect(b.stdout).toContain(`Backed up ${f.file} to ${file}`);
    expect(b.stdout).toContain(`(${fs.statSync(file).size} bytes)`);
    expect(b.stdout).toContain(`Last log entry in the backup: entry ${h.id}, hash ${h.hash}.`);

    const again = cli("scripts/backup.cli.ts", f.file, file);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`${file} already exists; nothing was written.`);
    const missing = cli("scripts/backup.cli.ts", f.file, path.join(dir, "no-such-dir", "b.sqlite"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`The directory ${path.join(dir, "no-such-dir")} does not exist`);
    expect(fs.existsSync(path.join(dir, "no-such-dir"))).toBe(false);
    expect(cli("scripts/backup.cli.ts", f.file, file, "--force").status).toBe(0);

    // The restore refuses while the database is open elsewhere (here: this test's connection).
    const busy = cli("scripts/restore.cli.ts", f.file, file);
    expect(busy.status).toBe(2);
    expect(busy.stderr).toContain("is open in another process");
    f.db.$client.close();
    const r = cli("scripts/restore.cli.ts", f.file, file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`The backup's last log entry: entry ${h.id}, hash ${h.hash}`);
    expect(r.stdout).toContain(`Logged the restore as entry ${h.id + 1}`);
    expect(cli("scripts/verify-log.cli.ts", f.file).status).toBe(0);
  }, 120_000);
});

describe("restoring over a damaged database", () => {
  it("replaces a file SQLite can no longer read, keeping it aside", async () => {
    const f = live();
    const dir = workDir();
    const backup = await backupDatabase(f.file, path.join(dir, "b.sqlite"));
    f.db.$client.close();
    for (const s of ["-wal", "-shm"]) fs.rmSync(f.file + s, { force: true });
    fs.writeFileSync(f.file, "the disk ate this page ".repeat(500));
    const r = restoreDatabase(backup.file, f.file);
    expect(r.restored.id).toBe(backup.head!.id + 1);
    expect(fs.readFileSync(r.keptAs!, "utf8")).toMatch(/^the disk ate this page/);
    const after = checkFile(f.file);
    expect(after.result.problems).toEqual([]);
    expect(after.checkpoint).toEqual({ state: "ok", head: r.restored });
  }, 60_000);
});

describe("a rollback without a `restored` entry", () => {
  it("is still flagged: the checkpoint does not follow an older copy put back over the database", async () => {
    const f = live();
    const dir = workDir();
    const old = await backupDatabase(f.file, path.join(dir, "old.sqlite"));
    for (let i = 1; i <= 2; i++) {
      const rec = structuredClone(seedRecord("lucheng-smart-door-sensors"));
      rec.identity.summary = { zh: `摘要 ${i}。`, en: `Summary ${i}.` };
      publishRevision(rec, { at: `2026-02-0${i}T00:00:00.000Z` }, f.db);
    }
    writeCheckpoint(f.db);
    const ahead = headOf(f.file);
    expect(ahead.id).toBe(old.head!.id + 2);
    expect(readCheckpoint(checkpointPath(f.file))).toEqual({ state: "ok", head: ahead });

    // Someone copies the old file back over the database.
    f.db.$client.close();
    for (const s of ["-wal", "-shm"]) fs.rmSync(f.file + s, { force: true });
    fs.copyFileSync(old.file, f.file);
    const missing = checkFile(f.file).result;
    expect(missing.ok).toBe(false);
    expect(missing.problems).toEqual([expect.objectContaining({ code: "anchor_missing", source: "checkpoint", event: ahead.id })]);
    expect(cli("scripts/verify-log.cli.ts", f.file).status).toBe(1);

    const db = openDatabase(f.file);
    cleanups.push(() => db.$client.open && db.$client.close());
    // A `restored` entry that does not name this checkpoint moves nothing either.
    db.$client
      .transaction(() => appendEvent({ kind: "restored", toolId: null, actor: "register", at: "2026-03-01T00:00:00.000Z", payload: { backup: old.head, backupTakenAt: old.takenAt, replaced: { id: ahead.id, hash: "0".repeat(64) } } }, db))
      .immediate();
    expect(writeCheckpoint(db)).toBe("unchanged");
    // Nor do later appends past the checkpoint's id: the chain does not contain the checkpointed entry.
    for (let i = 3; i <= 4; i++) {
      const rec = structuredClone(seedRecord("lucheng-smart-door-sensors"));
      rec.identity.summary = { zh: `摘要 ${i}。`, en: `Summary ${i}.` };
      publishRevision(rec, { at: `2026-03-0${i}T00:00:00.000Z` }, db);
    }
    expect(headOf(f.file).id).toBeGreaterThan(ahead.id);
    expect(writeCheckpoint(db)).toBe("refused");
    expect(readCheckpoint(checkpointPath(f.file))).toEqual({ state: "ok", head: ahead });
    expect(checkFile(f.file).result.problems.map((p) => p.code)).toEqual(["anchor_mismatch"]);
  }, 60_000);
});

describe("npm run restore refuses, leaving the database as it was", () => {
  async function setup() {
    const f = live();
    const dir = workDir();
    const backup = await backupDatabase(f.file, path.join(dir, "good.sqlite"));
    f.db.$client.close();
    const files = ["", "-wal", "-shm", ".chain-head"].map((s) => f.file + s);
    const before = files.map(sha);
    const untouched = () => {
      expect(files.map(sha)).toEqual(before);
      expect(fs.readdirSync(path.dirname(f.file)).filter((n) => n.includes(path.basename(f.file)) && /restore/.test(n))).toEqual([]);
    };
    return { f, dir, backup, untouched };
  }

  it("a file that is not a SQLite database, and a SQLite database of something else", async () => {
    const { f, dir, untouched } = await setup();
    const text = path.join(dir, "notes.sqlite");
    fs.writeFileSync(text, "this is not a database\n".repeat(200));
    expect(refusalOf(() => restoreDatabase(text, f.file))).toEqual({ code: "not_sqlite", file: text });
    const other = path.join(dir, "other.sqlite");
    const c = new Database(other);
    c.exec(`CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT); INSERT INTO events VALUES (1, 'x')`);
    c.close();
    const r = refusalOf(() => restoreDatabase(other, f.file));
    expect(r).toMatchObject({ code: "not_register", missing: ["__drizzle_migrations", "revisions", "tools"] });
    expect(refusalMessage(r).join("\n")).toContain("not a database of this register");
    expect(refusalOf(() => restoreDatabase(path.join(dir, "absent.sqlite"), f.file)).code).toBe("backup_missing");
    untouched();
    const cliRun = cli("scripts/restore.cli.ts", f.file, text);
    expect(cliRun.status).toBe(2);
    expect(cliRun.stderr).toContain(`${text} is not a SQLite database; nothing was changed.`);
    untouched();
  }, 60_000);

  it("a backup whose chain is broken, or cut short against its own checkpoint, or of another chain", async () => {
    const { f, backup, dir, untouched } = await setup();
    // An entry's payload changed inside the backup.
    const broken = path.join(dir, "broken.sqlite");
    fs.copyFileSync(backup.file, broken);
    const c = new Database(broken);
    c.exec(`DROP TRIGGER IF EXISTS events_no_update`);
    c.prepare(`UPDATE events SET actor = 'someone-else' WHERE id = 5`).run();
    c.close();
    const r = refusalOf(() => restoreDatabase(broken, f.file));
    expect(r.code).toBe("backup_broken");
    expect(r.code === "backup_broken" && r.check.problems[0]).toMatchObject({ code: "chain_broken", event: 5 });
    expect(refusalMessage(r).join("\n")).toMatch(/does not pass the log check[\s\S]*entry 5/i);
    untouched();

    // The last entries deleted from the backup: its own checkpoint catches it.
    const short = path.join(dir, "short.sqlite");
    fs.copyFileSync(backup.file, short);
    fs.copyFileSync(checkpointPath(backup.file)!, checkpointPath(short)!);
    const s = new Database(short);
    s.exec(`DROP TRIGGER IF EXISTS events_no_delete`);
    s.prepare(`DELETE FROM events WHERE id > ?`).run(backup.head!.id - 1);
    s.close();
    expect(refusalOf(() => restoreDatabase(short, f.file))).toMatchObject({ code: "backup_broken" });
    untouched();

    // The live checkpoint names an entry the backup has with another hash.
    const cp = checkpointPath(f.file)!;
    const real = fs.readFileSync(cp, "utf8");
    fs.writeFileSync(cp, `10:${"a".repeat(64)}\n`);
    expect(refusalOf(() => restoreDatabase(backup.file, f.file))).toMatchObject({ code: "other_chain" });
    fs.writeFileSync(cp, real);
    untouched();
  }, 60_000);

  it("a backup file that is missing its directory or already exists is not written", async () => {
    const f = live();
    const dir = workDir();
    expect(await refusalOfAsync(() => backupDatabase(f.file, path.join(dir, "nope", "b.sqlite")))).toEqual({ code: "no_directory", dir: path.join(dir, "nope") });
    const existing = path.join(dir, "b.sqlite");
    fs.writeFileSync(existing, "keep me");
    expect(await refusalOfAsync(() => backupDatabase(f.file, existing))).toEqual({ code: "exists", file: existing });
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
  });
});
