// The check of what was appended since a verified head, which the server's chain watch runs after
// appends between two full checks (registry/log/watch.server.ts): the verified head is still in
// the log with its hash, every anchor at or below it too, the entries after it follow one from
// another (and meet the anchors among them), and every tool those entries name has, for each of
// its revisions, the record hash and review status its whole log gives it, and its published
// status too. It costs the new entries and the tools they name, not the whole register.
//
// It only ever says "nothing wrong" or "ask the full check": whenever anything does not match
// (or there is too much to look at, or a `restored` entry), it returns null and the caller runs
// the full check (verify.server.ts), which names every problem. What it cannot see is a change
// to an entry or a revision it does not read (an old row edited in the file); the full check,
// which the watch still runs about once a minute, finds those.
import type Database from "better-sqlite3";
import { eventHash } from "./chain";
import type { ChainHead } from "./anchor.server";
import { projectionProblem, revisionKey, revisionProblems, RevisionLog, type EventRow, type RevisionRow } from "./revision-log";
import type { CheckOptions, RegisterCheck } from "./verify.server";

/** Beyond this many new entries, or tools named, the full check is about as cheap: null. */
export const SINCE_LIMIT = 5_000;
const EVENT_BATCH = 500;
const TOOLS_PER_STEP = 20;

/** The head of the latest check that found nothing wrong, and how many entries it covered. */
export type Verified = { head: ChainHead; count: number };

/**
 * The check since `from`, one batch per step, on a connection with a read transaction open. Its
 * result is an intact check of the whole chain up to the new head, or null: run the full check.
 */
export function* checkSinceSteps(client: Database.Database, from: Verified, opts: CheckOptions = {}): Generator<void, RegisterCheck | null> {
  if (opts.preliminary?.length) return null;
  const hashAt = client.prepare(`SELECT hash FROM events WHERE id = ?`);
  const still = (h: ChainHead) => (hashAt.get(h.id) as { hash: string } | undefined)?.hash === h.hash;
  if (!still(from.head)) return null;
  /** Anchors after the verified head: met on the way. */
  const ahead = new Map<number, string[]>();
  for (const a of opts.anchors ?? []) {
    if (a.head.id <= from.head.id) {
      if (!still(a.head)) return null;
    } else ahead.set(a.head.id, [...(ahead.get(a.head.id) ?? []), a.head.hash]);
  }

  let [prevId, prevHash, count] = [from.head.id, from.head.hash, from.count];
  const tools = new Set<string>();
  const batch = client.prepare(`SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ${EVENT_BATCH}`);
  for (;;) {
    const rows = batch.all(prevId) as EventRow[];
    if (!rows.length) break;
    for (const r of rows) {
      let payload: unknown;
      try {
        payload = JSON.parse(r.payload);
      } catch {
        return null;
      }
      if (r.id !== prevId + 1 || r.prev_hash !== prevHash || r.kind === "restored") return null;
      if (eventHash({ id: r.id, at: r.at, kind: r.kind, toolId: r.tool_id, actor: r.actor, payload, prevHash: r.prev_hash }) !== r.hash) return null;
      if (ahead.get(r.id)?.some((h) => h !== r.hash)) return null;
      ahead.delete(r.id);
      [prevId, prevHash] = [r.id, r.hash];
      count++;
      if (r.tool_id && typeof (payload as { revision?: unknown } | null)?.revision === "number") tools.add(r.tool_id);
      if (count - from.count > SINCE_LIMIT || tools.size > SINCE_LIMIT) return null;
    }
    yield;
  }
  // An anchor beyond the head: entries were cut off (the full check reports it).
  if (ahead.size) return null;

  // Each tool named: every revision against the whole of its log, and its published status.
  const toolEvents = client.prepare(`SELECT id, kind, tool_id, payload FROM events WHERE tool_id = ? AND id <= ? ORDER BY id`);
  const revisions = client.prepare(
    `SELECT r.id, t.id AS tool_id, r.number, r.status, r.record, r.record_sha256 FROM revisions r JOIN tools t ON t.seq = r.tool_seq WHERE t.id = ?`,
  );
  const published = client.prepare(`SELECT t.id, t.review_status, r.number FROM tools t JOIN revisions r ON r.id = t.published_revision_id WHERE t.id = ?`);
  let looked = 0;
  for (const tool of tools) {
    const log = new RevisionLog();
    for (const e of toolEvents.iterate(tool, prevId) as IterableIterator<Pick<EventRow, "id" | "kind" | "tool_id" | "payload">>) {
      let payload: unknown = null;
      try {
        payload = JSON.parse(e.payload);
      } catch {
        // Not JSON: it names no revision (the full check reports the entry).
      }
      log.add(e, payload);
    }
    const seen = new Set<string>();
    for (const r of revisions.all(tool) as RevisionRow[]) {
      const found = revisionProblems(r, log.get(tool, r.number));
      if (found === "skip") continue;
      if (found.length) return null;
      seen.add(revisionKey(tool, r.number));
    }
    for (const k of log.logged.keys()) if (!seen.has(k)) return null;
    const t = published.get(tool) as { id: string; review_status: string; number: number } | undefined;
    if (t && projectionProblem(t, log.get(tool, t.number))) return null;
    if (++looked % TOOLS_PER_STEP === 0) yield;
  }
  return { ok: true, count, head: { id: prevId, hash: prevHash }, problems: [], problemCount: 0 };
}

/** The check since `from` at once, in one read transaction (tests and tools). */
export function checkSince(client: Database.Database, from: Verified, opts: CheckOptions = {}): RegisterCheck | null {
  const own = !client.inTransaction;
  if (own) client.prepare("BEGIN").run();
  try {
    const steps = checkSinceSteps(client, from, opts);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  } finally {
    if (own && client.inTransaction) client.prepare("COMMIT").run();
  }
}
