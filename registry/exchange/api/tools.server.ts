// The API's tool answers: the list with stable cursor pages (/api/v1/tools), one tool's document
// (/api/v1/tools/<id>), its revisions (/api/v1/tools/<id>/revisions), and the record file
// /tools/<id>.json (a view of the same document, registry/exchange/record-document.ts).
// Each is `(ctx, query)` and async; the list reads the list index through the synchronous
// internals `selectTools` and `toolSummariesAt` (registry/records/list.server.ts).
import { z } from "zod";
import { stmt, type Db } from "../../shared/db.server";
import { parseToolQuery, type QueryNotice } from "../../records/query";
import { selectTools, toolSummariesAt } from "../../records/list.server";
import { getToolDetail } from "../../records/detail.server";
import { positionOf, type ListIndex, type SortOrder } from "../../records/list-index.server";
import { historyExportOf } from "../../records/history.server";
import { todayIso } from "../../lifecycle/sunset";
import { decodeCursor, encodeCursor, nextUrl, parseLimit, queryFingerprint } from "./cursor";
import { absolute, paths } from "../../shared/urls";
import { recordFileView, toolDocument, type RecordFile } from "../record-document";
import { latest, notFound, PUBLISHED, registerChangedAt, short, startOfToday, toolChangedAt, toolSummary, type ApiAnswer, type ApiContext } from "./answer.server";

// The key of a tool in each sort order, read the way the order itself is built
// (SORT_ORDERS in list-index.server.ts), so a cursor resumes exactly where the order continues.
const ORDER_KEY: Record<SortOrder, string> = {
  name_en: "coalesce(name_en, name_zh)",
  name_zh: "name_sort_zh",
  updated: "updated_at",
  sunset: "sunset_date",
};
const KeysetKey = z.tuple([z.string().nullable(), z.string()]);
const RelevanceKey = z.tuple([z.string(), z.number().int().min(0)]);

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

/** /api/v1/tools: the list's filters and search, a page at a time after an opaque cursor. */
export async function apiListTools(ctx: ApiContext, { params }: { params: URLSearchParams }): Promise<ApiAnswer> {
  const { db } = ctx;
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
      const row = stmt(db, `SELECT seq FROM tools WHERE id = ?`).get(key[0]) as { seq: number } | undefined;
      const at = row ? sel.order.indexOf(positionOf(sel.index, row.seq)) : -1;
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
    ...(sel.index.stale ? { stale: true } : {}),
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

/** /api/v1/tools/<id>: the tool document (registry/exchange/record-document.ts). */
export async function apiGetTool(ctx: ApiContext, { idOrSlug }: { idOrSlug: string }): Promise<ApiAnswer> {
  const lookup = await getToolDetail(ctx, { idOrSlug });
  if (lookup && "redirectTo" in lookup) return { movedTo: absolute(ctx.origin, paths.apiTool(lookup.redirectTo)) };
  if (!lookup) throw notFound("api_tool_not_found", idOrSlug);
  const t = lookup.found;
  return { lastModified: latest(toolChangedAt(ctx.db, t.id), startOfToday(ctx.now)), body: toolDocument(t, ctx.origin) };
}

/** The record file of a tool (recordFileView), or the id it moved to (a slug was asked), or null when there is none. */
export async function recordFile(ctx: ApiContext, { idOrSlug }: { idOrSlug: string }): Promise<{ body: RecordFile } | { movedTo: string } | null> {
  const lookup = await getToolDetail(ctx, { idOrSlug });
  if (lookup && "redirectTo" in lookup) return { movedTo: lookup.redirectTo };
  if (!lookup || !("found" in lookup)) return null;
  return { body: recordFileView(toolDocument(lookup.found, ctx.origin)) };
}

/** /api/v1/tools/<id>/revisions: every submitted revision and the tool's events. */
export async function apiToolRevisions(ctx: ApiContext, { idOrSlug }: { idOrSlug: string }): Promise<ApiAnswer> {
  const { db } = ctx;
  const found = resolveTool(idOrSlug, db);
  if ("slugOf" in found) return { movedTo: absolute(ctx.origin, paths.apiToolRevisions(found.slugOf)) };
  const h = historyExportOf(found.id, db);
  if (!h) throw notFound("api_tool_history_not_found", idOrSlug);
  return {
    lastModified: toolChangedAt(db, h.id),
    body: { id: h.id, url: absolute(ctx.origin, paths.toolHistory(h.id)), api: absolute(ctx.origin, paths.apiToolRevisions(h.id)), revisions: h.revisions, events: h.events },
  };
}
