// The server's chain watch: runs the full check (registry/log/verify.server.ts) after every
// append and at least every 60 seconds of register time, off the request path, and keeps its
// result in `chain_checks` (one row, shared by every worker process). /log, /log.json and the
// API show that row with its time, never a result without the time it was found.
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

/** Register time between two full checks when nothing is appended. */
export const CHECK_EVERY_MS = 60_000;
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
};

/** The anchors the server checks against: its checkpoint file (created when missing). */
function serverCheckOptions(file: string): CheckOptions {
  const cp = readCheckpoint(checkpointPath(file));
  if (cp.state === "ok") return { anchors: [{ source: "checkpoint", head: cp.head }] };
  if (cp.state === "unreadable") return { preliminary: [{ code: "checkpoint_unreadable", file: checkpointPath(file)! }] };
  return {};
}

function store(db: Db, result: RegisterCheck, at: Date): LastChainCheck {
  // The result is public: the server's file paths stay out of it.
  const problems = result.problems.map((p) => ("file" in p ? { ...p, file: "" } : p));
  const row: LastChainCheck = { checkedAt: at.toISOString(), ok: result.ok, head: result.head, count: result.count, problems, problemCount: result.problemCount };
  const brokenAt = result.problems[0] ? problemLocus(result.problems[0]) : null;
  stmt(
    db,
    `INSERT INTO chain_checks (id, checked_at, ok, head_id, head_hash, broken_at, detail) VALUES (1, @at, @ok, @headId, @headHash, @brokenAt, @detail)
     ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at, ok = excluded.ok, head_id = excluded.head_id, head_hash = excluded.head_hash,
       broken_at = excluded.broken_at, detail = excluded.detail`,
  ).run({
    at: row.checkedAt,
    ok: row.ok ? 1 : 0,
    headId: row.head?.id ?? null,
    headHash: row.head?.hash ?? null,
    brokenAt,
    detail: JSON.stringify({ count: row.count, problemCount: row.problemCount, problems: row.problems }),
  });
  return row;
}

/** Runs the full check now, on the request's thread, and stores it: for tests and tools. */
export function runChainCheck(db: Db = getDb(), now: Date = registerNow()): LastChainCheck {
  if (!db.$client.readonly) writeCheckpoint(db);
  return store(db, checkRegister(db.$client, serverCheckOptions(db.$client.name)), now);
}

/** The stored result of the latest full check, or null before the first one. */
export function lastChainCheck(db: Db = getDb()): LastChainCheck | null {
  const r = stmt(db, `SELECT checked_at, ok, head_id, head_hash, broken_at, detail FROM chain_checks WHERE id = 1`).get() as
    | { checked_at: string; ok: number; head_id: number | null; head_hash: string | null; broken_at: string | null; detail: string | null }
    | undefined;
  if (!r) return null;
  let detail: { count?: number; problemCount?: number; problems?: ChainProblem[] } = {};
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

function isDue(db: Db, appended: boolean): boolean {
  const last = stmt(db, `SELECT checked_at, head_id, head_hash FROM chain_checks WHERE id = 1`).get() as
    | { checked_at: string; head_id: number | null; head_hash: string | null }
    | undefined;
  if (!last || appended) return true;
  const head = chainHead(db);
  if ((head?.id ?? null) !== last.head_id || (head?.hash ?? null) !== last.head_hash) return true;
  const age = registerNow().getTime() - Date.parse(last.checked_at);
  // A clock moved backwards (tests) counts as due too, so a check is never skipped for good.
  return !(Math.abs(age) < CHECK_EVERY_MS);
}

/** The check in slices on a read-only connection of its own, holding one snapshot throughout. */
async function checkInSlices(file: string): Promise<RegisterCheck> {
  // Read the checkpoint before the snapshot: a checkpoint is written after its events commit,
  // so the snapshot taken next contains every event it names.
  const opts = serverCheckOptions(file);
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    client.pragma("busy_timeout = 5000");
    client.prepare("BEGIN").run();
    const steps = checkRegisterSteps(client, opts);
    for (;;) {
      const start = Date.now();
      for (;;) {
        const step = steps.next();
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

async function round(): Promise<void> {
  const w = watch;
  if (!w || w.running) return;
  const db = getDb();
  const file = db.$client.name;
  if (!checkpointPath(file)) return;
  const appended = w.appended;
  if (!isDue(db, appended)) return;
  w.running = true;
  w.appended = false;
  try {
    // Creates the checkpoint if it is missing (a fresh or copied database) and moves it on.
    writeCheckpoint(db);
    const result = await checkInSlices(file);
    if (watch === w) store(db, result, registerNow());
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

