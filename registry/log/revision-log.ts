// What the event log says about each revision, and the comparison of a revision's row with it:
// the rules shared by the full check (verify.server.ts) and the check of what was appended since
// (verify-since.server.ts).
import { createHash } from "node:crypto";
import type { ChainProblem } from "./verify.server";

export type EventRow = { id: number; at: string; kind: string; tool_id: string | null; actor: string; payload: string; prev_hash: string; hash: string };
export type RevisionRow = { tool_id: string; number: number; status: string; record: string; record_sha256: string; id: number };
/** What the log says about one revision. */
export type Logged = { status: string | null; sha: string | null; shaEvent: number; firstEvent: number };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const revisionKey = (tool: string, revision: number) => `${tool}\u0000${revision}`;

/** The log's statuses and hashes per revision, fed the events in id order. */
export class RevisionLog {
  readonly logged = new Map<string, Logged>();
  /** Per tool, the highest revision number the log has made public so far. */
  private readonly latestPublic = new Map<string, number>();

  get(tool: string, revision: number): Logged | undefined {
    return this.logged.get(revisionKey(tool, revision));
  }

  /** The status an event gives the revision it names (registry/review and publishRevision). */
  add(r: Pick<EventRow, "id" | "kind" | "tool_id">, payload: unknown): void {
    if (!r.tool_id || !isRecord(payload) || typeof payload.revision !== "number") return;
    const tool = r.tool_id;
    let status: string | null | undefined;
    switch (r.kind) {
      case "published_by_editors":
      case "imported":
        status = typeof payload.reviewStatus === "string" ? payload.reviewStatus : null;
        break;
      case "submitted":
        status = "submitted";
        break;
      case "withdrawn":
        status = "withdrawn";
        break;
      case "review_started":
        status = "in_review";
        break;
      case "decision":
        if (payload.effective === true && typeof payload.status === "string") status = payload.status;
        break;
      // A new public revision for a retirement or a recorded fact keeps the review status of the
      // latest public revision before it.
      case "retired":
      case "incident_recorded":
      case "appeal_stats_published": {
        const prev = this.latestPublic.get(tool);
        status = prev === undefined ? null : (this.get(tool, prev)?.status ?? null);
        break;
      }
      default:
        return;
    }
    const k = revisionKey(tool, payload.revision);
    const entry = this.logged.get(k) ?? { status: null, sha: null, shaEvent: 0, firstEvent: r.id };
    if (status !== undefined) entry.status = status;
    if (typeof payload.recordSha256 === "string") [entry.sha, entry.shaEvent] = [payload.recordSha256, r.id];
    this.logged.set(k, entry);
    if (payload.revision > (this.latestPublic.get(tool) ?? 0)) this.latestPublic.set(tool, payload.revision);
  }
}

/**
 * A revision's row against what the log says about it. "skip": a draft the log never named (not
 * part of the check); otherwise the problems found, none when it matches.
 */
export function revisionProblems(r: RevisionRow, log: Logged | undefined): "skip" | ChainProblem[] {
  if (r.status === "draft" && !log) return "skip";
  if (!log) return [{ code: "revision_unlogged", tool: r.tool_id, revision: r.number, status: r.status }];
  const problems: ChainProblem[] = [];
  if (sha256(r.record) !== r.record_sha256) problems.push({ code: "record_hash_mismatch", tool: r.tool_id, revision: r.number });
  else if (log.sha !== null && log.sha !== r.record_sha256) problems.push({ code: "record_event_mismatch", tool: r.tool_id, revision: r.number, event: log.shaEvent });
  if (log.status !== null && log.status !== r.status) problems.push({ code: "status_mismatch", tool: r.tool_id, revision: r.number, status: r.status, logged: log.status });
  return problems;
}

/** A published tool's review status against its published revision's logged status. */
export function projectionProblem(t: { id: string; review_status: string }, log: Logged | undefined): ChainProblem | null {
  return log?.status && log.status !== t.review_status ? { code: "projection_status_mismatch", tool: t.id, status: t.review_status, logged: log.status } : null;
}
