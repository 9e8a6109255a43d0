// The open read-only API (/api/v1): the public data of the pages and exports as JSON, with
// stable cursor pages. No HTTP here: each function takes the query string and answers with a
// body, the time of the latest change the body depends on (for Last-Modified) and, for lists,
// the next page's URL. Nothing private passes: only published revisions (never drafts), public
// comments without contact e-mails, reviews as the public history shows them.
import { z } from "zod";
import { getDb, stmt, type Db } from "../../shared/db.server";
import { parseToolQuery, type QueryNotice } from "../../records/query";
import { getAgencyPage, getToolDetail, listAgencies, selectTools, toolSummariesAt, type ToolSummary } from "../../records/tools.server";
import { positionOf, type ListIndex, type SortOrder } from "../../records/list-index.server";
import { getToolHistoryExport } from "../../records/history.server";
import { INCIDENT_COLUMNS, incidentItem, type IncidentRow } from "../../lifecycle/incidents.server";
import { eventsAfter } from "../../log/log.server";
import type { ChainEvent } from "../../log/chain";
import type { ChainHead } from "../../log/anchor.server";
import { chainStatus, type LastChainCheck } from "../../log/watch.server";
import { INCIDENT_KINDS, type LocalizedText } from "../../standard/v1";
import { REGISTER_TIME_ZONE, todayIso } from "../../lifecycle/sunset";
import { apiProblem } from "./problem";
import { API_LIMIT, decodeCursor, encodeCursor, nextUrl, parseLimit, queryFingerprint } from "./cursor";
import { API_OPERATIONS, openApiDocument } from "./openapi";
import { absolute, paths } from "../../shared/urls";

export type ApiContext = { origin: string; now: Date };
export type ApiAnswer<T = unknown> = { body: T; lastModified: string | null; next?: string | null } | { movedTo: string };

export const HASH_ALGORITHM =
  "hash = SHA-256 (hex) of the canonical JSON (object keys sorted, no whitespace) of {id, at, kind, toolId, actor, payload, prevHash}; the first entry's prevHash is 64 zeros.";

const short = (v: string) => (v.length > 60 ? `${v.slice(0, 60)}…` : v);
const lt = (zh: string | null, en: string | null): LocalizedText => ({ ...(zh ? { zh } : {}), ...(en ? { en } : {}) });

// ------------------------------------------------------------------ change times

/** The latest of some ISO timestamps, or null. */
function latest(...times: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  let bestMs = -Infinity;
  for (const t of times) {
    const ms = t ? Date.parse(t) : NaN;
    if (!Number.isNaN(ms) && ms > bestMs) [best, bestMs] = [new Date(ms).toISOString(), ms];
  }
  return best;
}

/**
 * Midnight of the register's today. Sunset states are computed from the date, so an answer
 * that holds them may change at midnight with nothing written.
 */
function startOfToday(now: Date): string {
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: REGISTER_TIME_ZONE, timeZoneName: "longOffset" })
    .formatToParts(now)
    .find((p) => p.type === "timeZoneName")?.value;
  return new Date(`${todayIso(now)}T00:00:00${offset && offset !== "GMT" ? offset.slice(3) : "Z"}`).toISOString();
}

/** Every public change is an event or a published revision, so their latest time bounds all lists. */
function registerChangedAt(db: Db): string | null {
  const r = stmt(
    db,
    // Each read walks one index from its end, so this stays cheap on a large register.
    `SELECT (SELECT at FROM events ORDER BY id DESC LIMIT 1) AS e,
       (SELECT updated_at FROM tools WHERE published_revision_id IS NOT NULL ORDER BY updated_at DESC LIMIT 1) AS t,
       (SELECT max(published_at) FROM revisions) AS p`,
  ).get() as { e: string | null; t: string | null; p: string | null };
  return latest(r.e, r.t, r.p);
}

function toolChangedAt(db: Db, id: string): string | null {
  const r = stmt(
    db,
    `SELECT t.updated_at AS t, (SELECT max(at) FROM events WHERE tool_id = t.id) AS e,
       (SELECT max(coalesce(published_at, submitted_at)) FROM revisions WHERE tool_seq = t.seq AND status <> 'draft') AS p
     FROM tools t WHERE t.id = ?`,
  ).get(id) as { t: string | null; e: string | null; p: string | null } | undefined;
  return r ? latest(r.t, r.e, r.p) : null;
}

// ------------------------------------------------------------------ shapes

export type ApiToolSummary = Omit<ToolSummary, "snippet" | "policyDomain" | "retirement"> & { url: string; api: string };

function toolSummary(t: ToolSummary, origin: string): ApiToolSummary {
  // Picked field by field so the API's shape changes only on purpose, never with the page's.
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    summary: t.summary,
    kind: t.kind,
    jurisdictionLevel: t.jurisdictionLevel,
    place: t.place,
    deploymentStatus: t.deploymentStatus,
    reviewStatus: t.reviewStatus,
    impactLevel: t.impactLevel,
    sunsetDate: t.sunsetDate,
    sunsetState: t.sunsetState,
    updatedAt: t.updatedAt,
    incidentCount: t.incidentCount,
    commentCount: t.commentCount,
    url: absolute(origin, paths.tool(t.id)),
    api: absolute(origin, paths.apiTool(t.id)),
  };
}

const agencyRef = (a: { slug: string; name: LocalizedText }, origin: string) => ({
  slug: a.slug,
  name: a.name,
  url: absolute(origin, paths.agency(a.slug)),
  api: absolute(origin, paths.apiAgency(a.slug)),
});

const notFound = (reason: "api_tool_not_found" | "api_tool_history_not_found" | "api_agency_not_found", value: string) => apiProblem("not_found", reason, { value: short(value) });

// ------------------------------------------------------------------ index and tools

export function apiIndex(ctx: ApiContext): ApiAnswer {
  const o = ctx.origin;
  return {
    lastModified: null,
    body: {
      name: "Public Algorithm Register API",
      version: "1",
      openapi: absolute(o, paths.openapi()),
      docs: absolute(o, paths.api()),
      endpoints: { tools: absolute(o, paths.apiTools()), agencies: absolute(o, paths.apiAgencies()), incidents: absolute(o, paths.apiIncidents()), events: absolute(o, paths.apiEvents()) },
    },
  };
}

// The key of a tool in each sort order, read the way the order itself is built
// (SORT_ORDERS in list-index.server.ts), so a cursor resumes exactly where the order continues.
const ORDER_KEY: Record<SortOrder, string> = {
  name_en: "coalesce(name_en, name_zh)",
  name_zh: "coalesce(name_zh, name_en)",
  updated: "updated_at",
  sunset: "sunset_date",
};
const KeysetKey = z.tuple([z.string().nullable(), z.string()]);
const RelevanceKey = z.tuple([z.string(), z.number().int().min(0)]);
const PUBLISHED = `published_revision_id IS NOT NULL`;

/** How many published tools come at or before `key` in `order`: the index in the order where the next page starts. */
function countThrough(db: Db, order: SortOrder, [k, id]: [string | null, string]): number {
  const count = (where: string, ...args: string[]) => (stmt(db, `SELECT count(*) AS n FROM tools WHERE ${PUBLISHED} AND ${where}`).get(...args) as { n: number }).n;
  if (order === "updated") return count(`(updated_at > ? OR (updated_at = ? AND id <= ?))`, k ?? "", k ?? "", id);
  if (order === "sunset") return k === null ? count(`(sunset_date IS NOT NULL OR id <= ?)`, id) : count(`sunset_date IS NOT NULL AND (sunset_date < ? OR (sunset_date = ? AND id <= ?))`, k, k, id);
  // Names sort NULL first; the English order compares without case, as its ORDER BY does.
  const e = order === "name_en" ? `${ORDER_KEY.name_en} COLLATE NOCASE` : ORDER_KEY.name_zh;
  return k === null ? count(`${e} IS NULL AND id <= ?`, id) : count(`(${e} IS NULL OR ${e} < ? OR (${e} = ? AND id <= ?))`, k, k, id);
}

/**
 * Where the page after `key` starts in `orderArray`. Usually the last tool still has the key it
 * had, and its place in the in-memory order answers at once; if it moved (e.g. it was updated
 * since), the rows at or before the key are counted in SQL.
 */
function resumeIndex(db: Db, index: ListIndex, orderArray: Int32Array, order: SortOrder, key: [string | null, string]): number {
  const row = stmt(db, `SELECT seq, ${ORDER_KEY[order]} AS k FROM tools WHERE id = ? AND ${PUBLISHED}`).get(key[1]) as { seq: number; k: string | null } | undefined;
  if (row && row.k === key[0]) {
    const at = orderArray.indexOf(positionOf(index, row.seq));
    if (at >= 0) return at + 1;
  }
  return countThrough(db, order, key);
}

export function apiListTools(params: URLSearchParams, ctx: ApiContext, db: Db = getDb()): ApiAnswer {
  const limit = parseLimit(params);
  const filters = new URLSearchParams(params);
  for (const k of ["limit", "cursor", "lang", "page"]) filters.delete(k);
  const parsed = parseToolQuery(filters);
  const notices: QueryNotice[] = [];
  const page = params.get("page");
  if (page !== null) notices.push({ code: "ignored_value", param: "page", value: short(page) });
  const rawLang = params.get("lang");
  if (rawLang !== null && rawLang !== "zh" && rawLang !== "en") notices.push({ code: "ignored_value", param: "lang", value: short(rawLang) });
  const lang = rawLang === "en" ? "en" : "zh";
  notices.push(...parsed.notices);

  const today = todayIso(ctx.now);
  const sel = selectTools(parsed.query, { today, lang, notices }, db);
  // The order selectTools chose is one of the index's orders, or the search ranking.
  const order = ((Object.keys(sel.index.orders) as SortOrder[]).find((o) => sel.index.orders[o] === sel.order) ?? "relevance") as SortOrder | "relevance";
  const { page: _page, ...query } = sel.query;
  const echo = { ...query, lang };
  const fingerprint = queryFingerprint({ ...echo, order });

  let start = 0;
  if (order === "relevance") {
    // Search ranks move when any record changes, so the cursor holds the last tool itself and
    // its place; if that tool no longer matches, the page starts at the old place.
    const key = decodeCursor(params, { order, fingerprint }, RelevanceKey);
    if (key) {
      const at = sel.order.findIndex((p) => sel.index.id[p] === key[0]);
      start = at >= 0 ? at + 1 : Math.min(key[1], sel.order.length);
    }
  } else {
    const key = decodeCursor(params, { order, fingerprint }, KeysetKey);
    if (key) start = resumeIndex(db, sel.index, sel.order, order, key);
  }

  const picked: number[] = [];
  let lastIndex = -1;
  for (let i = start; i < sel.order.length && picked.length <= limit; i++) {
    const p = sel.order[i]!;
    if (!sel.pass[p]) continue;
    picked.push(p);
    if (picked.length <= limit) lastIndex = i;
  }
  const more = picked.length > limit;
  if (more) picked.pop();
  const items = toolSummariesAt(sel.index, picked, today, db).map((t) => toolSummary(t, ctx.origin));

  let nextCursor: string | null = null;
  const last = items.at(-1);
  if (more && last) {
    const key =
      order === "relevance"
        ? [last.id, lastIndex + 1]
        : [(stmt(db, `SELECT ${ORDER_KEY[order]} AS k FROM tools WHERE id = ?`).get(last.id) as { k: string | null }).k, last.id];
    nextCursor = encodeCursor(order, fingerprint, key);
  }
  const next = nextCursor ? nextUrl(absolute(ctx.origin, paths.apiTools()), params, nextCursor) : null;
  return {
    lastModified: latest(registerChangedAt(db), startOfToday(ctx.now)),
    next,
    body: { query: echo, notices, total: sel.total, limit, items, nextCursor, next },
  };
}

/** Resolves an id (any case) or a slug of a public tool; a slug answers with where the tool lives. */
function resolveTool(idOrSlug: string, db: Db): { id: string } | { slugOf: string } {
  if (idOrSlug.length <= 100) {
    const byId = stmt(db, `SELECT id FROM tools WHERE id = ? AND ${PUBLISHED}`).get(idOrSlug.toUpperCase()) as { id: string } | undefined;
    if (byId) return byId;
    const bySlug = stmt(db, `SELECT id FROM tools WHERE slug = ? AND ${PUBLISHED}`).get(idOrSlug) as { id: string } | undefined;
    if (bySlug) return { slugOf: bySlug.id };
  }
  throw notFound("api_tool_not_found", idOrSlug);
}

type ToolDetail = Extract<NonNullable<ReturnType<typeof getToolDetail>>, { found: unknown }>["found"];

/**
 * The one JSON document of a published tool: what /api/v1/tools/<id> answers. /tools/<id>.json is
 * a view of it (recordFileView), so the two cannot drift apart.
 */
export function toolDocument(t: ToolDetail, origin: string) {
  return {
    id: t.id,
    url: absolute(origin, paths.tool(t.id)),
    api: absolute(origin, paths.apiTool(t.id)),
    revision: t.revision,
    revisionCount: t.revisionCount,
    sunsetState: t.sunsetState,
    updatedAt: t.updatedAt,
    impact: t.impact,
    agencies: Object.values(t.agencies).map((a) => agencyRef(a, origin)),
    consultation: t.consultation,
    consultationResponse: t.consultationResponse,
    reviews: t.reviews,
    comments: t.comments,
    links: { revisions: absolute(origin, paths.apiToolRevisions(t.id)), history: absolute(origin, paths.toolHistory(t.id)), standard: absolute(origin, paths.standardSchema()) },
    record: t.record,
  };
}
export type ToolDocument = ReturnType<typeof toolDocument>;

/**
 * /tools/<id>.json, the record file linked from the record page and the mirror: a view of the tool
 * document in the shape it was first published in (the record with its revision number, review
 * status and publication time, the computed sunset state and impact, and the standard it follows).
 */
export function recordFileView(doc: ToolDocument) {
  return {
    id: doc.id,
    url: doc.url,
    revision: doc.revision.number,
    reviewStatus: doc.revision.status,
    publishedAt: doc.revision.publishedAt,
    sunsetState: doc.sunsetState,
    impact: doc.impact,
    standard: doc.links.standard,
    record: doc.record,
  };
}

export function apiGetTool(idOrSlug: string, ctx: ApiContext, db: Db = getDb()): ApiAnswer {
  const today = todayIso(ctx.now);
  const lookup = getToolDetail(idOrSlug, { today }, db);
  if (lookup && "redirectTo" in lookup) return { movedTo: absolute(ctx.origin, paths.apiTool(lookup.redirectTo)) };
  if (!lookup) throw notFound("api_tool_not_found", idOrSlug);
  const t = lookup.found;
  return { lastModified: latest(toolChangedAt(db, t.id), startOfToday(ctx.now)), body: toolDocument(t, ctx.origin) };
}

/** The record file of a tool (recordFileView), or where its id moved, or null when there is none. */
export function recordFile(idOrSlug: string, origin: string, db: Db = getDb()): { body: ReturnType<typeof recordFileView> } | { movedTo: string } | null {
  const lookup = getToolDetail(idOrSlug, {}, db);
  if (lookup && "redirectTo" in lookup) return { movedTo: lookup.redirectTo };
  if (!lookup || !("found" in lookup)) return null;
  return { body: recordFileView(toolDocument(lookup.found, origin)) };
}

export function apiToolRevisions(idOrSlug: string, ctx: ApiContext, db: Db = getDb()): ApiAnswer {
  const found = resolveTool(idOrSlug, db);
  if ("slugOf" in found) return { movedTo: absolute(ctx.origin, paths.apiToolRevisions(found.slugOf)) };
  const h = getToolHistoryExport(found.id, db);
  if (!h) throw notFound("api_tool_history_not_found", idOrSlug);
  return {
    lastModified: toolChangedAt(db, h.id),
    body: { id: h.id, url: absolute(ctx.origin, paths.toolHistory(h.id)), api: absolute(ctx.origin, paths.apiToolRevisions(h.id)), revisions: h.revisions, events: h.events },
  };
}

// ------------------------------------------------------------------ agencies

export function apiListAgencies(ctx: ApiContext, db: Db = getDb()): ApiAnswer {
  const items = listAgencies(db).map((a) => ({ ...agencyRef(a, ctx.origin), jurisdictionLevel: a.jurisdictionLevel, toolCount: a.toolCount }));
  return { lastModified: registerChangedAt(db), body: { total: items.length, items } };
}

export function apiGetAgency(slug: string, ctx: ApiContext, db: Db = getDb()): ApiAnswer {
  const today = todayIso(ctx.now);
  const a = getAgencyPage(slug, { today }, db);
  if (!a) throw notFound("api_agency_not_found", slug);
  const o = ctx.origin;
  return {
    lastModified: latest(registerChangedAt(db), startOfToday(ctx.now)),
    body: {
      ...agencyRef(a, o),
      jurisdictionLevel: a.jurisdictionLevel,
      place: a.place,
      website: a.website,
      parent: a.parent ? agencyRef(a.parent, o) : null,
      children: a.children.map((c) => agencyRef(c, o)),
      toolsApi: absolute(o, paths.apiTools({ agency: a.slug })),
      tools: a.tools.map((t) => ({ ...toolSummary(t, o), roles: t.roles })),
    },
  };
}

// ------------------------------------------------------------------ incidents

const IncidentKey = z.tuple([z.string().max(10), z.string().max(40), z.number().int().min(0)]);
/** Incidents on public records, newest first (date, then tool id, then place in the record). */
export function apiListIncidents(params: URLSearchParams, ctx: ApiContext, db: Db = getDb()): ApiAnswer {
  const limit = parseLimit(params);
  const notices: QueryNotice[] = [];
  const query: { kind?: string; year?: string } = {};
  const kind = params.get("kind");
  if (kind) {
    if ((INCIDENT_KINDS as readonly string[]).includes(kind)) query.kind = kind;
    else notices.push({ code: "ignored_value", param: "kind", value: short(kind) });
  }
  const year = params.get("year");
  if (year) {
    if (/^\d{4}$/.test(year)) query.year = year;
    else notices.push({ code: "ignored_value", param: "year", value: short(year) });
  }
  for (const k of new Set(params.keys())) if (!["kind", "year", "limit", "cursor"].includes(k)) notices.push({ code: "ignored_value", param: short(k), value: short(params.get(k) ?? "") });

  const where = [`t.${PUBLISHED}`, ...(query.kind ? ["i.kind = @kind"] : []), ...(query.year ? ["substr(i.date, 1, 4) = @year"] : [])];
  const args: Record<string, string | number> = { ...query };
  const from = `FROM tool_incidents i JOIN tools t ON t.seq = i.tool_seq WHERE ${where.join(" AND ")}`;
  const total = (stmt(db, `SELECT count(*) AS n ${from}`).get(args) as { n: number }).n;
  const fingerprint = queryFingerprint(query);
  const key = decodeCursor(params, { order: "incidents", fingerprint }, IncidentKey);
  const after = key ? `AND (i.date < @d OR (i.date = @d AND (t.id > @t OR (t.id = @t AND i.position > @p))))` : "";
  if (key) Object.assign(args, { d: key[0], t: key[1], p: key[2] });
  const rows = stmt(
    db,
    `SELECT ${INCIDENT_COLUMNS} ${from} ${after} ORDER BY i.date DESC, t.id, i.position LIMIT @limit`,
  ).all({ ...args, limit: limit + 1 }) as IncidentRow[];
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const o = ctx.origin;
  const items = page.map((r) => {
    const { toolId, toolName, ...rest } = incidentItem(r);
    return { toolId, toolName, toolUrl: absolute(o, paths.tool(r.id)), toolApi: absolute(o, paths.apiTool(r.id)), ...rest };
  });
  const last = page.at(-1);
  const nextCursor = more && last ? encodeCursor("incidents", fingerprint, [last.date, last.id, last.position]) : null;
  const next = nextCursor ? nextUrl(absolute(o, paths.apiIncidents()), params, nextCursor) : null;
  return { lastModified: registerChangedAt(db), next, body: { query, notices, total, limit, items, nextCursor, next } };
}

// ------------------------------------------------------------------ events

const EventKey = z.tuple([z.number().int().min(0)]);

export type ApiEventList = {
  query: { tool?: string };
  notices: QueryNotice[];
  hashAlgorithm: string;
  head: ChainHead | null;
  verification: LastChainCheck | null;
  total: number;
  limit: number;
  items: ChainEvent[];
  nextCursor: string | null;
  next: string | null;
};

/** The chain's head now and the latest full check, as /log.json publishes them too. */
export function chainStatusBody(db: Db = getDb()): { head: ChainHead | null; verification: LastChainCheck | null } {
  const { head, lastCheck } = chainStatus(db);
  return { head, verification: lastCheck };
}

/** The hash-chained event log, oldest first, a page at a time, with the result of checking the whole chain. */
export function apiListEvents(params: URLSearchParams, ctx: ApiContext, db: Db = getDb()): ApiAnswer<ApiEventList> {
  const limit = parseLimit(params);
  const notices: QueryNotice[] = [];
  const query: { tool?: string } = {};
  const tool = params.get("tool");
  if (tool) {
    if (/^[A-Za-z]{1,10}-\d{1,12}$/.test(tool)) query.tool = tool.toUpperCase();
    else notices.push({ code: "ignored_value", param: "tool", value: short(tool) });
  }
  for (const k of new Set(params.keys())) if (!["tool", "limit", "cursor", "after"].includes(k)) notices.push({ code: "ignored_value", param: short(k), value: short(params.get(k) ?? "") });
  const fingerprint = queryFingerprint(query);
  const key = decodeCursor(params, { order: "events", fingerprint }, EventKey);
  const afterRaw = params.get("after");
  if (afterRaw !== null && key) throw apiProblem("bad_parameter", "api_cursor_and_after", {}, "after");
  if (afterRaw !== null && !/^\d{1,12}$/.test(afterRaw))
    throw apiProblem("bad_parameter", "api_after_invalid", { value: short(afterRaw) }, "after");
  const afterId = key ? key[0] : afterRaw !== null ? Number(afterRaw) : 0;

  const rows = eventsAfter({ afterId, limit: limit + 1, ...(query.tool ? { toolId: query.tool } : {}) }, db);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const total = (stmt(db, `SELECT count(*) AS n FROM events ${query.tool ? "WHERE tool_id = ?" : ""}`).get(...(query.tool ? [query.tool] : [])) as { n: number }).n;
  const last = items.at(-1);
  const nextCursor = more && last ? encodeCursor("events", fingerprint, [last.id]) : null;
  const next = nextCursor ? nextUrl(absolute(ctx.origin, paths.apiEvents()), params, nextCursor, ["after"]) : null;
  const lastAt = (stmt(db, `SELECT at FROM events ORDER BY id DESC LIMIT 1`).get() as { at: string } | undefined)?.at;
  return {
    lastModified: latest(lastAt),
    next,
    body: { query, notices, hashAlgorithm: HASH_ALGORITHM, ...chainStatusBody(db), total, limit, items, nextCursor, next },
  };
}

// ------------------------------------------------------------------ the document

export function apiOpenApiDocument(ctx: ApiContext): ApiAnswer {
  return { lastModified: null, body: openApiDocument(ctx.origin) };
}

/** What the documentation page lists: each operation with its path and an example. */
export function apiDocumentation(origin: string) {
  return { openapi: absolute(origin, paths.openapi()), operations: API_OPERATIONS.map((o) => ({ ...o })), limit: API_LIMIT };
}
