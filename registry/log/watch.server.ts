// The server's chain watch, off the request path. After appends it checks what was appended
// since the last intact check (registry/log/verify-since.server.ts: the new entries and the tools
// they name, a few milliseconds); at least every 60 seconds of register time, and whenever that
// check cannot vouch for the new entries, it runs the full check (registry/log/verify.server.ts)
// in a worker thread at the lowest priority, one process at a time (full-check.server.ts), and
// in slices on the event loop only when the thread cannot run. The result goes to `chain_checks`
// (one row, shared by every worker process) with the time of the last full check. /log,
// /log.json and the API show that row with its times, never a result without the time it was
// found.
//
// Each worker calls startChainWatch() once (app/entry.server.tsx). Nothing runs unless it is
// started, its timer does not keep a process alive, and it stays off under vitest and where
// REGISTER_CHAIN_WATCH=off (the static mirror export).
import type { Ctx } from "../shared/context";
import Database from "better-sqlite3";
import { getDb, stmt, type Db } from "../shared/db.server";
import { registerNow } from "../shared/clock.server";
import { chainHead, checkpointPath, onAppend, readCheckpoint, writeCheckpoint, type ChainHead } from "./anchor.server";
import { checkRegister, checkRegisterSteps, problemLocus, type ChainProblem, type CheckOptions, type RegisterCheck } from "./verify.server";
import { checkSinceSteps } from "./verify-since.server";
import { claimFullCheck, fullCheckInThread } from "./full-check.server";

/** Register time between two full checks. */
export const CHECK_EVERY_MS = 60_000;
/**
 * For a log so large that a full check takes more than a fifth of that, the time between two
 * full checks is this many times as long as the last one took (a million entries: minutes).
 */
const FULL_CHECK_SHARE = 5;
/** Real time between two looks at whether a check is due; each look is one small query. */
const TICK_MS = 2_000;
/** Real time after an append before the check, so a burst of appends is checked once. */
const APPEND_DEBOUNCE_MS = 300;
/** How long one slice of a check may hold the event loop. */
const SLICE_MS = 15;

export type LastChainCheck = {
  checkedAt: string;
  ok: boolean;
  head: ChainHead | null;
  count: number;
  problems: ChainProblem[];
  problemCount: number;
  /** The latest full check (every entry and revision); later entries were checked as they came. */
  fullCheckedAt: string;
  /** The latest entry at that full check. */
  fullHeadId: number | null;
};

/** The anchors the server checks against: its checkpoint file (created when missing). */
function serverCheckOptions(file: string): CheckOptions {
  const cp = readCheckpoint(checkpointPath(file));
  if (cp.state === "ok") return { anchors: [{ source: "checkpoint", head: cp.head }] };
  if (cp.state === "unreadable") return { preliminary: [{ code: "checkpoint_unreadable", file: checkpointPath(file)! }] };
  return {};
}

/**
 * Stores a check; `full` is the latest full check's time and head (this one's for a full check).
 * A check since a head passes `full.at`: it is stored only over the intact result of that full
 * check, never over a full check another process stored meanwhile (which may have found problems).
 */
function store(db: Db, result: RegisterCheck, at: Date, full: { at?: string; headId?: number | null; ms: number }): LastChainCheck {
  // The result is public: the server's file paths stay out of it.
  const problems = result.problems.map((p) => ("file" in p ? { ...p, file: "" } : p));
  const checkedAt = at.toISOString();
  const { at: fullCheckedAt = checkedAt, headId: fullHeadId = result.head?.id ?? null, ms: fullMs } = full;
  const row: LastChainCheck = { checkedAt, ok: result.ok, head: result.head, count: result.count, problems, problemCount: result.problemCount, fullCheckedAt, fullHeadId };
  const brokenAt = result.problems[0] ? problemLocus(result.problems[0]) : null;
  stmt(
    db,
    `INSERT INTO chain_checks (id, checked_at, ok, head_id, head_hash, broken_at, detail) VALUES (1, @at, @ok, @headId, @headHash, @brokenAt, @detail)
     ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at, ok = excluded.ok, head_id = excluded.head_id, head_hash = excluded.head_hash,
       broken_at = excluded.broken_at, detail = excluded.detail
     WHERE @since IS NULL OR (chain_checks.ok = 1 AND coalesce(json_extract(chain_checks.detail, '$.fullAt'), chain_checks.checked_at) = @since)`,
  ).run({
    since: full.at ?? null,
    at: row.checkedAt,
    ok: row.ok ? 1 : 0,
    headId: row.head?.id ?? null,
    headHash: row.head?.hash ?? null,
    brokenAt,
    detail: JSON.stringify({ count: row.count, problemCount: row.problemCount, problems: row.problems, fullAt: fullCheckedAt, fullHeadId, fullMs: Math.round(fullMs) }),
  });
  return row;
}

/** Runs the full check now, on the request's thread, and stores it: for tests and tools. */
export function runChainCheck(db: Db = getDb(), now: Date = registerNow()): LastChainCheck {
  if (!db.$client.readonly) writeCheckpoint(db);
  const started = performance.now();
  const result = checkRegister(db.$client, serverCheckOptions(db.$client.name));
  return store(db, result, now, { ms: performance.now() - started });
}

/** The stored result of the latest full check, or null before the first one. */
export function lastChainCheck(db: Db = getDb()): LastChainCheck | null {
  const r = stmt(db, `SELECT checked_at, ok, head_id, head_hash, broken_at, detail FROM chain_checks WHERE id = 1`).get() as
    | { checked_at: string; ok: number; head_id: number | null; head_hash: string | null; broken_at: string | null; detail: string | null }
    | undefined;
  if (!r) return null;
  let detail: { count?: number; problemCount?: number; problems?: ChainProblem[]; fullAt?: string; fullHeadId?: number | null } = {};
  try {
    detail = r.detail ? (JSON.parse(r.detail) as typeof detail) : {};
  } catch {
    // A row not written by this code: its ok flag and time still say what it found.
  }
  return {
    checkedAt: r.checked_at,
    ok: r.ok === 1,
    head: r.head_id !== null && r.head_hash !== null ? { id: r.head_id, hash: r.head_hash } : null,
    count: detail.count ?? 0,
    problems: detail.problems ?? [],
    problemCount: detail.problemCount ?? (r.ok === 1 ? 0 : 1),
    // Rows written before checks since a head existed were all full checks.
    fullCheckedAt: typeof detail.fullAt === "string" ? detail.fullAt : r.checked_at,
    fullHeadId: typeof detail.fullHeadId === "number" ? detail.fullHeadId : r.head_id,
  };
}

export type ChainStatus = {
  /** The latest event now: copy it to check this register later from outside. */
  head: ChainHead | null;
  /** The latest full check, with its time. */
  lastCheck: LastChainCheck | null;
};

/** What /log, /log.json and the API publish about the chain. Cheap: two small reads. */
export async function chainStatus(ctx: Ctx): Promise<ChainStatus> {
  return chainStatusOf(ctx.db);
}

/** chainStatus without the async boundary, for the API's answers. */
export function chainStatusOf(db: Db = getDb()): ChainStatus {
  return { head: chainHead(db), lastCheck: lastChainCheck(db) };
}

// ---------------------------------------------------------------- the watch

type Watch = { timer: NodeJS.Timeout; stopAppend: () => void; running: boolean; appended: boolean; debounce: NodeJS.Timeout | null };
let watch: Watch | null = null;

/** How long the latest full check took (real time), 0 if unknown. */
function lastFullMs(db: Db): number {
  const ms = (stmt(db, `SELECT json_extract(detail, '$.fullMs') AS ms FROM chain_checks WHERE id = 1`).get() as { ms: unknown } | undefined)?.ms;
  return typeof ms === "number" && Number.isFinite(ms) && ms > 0 ? ms : 0;
}

type Next = { kind: "none" } | { kind: "full" } | { kind: "since"; last: LastChainCheck & { head: ChainHead } };

/** What the watch does now: nothing, the check since the last intact head, or the full check. */
function nextCheck(db: Db, appended: boolean, now: Date): Next {
  const last = lastChainCheck(db);
  if (!last) return { kind: "full" };
  const age = now.getTime() - Date.parse(last.fullCheckedAt);
  // A clock moved backwards (tests) counts as due too, so a full check is never skipped for good.
  const every = Math.max(CHECK_EVERY_MS, FULL_CHECK_SHARE * lastFullMs(db));
  if (!(Math.abs(age) < every)) return { kind: "full" };
  const head = chainHead(db);
  if (!appended && (head?.id ?? null) === (last.head?.id ?? null) && (head?.hash ?? null) === (last.head?.hash ?? null)) return { kind: "none" };
  return last.ok && last.head ? { kind: "since", last: last as LastChainCheck & { head: ChainHead } } : { kind: "full" };
}

/** Runs a stepped check on a read-only connection of its own, in slices, holding one snapshot throughout. */
async function inSlices<T>(file: string, steps: (client: Database.Database) => Generator<void, T>): Promise<T> {
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    client.pragma("busy_timeout = 5000");
    client.prepare("BEGIN").run();
    const it = steps(client);
    for (;;) {
      const start = Date.now();
      for (;;) {
        const step = it.next();
        if (step.done) return step.value;
        if (Date.now() - start > SLICE_MS) break;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    if (client.inTransaction) client.prepare("ROLLBACK").run();
    client.close();
  }
}

/** The full check: in the low-priority thread, or in slices here when the thread cannot run. */
async function fullCheck(file: string): Promise<RegisterCheck> {
  // Read the checkpoint before the snapshot: a checkpoint is written after its events commit,
  // so the snapshot taken next contains every event it names.
  const opts = serverCheckOptions(file);
  try {
    return await fullCheckInThread(file, opts);
  } catch (e) {
    console.error(`chain check thread: ${(e as Error).message}`);
    return inSlices(file, (client) => checkRegisterSteps(client, opts));
  }
}

export type WatchRound = "none" | "since" | "full" | "claimed";

/**
 * One round of the watch on `db`'s file: the check since the last intact head when entries came
 * and a full check is not due, else the full check unless another process holds it ("claimed").
 * Exported for tests; the watch calls it on its timer and after appends.
 */
export async function chainWatchRound(db: Db, opts: { appended?: boolean; now?: () => Date; stillWanted?: () => boolean } = {}): Promise<WatchRound> {
  const file = db.$client.name;
  const now = opts.now ?? registerNow;
  const wanted = opts.stillWanted ?? (() => true);
  if (!checkpointPath(file)) return "none";
  const next = nextCheck(db, opts.appended ?? false, now());
  if (next.kind === "none") return "none";
  // Creates the checkpoint if it is missing (a fresh or copied database) and moves it on.
  writeCheckpoint(db);
  if (next.kind === "since") {
    const { last } = next;
    const checkOpts = serverCheckOptions(file);
    const result = await inSlices(file, (client) => checkSinceSteps(client, { head: last.head, count: last.count }, checkOpts));
    if (result) {
      if (wanted()) store(db, result, now(), { at: last.fullCheckedAt, headId: last.fullHeadId, ms: lastFullMs(db) });
      return "since";
    }
  }
  // Another process is running the full check: its result is stored for every worker.
  const release = claimFullCheck(file);
  if (!release) return "claimed";
  try {
    const started = performance.now();
    const result = await fullCheck(file);
    if (wanted()) store(db, result, now(), { ms: performance.now() - started });
    return "full";
  } finally {
    release();
  }
}

async function round(): Promise<void> {
  const w = watch;
  if (!w || w.running) return;
  const appended = w.appended;
  w.running = true;
  w.appended = false;
  try {
    await chainWatchRound(getDb(), { appended, stillWanted: () => watch === w });
  } catch (e) {
    console.error(`chain check failed: ${(e as Error).message}`);
  } finally {
    w.running = false;
  }
}

/**
 * Starts the watch in this process (once; later calls do nothing). It does nothing under vitest
 * or with REGISTER_CHAIN_WATCH=off, and its timers never keep the process alive.
 */
export function startChainWatch(): void {
  if (watch || process.env.VITEST || process.env.REGISTER_CHAIN_WATCH === "off") return;
  const timer = setInterval(() => void round(), TICK_MS + Math.floor(Math.random() * 500));
  timer.unref();
  const stopAppend = onAppend(() => {
    const w = watch;
    if (!w) return;
    w.appended = true;
    if (w.debounce) return;
    w.debounce = setTimeout(() => {
      w.debounce = null;
      void round();
    }, APPEND_DEBOUNCE_MS);
    w.debounce.unref();
  });
  watch = { timer, stopAppend, running: false, appended: false, debounce: null };
  // A first check soon after start, off the start-up path.
  setTimeout(() => void round(), 50).unref();
}

export function stopChainWatch(): void {
  if (!watch) return;
  clearInterval(watch.timer);
  if (watch.debounce) clearTimeout(watch.debounce);
  watch.stopAppend();
  watch = null;
}

