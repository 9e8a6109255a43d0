// The append-only event log in SQLite. appendEvent() must run inside the transaction of the
// action it records, so an action and its event are written together or not at all.
import { getDb, stmt, type Db } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import { canonicalJson } from "../shared/canonical-json";
import { eventHash, GENESIS_HASH, verifyChain, type ChainCheck, type ChainEvent } from "./chain";
import { afterAppend } from "./anchor.server";
import { noticesFor } from "../notify/notices.server";

export const EVENT_KINDS = [
  "published_by_editors",
  /** A public revision brought in from another register by an admin, as it was there (registry/exchange/records/import.server.ts). */
  "imported",
  "submitted",
  "withdrawn",
  "review_started",
  "decision",
  "status_changed",
  "purpose_changed",
  "retired",
  "comment_moderated",
  "comment_replied",
  "consultation_response",
  "report_resolved",
  "incident_recorded",
  "appeal_stats_published",
  "responsibility_confirmed",
  "responsibility_declined",
  "tool_taken_over",
  "account_created",
  "account_reinvited",
  "account_activated",
  "account_disabled",
  "account_enabled",
  "account_role_changed",
  "agency_created",
  "agency_updated",
  /**
   * The register's database was brought back from a backup (`npm run restore`,
   * registry/log/backup.server.ts): names the backup's head, when it was taken and the
   * checkpoint it replaced; the events after the backup's head are gone.
   */
  "restored",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export type NewEvent = { kind: EventKind; toolId: string | null; actor: string; payload: Record<string, unknown>; at: string };

export type EventRow = { id: number; at: string; kind: string; tool_id: string | null; actor: string; payload: string; prev_hash: string; hash: string };
export const toEvent = (r: EventRow): ChainEvent => ({
  id: r.id,
  at: r.at,
  kind: r.kind,
  toolId: r.tool_id,
  actor: r.actor,
  payload: JSON.parse(r.payload) as unknown,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export function appendEvent(e: NewEvent, db: Db = getDb()): ChainEvent {
  if (!db.$client.inTransaction) throw new Error("appendEvent must run inside the transaction of the action it records");
  const last = stmt(db, `SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`).get() as { id: number; hash: string } | undefined;
  const payloadJson = canonicalJson(e.payload);
  const event: Omit<ChainEvent, "hash"> = {
    id: (last?.id ?? 0) + 1,
    at: e.at,
    kind: e.kind,
    toolId: e.toolId,
    actor: e.actor,
    payload: JSON.parse(payloadJson) as unknown,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = eventHash(event);
  // The inbox and mail rows the event causes, in the same transaction (registry/notify). Written
  // before the event's row, so the event stays this connection's last insert (the status guard
  // of migration 0015 reads last_insert_rowid()).
  noticesFor({ id: event.id, at: event.at, kind: event.kind, toolId: event.toolId, payload: event.payload }, db);
  stmt(db, `INSERT INTO events (id, at, kind, tool_id, actor, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    event.id,
    event.at,
    event.kind,
    event.toolId,
    event.actor,
    payloadJson,
    event.prevHash,
    hash,
  );
  // The checkpoint beside the database moves on once this transaction has committed.
  afterAppend(db);
  return { ...event, hash };
}

export const LOG_PAGE_SIZE = 100;

export type LogPage = { events: ChainEvent[]; page: number; pageCount: number; total: number };

/** One page of the log, oldest first, so pages never change once full. */
export async function listEvents(ctx: Ctx, query: { page?: number; toolId?: string } = {}): Promise<LogPage> {
  return eventPage(query, ctx.db);
}

/** listEvents without the async boundary, for the history and the API's answers. */
export function eventPage(opts: { page?: number; toolId?: string } = {}, db: Db = getDb()): LogPage {
  const where = opts.toolId ? `WHERE tool_id = @toolId` : "";
  const params = opts.toolId ? { toolId: opts.toolId } : {};
  const total = (stmt(db, `SELECT count(*) AS n FROM events ${where}`).get(params) as { n: number }).n;
  const pageCount = Math.max(1, Math.ceil(total / LOG_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(opts.page ?? 1)), pageCount);
  const rows = stmt(db, `SELECT * FROM events ${where} ORDER BY id LIMIT ${LOG_PAGE_SIZE} OFFSET @offset`).all({ ...params, offset: (page - 1) * LOG_PAGE_SIZE }) as EventRow[];
  return { events: rows.map(toEvent), page, pageCount, total };
}

/** Recomputes the whole chain from the database. */
export function verifyLog(db: Db = getDb()): ChainCheck {
  // A statement of its own: an early stop leaves an iterator open, which would block a cached one.
  const rows = db.$client.prepare(`SELECT * FROM events ORDER BY id`).iterate() as IterableIterator<EventRow>;
  function* events() {
    for (const r of rows) yield toEvent(r);
  }
  return verifyChain(events());
}

/** The newest public events, optionally of one tool or of the tools one agency is responsible for. */
export async function recentEvents(ctx: Ctx, query: { toolId?: string; agencySlug?: string; limit?: number } = {}): Promise<ChainEvent[]> {
  const { db } = ctx;
  const opts = query;
  const limit = Math.min(Math.max(1, opts.limit ?? 50), 200);
  let rows: EventRow[];
  if (opts.toolId) rows = stmt(db, `SELECT * FROM events WHERE tool_id = ? ORDER BY id DESC LIMIT ${limit}`).all(opts.toolId.toUpperCase()) as EventRow[];
  else if (opts.agencySlug)
    rows = stmt(
      db,
      `SELECT e.* FROM events e WHERE e.tool_id IN (
         SELECT t.id FROM tools t JOIN tool_agencies ta ON ta.tool_seq = t.seq JOIN agencies a ON a.id = ta.agency_id WHERE a.slug = ?
         UNION SELECT t.id FROM tools t JOIN agencies a ON a.id = t.owner_agency_id WHERE a.slug = ? AND t.published_revision_id IS NOT NULL)
       ORDER BY e.id DESC LIMIT ${limit}`,
    ).all(opts.agencySlug, opts.agencySlug) as EventRow[];
  else rows = stmt(db, `SELECT * FROM events ORDER BY id DESC LIMIT ${limit}`).all() as EventRow[];
  return rows.map(toEvent);
}

/** Up to `limit` events after event `afterId`, oldest first, optionally of one tool: the API's cursor pages. */
export function eventsAfter(opts: { afterId: number; toolId?: string; limit: number }, db: Db = getDb()): ChainEvent[] {
  const where = opts.toolId ? `AND tool_id = @toolId` : "";
  const rows = stmt(db, `SELECT * FROM events WHERE id > @afterId ${where} ORDER BY id LIMIT @limit`).all({
    afterId: opts.afterId,
    limit: opts.limit,
    ...(opts.toolId ? { toolId: opts.toolId } : {}),
  }) as EventRow[];
  return rows.map(toEvent);
}
