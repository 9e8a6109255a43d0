// The full check of the register against its event log, shared by `npm run verify-log` and the
// server's chain watch:
//
// 1. the hash chain: every event follows from the one before (registry/log/chain.ts);
// 2. the anchors: the checkpoint file beside the database and any head copied from outside
//    (`--expect id:sha256`) are still in the chain with the same hash, so a chain rewritten with
//    recomputed hashes, or cut short, is caught; a checkpoint is excused only by a `restored`
//    event of the chain that names it as the checkpoint it replaced (`npm run restore`, see
//    registry/log/anchor.server.ts), never a head given from outside;
// 3. the revisions: every submitted revision's record hashes to its record_sha256, which is the
//    recordSha256 its event logged, and its review status is the one its events give it (a
//    status changed in the database without an event is caught even with the triggers
//    dropped); every public revision has an event, and every revision an event names exists;
// 4. the tools projection: a tool's review status is its published revision's.
//
// The check is a generator that yields between batches, so the server can run it in slices
// without holding up requests; the CLI runs it to the end at once. Problems are codes with their
// parameters; app/i18n/chain-problems.ts words them for /log and for the CLI.
import type Database from "better-sqlite3";
import { eventHash, GENESIS_HASH, type ChainCheck } from "./chain";
import { formatHead, restoredSupersedes, type ChainHead } from "./anchor.server";
import { projectionProblem, revisionKey, revisionProblems, RevisionLog, type EventRow, type RevisionRow } from "./revision-log";

export type AnchorSource = "checkpoint" | "expected";

export const CHAIN_PROBLEM_CODES = [
  "chain_broken",
  "no_checkpoint",
  "checkpoint_unreadable",
  "anchor_missing",
  "anchor_mismatch",
  "record_hash_mismatch",
  "record_event_mismatch",
  "status_mismatch",
  "revision_unlogged",
  "revision_missing",
  "projection_status_mismatch",
] as const;

export type ChainProblem = { code: (typeof CHAIN_PROBLEM_CODES)[number] } & (
  | { code: "chain_broken"; event: number; reason: Extract<ChainCheck, { ok: false }>["firstBroken"]["reason"] }
  | { code: "no_checkpoint"; file: string }
  | { code: "checkpoint_unreadable"; file: string }
  | { code: "anchor_missing"; source: AnchorSource; event: number; lastEvent: number }
  | { code: "anchor_mismatch"; source: AnchorSource; event: number; expected: string; found: string }
  | { code: "record_hash_mismatch"; tool: string; revision: number }
  | { code: "record_event_mismatch"; tool: string; revision: number; event: number }
  | { code: "status_mismatch"; tool: string; revision: number; status: string; logged: string }
  | { code: "revision_unlogged"; tool: string; revision: number; status: string }
  | { code: "revision_missing"; tool: string; revision: number; event: number }
  | { code: "projection_status_mismatch"; tool: string; status: string; logged: string }
);

export type RegisterCheck = {
  ok: boolean;
  /** Events checked. */
  count: number;
  /** The latest event when the check ran. */
  head: ChainHead | null;
  /** The first problems found (at most MAX_PROBLEMS), in the order found. */
  problems: ChainProblem[];
  problemCount: number;
};

export type CheckOptions = {
  /** Heads the chain must still contain: the checkpoint file's and/or one given from outside. */
  anchors?: { source: AnchorSource; head: ChainHead }[];
  /** Problems found before reading the database (a missing or unreadable checkpoint). */
  preliminary?: ChainProblem[];
};

export const MAX_PROBLEMS = 50;
const EVENT_BATCH = 500;
/** Entries of an in-memory pass between two yields. */
const LOOK_BATCH = 5_000;
const REVISION_BATCH = 200;

/** Where a problem is, in a few words (chain_checks.broken_at). */
export function problemLocus(p: ChainProblem): string {
  if ("tool" in p) return "revision" in p ? `${p.tool} revision ${p.revision}` : p.tool;
  if ("event" in p) return `event ${p.event}`;
  return p.file;
}

/**
 * The check, one batch per step. Call it on a connection with a read transaction open (or with
 * nothing else writing), so every batch sees the same database.
 */
export function* checkRegisterSteps(client: Database.Database, opts: CheckOptions = {}): Generator<void, RegisterCheck> {
  const problems: ChainProblem[] = [];
  let problemCount = 0;
  const add = (p: ChainProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  for (const p of opts.preliminary ?? []) add(p);

  // 1 and 2: the chain and the anchors.
  const anchors = opts.anchors ?? [];
  const anchorAt = new Map<number, { source: AnchorSource; head: ChainHead }[]>();
  for (const a of anchors) anchorAt.set(a.head.id, [...(anchorAt.get(a.head.id) ?? []), a]);
  const log = new RevisionLog();
  let prevId = 0;
  let prevHash = GENESIS_HASH;
  let chainOk = true;
  let count = 0;
  let head: ChainHead | null = null;
  /** Checkpoint problems, held until the chain is read: a later `restored` event may excuse them. */
  const checkpointProblems: { anchor: ChainHead; problem: ChainProblem }[] = [];
  const anchorProblem = (a: { source: AnchorSource; head: ChainHead }, p: ChainProblem) => (a.source === "checkpoint" ? checkpointProblems.push({ anchor: a.head, problem: p }) : add(p));
  /** Checkpoints a `restored` event of the (so far intact) chain says it replaced. */
  const superseded = new Set<string>();
  const batch = client.prepare(`SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ${EVENT_BATCH}`);
  for (let after = 0; ; ) {
    const rows = batch.all(after) as EventRow[];
    if (!rows.length) break;
    for (const r of rows) {
      after = r.id;
      head = { id: r.id, hash: r.hash };
      count++;
      let payload: unknown = null;
      try {
        payload = JSON.parse(r.payload);
      } catch {
        // Not JSON: the hash cannot match either; reported as a broken chain below.
      }
      if (chainOk) {
        const reason =
          r.id !== prevId + 1
            ? ("id_gap" as const)
            : r.prev_hash !== prevHash
              ? ("prev_hash_mismatch" as const)
              : eventHash({ id: r.id, at: r.at, kind: r.kind, toolId: r.tool_id, actor: r.actor, payload, prevHash: r.prev_hash }) !== r.hash
                ? ("hash_mismatch" as const)
                : null;
        if (reason) {
          chainOk = false;
          add({ code: "chain_broken", event: r.id, reason });
        }
      }
      [prevId, prevHash] = [r.id, r.hash];
      if (chainOk && r.kind === "restored")
        for (const a of anchors) if (a.source === "checkpoint" && restoredSupersedes({ id: r.id, kind: r.kind, prevHash: r.prev_hash, payload }, a.head)) superseded.add(formatHead(a.head));
      for (const a of anchorAt.get(r.id) ?? [])
        if (a.head.hash !== r.hash) anchorProblem(a, { code: "anchor_mismatch", source: a.source, event: r.id, expected: a.head.hash, found: r.hash });
      log.add(r, payload);
    }
    yield;
  }
  for (const a of anchors)
    if (!head || a.head.id > head.id) anchorProblem(a, { code: "anchor_missing", source: a.source, event: a.head.id, lastEvent: head?.id ?? 0 });
  for (const { anchor, problem } of checkpointProblems) if (!(chainOk && superseded.has(formatHead(anchor)))) add(problem);

  // 3: the revisions.
  const seen = new Set<string>();
  const revisions = client.prepare(
    `SELECT r.id, t.id AS tool_id, r.number, r.status, r.record, r.record_sha256 FROM revisions r JOIN tools t ON t.seq = r.tool_seq
     WHERE r.id > ? ORDER BY r.id LIMIT ${REVISION_BATCH}`,
  );
  for (let after = 0; ; ) {
    const rows = revisions.all(after) as RevisionRow[];
    if (!rows.length) break;
    for (const r of rows) {
      after = r.id;
      const found = revisionProblems(r, log.get(r.tool_id, r.number));
      if (found === "skip") continue;
      seen.add(revisionKey(r.tool_id, r.number));
      for (const p of found) add(p);
    }
    yield;
  }
  let looked = 0;
  for (const [k, entry] of log.logged) {
    if (++looked % LOOK_BATCH === 0) yield;
    if (seen.has(k)) continue;
    const [tool, revision] = k.split("\u0000");
    add({ code: "revision_missing", tool: tool!, revision: Number(revision), event: entry.firstEvent });
  }

  // 4: the projection lists and pages read, in batches like the rest (a single query over every
  // published tool held a server's event loop for most of a second at 100,000 tools).
  const projections = client.prepare(
    `SELECT t.seq, t.id, t.review_status, r.number FROM tools t JOIN revisions r ON r.id = t.published_revision_id
     WHERE t.published_revision_id IS NOT NULL AND t.seq > ? ORDER BY t.seq LIMIT ${REVISION_BATCH}`,
  );
  for (let after = 0; ; ) {
    const rows = projections.all(after) as { seq: number; id: string; review_status: string; number: number }[];
    if (!rows.length) break;
    for (const t of rows) {
      after = t.seq;
      const p = projectionProblem(t, log.get(t.id, t.number));
      if (p) add(p);
    }
    yield;
  }

  return { ok: problemCount === 0, count, head, problems, problemCount };
}

/** Runs the whole check at once, in one read transaction. */
export function checkRegister(client: Database.Database, opts: CheckOptions = {}): RegisterCheck {
  const own = !client.inTransaction;
  if (own) client.prepare("BEGIN").run();
  try {
    const steps = checkRegisterSteps(client, opts);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  } finally {
    if (own && client.inTransaction) client.prepare("COMMIT").run();
  }
}
