// The chain's anchor outside the database: a checkpoint file beside it naming the latest event
// (`<id>:<sha256>`, the same form `npm run verify-log -- --expect` takes). Anyone who rewrites
// the chain with recomputed hashes, or deletes its last events, changes the database but not
// this file, so verify-log and the server's check see the difference. The heads published with
// every /log.json page, API answer and feed are the same anchor held by others.
//
// The file only ever moves forward, to a higher event id, and only when the event it names is
// still in the database with the same hash and the events after it link up: a rewritten or
// truncated chain cannot move it. Writers hold SQLite's write lock (BEGIN IMMEDIATE) while they
// compare and replace it, so several processes sharing one database cannot move it backwards.
//
// One exception, for `npm run restore` (registry/log/backup.server.ts): a backup brought back
// lacks the events after it, so the checkpoint of the database it replaced may name an event the
// restored chain no longer has (or has with another hash). The checkpoint then moves to the
// restored chain's head only when the chain's latest `restored` event names exactly that
// checkpoint as the one it replaced, and names the event just before it as the backup's head.
// A database copied back without a `restored` event (a silent rollback) still leaves the
// checkpoint where it was, and the check reports the entries that went missing.
import fs from "node:fs";
import type { Db } from "../shared/db.server";
import { eventHash, GENESIS_HASH, type ChainEvent } from "./chain";

export type ChainHead = { id: number; hash: string };

const HEAD_RE = /^\s*(\d{1,15})\s*:\s*([0-9a-fA-F]{64})\s*$/;

/** `<eventId>:<sha256>` as written in the checkpoint file and given to `--expect`; null if malformed. */
export function parseHead(text: string): ChainHead | null {
  const m = HEAD_RE.exec(text);
  if (!m) return null;
  const id = Number(m[1]);
  return id >= 1 ? { id, hash: m[2]!.toLowerCase() } : null;
}

export const formatHead = (h: ChainHead) => `${h.id}:${h.hash}`;

/** The checkpoint file of a database file, or null for an in-memory database. */
export function checkpointPath(dbFile: string): string | null {
  return !dbFile || dbFile === ":memory:" ? null : `${dbFile}.chain-head`;
}

export type CheckpointRead = { state: "absent" } | { state: "unreadable"; text: string } | { state: "ok"; head: ChainHead };

export function readCheckpoint(file: string | null): CheckpointRead {
  if (!file) return { state: "absent" };
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { state: "absent" };
    throw e;
  }
  const head = parseHead(text);
  return head ? { state: "ok", head } : { state: "unreadable", text: text.slice(0, 200) };
}

type Row = { id: number; at: string; kind: string; tool_id: string | null; actor: string; payload: string; prev_hash: string; hash: string };
const toEvent = (r: Row): ChainEvent => ({ id: r.id, at: r.at, kind: r.kind, toolId: r.tool_id, actor: r.actor, payload: JSON.parse(r.payload) as unknown, prevHash: r.prev_hash, hash: r.hash });

/** What a `restored` event says (registry/log/backup.server.ts writes it). */
export type RestoredClaim = { backup: ChainHead | null; backupTakenAt: string | null; replaced: ChainHead | null };

function headOf(v: unknown): ChainHead | null | undefined {
  if (v === null) return null;
  if (typeof v !== "object" || Array.isArray(v)) return undefined;
  const { id, hash } = v as Record<string, unknown>;
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 1 && typeof hash === "string" && /^[0-9a-f]{64}$/.test(hash) ? { id, hash } : undefined;
}

/** The payload of a `restored` event, or null if it is not one (every field must be there). */
export function restoredClaim(payload: unknown): RestoredClaim | null {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const p = payload as Record<string, unknown>;
  const backup = headOf(p.backup);
  const replaced = headOf(p.replaced);
  const takenAt = p.backupTakenAt;
  if (backup === undefined || replaced === undefined || !(takenAt === null || typeof takenAt === "string")) return null;
  return { backup, backupTakenAt: takenAt, replaced };
}

/**
 * Whether a `restored` event supersedes `checkpoint`: it names it as the checkpoint it replaced,
 * and names as the backup's head the event just before it (the genesis for an empty backup).
 */
export function restoredSupersedes(event: { id: number; kind: string; prevHash: string; payload: unknown }, checkpoint: ChainHead): boolean {
  if (event.kind !== "restored") return false;
  const claim = restoredClaim(event.payload);
  if (!claim?.replaced || claim.replaced.id !== checkpoint.id || claim.replaced.hash !== checkpoint.hash) return false;
  return claim.backup ? claim.backup.id === event.id - 1 && claim.backup.hash === event.prevHash : event.id === 1 && event.prevHash === GENESIS_HASH;
}

/** Per connection, the last checkpoint and head for which no `restored` event was found (saves a scan per append). */
const noRestore = new WeakMap<object, string>();

/**
 * The head of the backup the database was restored from, when its latest `restored` event
 * supersedes `checkpoint`; undefined otherwise. Null stands for an empty backup (the genesis).
 */
function restoredFrom(db: Db, checkpoint: ChainHead, head: ChainHead): ChainHead | null | undefined {
  const key = `${formatHead(checkpoint)} ${formatHead(head)}`;
  if (noRestore.get(db.$client) === key) return undefined;
  const r = db.$client.prepare(`SELECT * FROM events WHERE kind = 'restored' ORDER BY id DESC LIMIT 1`).get() as Row | undefined;
  let payload: unknown = null;
  try {
    payload = r ? JSON.parse(r.payload) : null;
  } catch {
    // Not JSON: not a restored event this code wrote.
  }
  if (!r || !restoredSupersedes({ id: r.id, kind: r.kind, prevHash: r.prev_hash, payload }, checkpoint)) {
    noRestore.set(db.$client, key);
    return undefined;
  }
  return restoredClaim(payload)!.backup;
}

/** The latest event of the database. */
export function chainHead(db: Db): ChainHead | null {
  return (db.$client.prepare(`SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`).get() as ChainHead | undefined) ?? null;
}

/** Whether the events after `from` (which must still be there with its hash) up to the head link up. */
function extendsFrom(db: Db, from: ChainHead | null): boolean {
  let prevId = 0;
  let prevHash = GENESIS_HASH;
  if (from) {
    const at = db.$client.prepare(`SELECT hash FROM events WHERE id = ?`).get(from.id) as { hash: string } | undefined;
    if (!at || at.hash !== from.hash) return false;
    [prevId, prevHash] = [from.id, from.hash];
  }
  for (const r of db.$client.prepare(`SELECT * FROM events WHERE id > ? ORDER BY id`).iterate(prevId) as IterableIterator<Row>) {
    const e = toEvent(r);
    if (e.id !== prevId + 1 || e.prevHash !== prevHash || eventHash(e) !== e.hash) return false;
    [prevId, prevHash] = [e.id, e.hash];
  }
  return true;
}

export type CheckpointWrite = "written" | "unchanged" | "refused" | "skipped";

/**
 * Moves the checkpoint to the database's latest event. Never backwards: a head at or below the
 * checkpoint leaves it alone; a chain that no longer contains the checkpointed event (or whose
 * events after it do not link up) leaves it alone too ("refused"), so the evidence stays.
 */
export function writeCheckpoint(db: Db): CheckpointWrite {
  const client = db.$client;
  const file = checkpointPath(client.name);
  if (!file || !client.open || client.readonly || client.inTransaction) return "skipped";
  return client
    .transaction((): CheckpointWrite => {
      const head = chainHead(db);
      if (!head) return "unchanged";
      const current = readCheckpoint(file);
      // An unreadable file is evidence too: leave it for a person to look at.
      if (current.state === "unreadable") return "refused";
      const from = current.state === "ok" ? current.head : null;
      if (!from) {
        if (!extendsFrom(db, null)) return "refused";
      } else {
        // A checkpoint the chain has lost (ahead of the head, or no longer in it with its hash):
        // moved only by a `restored` event that names it, to the restored chain's head.
        const lost = head.id < from.id || (head.id === from.id ? head.hash !== from.hash : !extendsFrom(db, from));
        if (!lost && head.id === from.id) return "unchanged";
        if (lost) {
          const backup = restoredFrom(db, from, head);
          if (backup === undefined) return head.id <= from.id ? "unchanged" : "refused";
          if (!extendsFrom(db, backup)) return "refused";
        }
      }
      // Written whole and flushed before it replaces the old one, so a crash leaves one or the other.
      const tmp = `${file}.${process.pid}.tmp`;
      const fd = fs.openSync(tmp, "w");
      try {
        fs.writeSync(fd, `${formatHead(head)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
      return "written";
    })
    .immediate();
}

// After an append: the transaction that appended has committed (or rolled back) by the time a
// setImmediate callback runs, since better-sqlite3 transactions are synchronous. One callback per
// burst of appends on a connection.
const pending = new WeakSet<object>();
const listeners = new Set<(db: Db) => void>();

/** Called by appendEvent inside its transaction. */
export function afterAppend(db: Db): void {
  const client = db.$client;
  if (pending.has(client)) return;
  pending.add(client);
  setImmediate(() => {
    pending.delete(client);
    if (!client.open) return;
    if (client.inTransaction) return afterAppend(db);
    try {
      writeCheckpoint(db);
    } catch (e) {
      // The next append or the watch's next round tries again.
      console.warn(`chain checkpoint not written: ${(e as Error).message}`);
    }
    for (const l of listeners) l(db);
  });
}

/** The chain watch learns of appends this way (registry/log/watch.server.ts). */
export function onAppend(listener: (db: Db) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
