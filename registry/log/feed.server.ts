// What the Atom feeds of changes say about each log event (app/atom.server.ts words it): the
// tool's name, the fields a new revision changed against the public revision before it, and the
// names of the agencies the event names. Only public data: events carry no personal data, and
// revisions compared are the submitted ones the history page also compares (drafts never).
//
// Scopes: every event, one tool's, one agency's tools', or the tools a list query selects (the
// same `ToolQuery` as /tools, through `selectTools`, so a feed carries exactly the list's tools).
import { stmt, type Db } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import { recentEvents, toEvent, type EventRow } from "./log.server";
import { actorParts } from "./actors.server";
import type { ChainEvent } from "./chain";
import { diffRecords } from "../records/diff";
import { selectTools } from "../records/list.server";
import { positionOf } from "../records/list-index.server";
import type { ToolQuery } from "../records/query";
import { fieldShape, FIELD_NAMES } from "../standard/field-names";
import type { LocalizedText } from "../standard/v1";
import { todayIso } from "../lifecycle/sunset";
import { lt, toolNameOf } from "../records/summary.server";

/** Kinds of events that write a new revision of the record whose changes a feed lists. */
const REVISION_KINDS = new Set(["published_by_editors", "imported", "submitted"]);

/** Newest events a filtered feed looks at before it stops, however few of them its tools have. */
export const FEED_SCAN_LIMIT = 5000;

export type FeedEvent = {
  event: ChainEvent;
  /** The tool's name (null for an event about no tool: accounts, agencies). */
  toolName: LocalizedText | null;
  /**
   * For an event that wrote a revision: the fields (named paths of registry/standard/field-names.ts)
   * changed since the revision before; `first` when there was none.
   */
  revision?: { number: number; first: boolean; fields: string[] };
};

export type ChangeFeed = {
  events: FeedEvent[];
  /** Names of the agencies the events name (their actors' and their payloads' `agency`), by slug. */
  agencies: Record<string, LocalizedText>;
};

export type ChangeFeedQuery = {
  toolId?: string;
  agencySlug?: string;
  /** The tools a list query selects (registry/records/query.ts `parseToolQuery`). */
  tools?: ToolQuery;
  /** The day sunset states are computed for, for `tools`; `todayIso(ctx.now)` when not given. */
  today?: string;
  limit?: number;
};

/** The newest events of a scope, newest first, at most `limit` (50 when not given, 200 at most). */
export async function getChangeFeed(ctx: Ctx, q: ChangeFeedQuery = {}): Promise<ChangeFeed> {
  const { db } = ctx;
  const limit = Math.min(Math.max(1, q.limit ?? 50), 200);
  const events = q.tools
    ? eventsOfSelectedTools(db, q.tools, q.today ?? todayIso(ctx.now), limit)
    : await recentEvents(ctx, { toolId: q.toolId, agencySlug: q.agencySlug, limit });
  const names = toolNames(db, events);
  return {
    events: events.map((event) => ({
      event,
      toolName: event.toolId ? (names.get(event.toolId) ?? null) : null,
      ...(REVISION_KINDS.has(event.kind) && event.toolId ? revisionChanges(db, event) : {}),
    })),
    agencies: agencyNames(db, events),
  };
}

/**
 * Events of the tools `query` selects, newest first: walks the log backwards and keeps an event
 * when its tool passes the list's filters, until `limit` are found or FEED_SCAN_LIMIT were read.
 */
function eventsOfSelectedTools(db: Db, query: ToolQuery, today: string, limit: number): ChainEvent[] {
  const { index, pass } = selectTools(query, { today, notices: [] }, db);
  // A statement of its own: the walk stops early and leaves the iterator to be closed by `break`.
  const rows = db.$client.prepare(`SELECT e.*, t.seq AS tool_seq FROM events e JOIN tools t ON t.id = e.tool_id ORDER BY e.id DESC`).iterate() as IterableIterator<
    EventRow & { tool_seq: number }
  >;
  const out: ChainEvent[] = [];
  let scanned = 0;
  for (const r of rows) {
    const p = positionOf(index, r.tool_seq);
    if (p >= 0 && pass[p]) out.push(toEvent(r));
    if (out.length >= limit || ++scanned >= FEED_SCAN_LIMIT) break;
  }
  return out;
}

function toolNames(db: Db, events: ChainEvent[]): Map<string, LocalizedText> {
  const out = new Map<string, LocalizedText>();
  // Only a public tool's name: an event may be about a tool whose first revision is not public yet.
  const q = stmt(db, `SELECT name_zh, name_en, texts_other FROM tools WHERE id = ? AND published_revision_id IS NOT NULL`);
  for (const id of new Set(events.map((e) => e.toolId).filter((x): x is string => !!x))) {
    const row = q.get(id) as { name_zh: string | null; name_en: string | null; texts_other: string | null } | undefined;
    if (row) out.set(id, toolNameOf(row));
  }
  return out;
}

function agencyNames(db: Db, events: ChainEvent[]): Record<string, LocalizedText> {
  const slugs = new Set<string>();
  for (const e of events) {
    const own = actorParts(e.actor).agencySlug;
    if (own) slugs.add(own);
    const named = (e.payload as { agency?: unknown } | null)?.agency;
    if (typeof named === "string") slugs.add(named);
  }
  const out: Record<string, LocalizedText> = {};
  const q = stmt(db, `SELECT name_zh, name_en FROM agencies WHERE slug = ?`);
  for (const slug of slugs) {
    const row = q.get(slug) as { name_zh: string | null; name_en: string | null } | undefined;
    if (row) out[slug] = lt(row.name_zh, row.name_en);
  }
  return out;
}

/** The revision an event wrote, compared with the tool's submitted revision before it. */
function revisionChanges(db: Db, event: ChainEvent): Pick<FeedEvent, "revision"> {
  const number = (event.payload as { revision?: unknown } | null)?.revision;
  if (typeof number !== "number") return {};
  const rows = stmt(
    db,
    `SELECT r.number, r.record FROM revisions r JOIN tools t ON t.seq = r.tool_seq
     WHERE t.id = ? AND t.published_revision_id IS NOT NULL AND r.status <> 'draft' AND r.number <= ? ORDER BY r.number DESC LIMIT 2`,
  ).all(event.toolId, number) as { number: number; record: string }[];
  const [now, before] = rows;
  if (!now || now.number !== number) return {};
  if (!before) return { revision: { number, first: true, fields: [] } };
  const fields = new Set<string>();
  for (const c of diffRecords(JSON.parse(before.record), JSON.parse(now.record))) fields.add(namedField(c.path));
  return { revision: { number, first: false, fields: [...fields] } };
}

/** The nearest field with a name that holds `path` ("identity.name.zh" -> "identity.name"). */
export function namedField(path: string): string {
  const parts = fieldShape(path).split(".");
  for (let n = parts.length; n > 0; n--) {
    const shape = parts.slice(0, n).join(".");
    if (Object.hasOwn(FIELD_NAMES, shape)) return shape;
  }
  return parts[0] ?? path;
}
