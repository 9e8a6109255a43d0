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
      if (from && head.id <= from.id) return "unchanged";
      if (!extendsFrom(db, from)) return "refused";
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
