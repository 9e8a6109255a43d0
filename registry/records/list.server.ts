// The public list of tools: filters, facets, search and pages, and the selections the exports
// and the API's cursor pages are built from. Only published revisions are visible here.
//
// The read model is `listTools(ctx, query)`, async at the boundary. Synchronous internals, kept
// so for the hot paths that call them without awaiting: `selectTools` and `toolSummariesAt` (the
// API's cursor pages, registry/exchange/api/tools.server.ts) and `listToolsForExport` (the export
// generators of registry/exchange/exports, which stream batches lazily).
import { getDb, stmt, type Db } from "../shared/db.server";
import { selectionFilters, type ListPageDeps } from "./list-page-deps.server";
import type { Ctx } from "../shared/context";
import { PAGE_SIZE, type FacetName, type QueryNotice, type ToolQuery } from "./query";
import { getListIndex, pageOf, positionOf, type ListIndex } from "./list-index.server";
import { filterAndCountCached } from "./facet-count-delta.server";
import { buildMatchExpression, type Term } from "./search/tokenize";
import { highlightName, snippet } from "./search/highlight";
import { suggestQueries } from "./search/suggest.server";
import type { LocalizedText } from "../standard/v1";
import { todayIso } from "../lifecycle/sunset";
import { lt, rowsAt, rowsOfSeqs, toSummary, type ToolSummary } from "./summary.server";

export type { ToolSummary } from "./summary.server";

export type FacetCount = { value: string; count: number; label?: LocalizedText };
export type ToolList = {
  query: ToolQuery;
  notices: QueryNotice[];
  total: number;
  page: number;
  pageCount: number;
  items: ToolSummary[];
  facets: Record<FacetName, FacetCount[]>;
  agency?: { slug: string; name: LocalizedText };
  terms: Term[];
  /** "Did you mean": corrected queries that find records, when no record had every word searched for. */
  suggestions: string[];
  /** Made from a list index still being rebuilt (registry/records/list-index.server.ts): not to be cached. */
  stale: boolean;
  /** For the page cache, when no search: what the page shows (list-page-deps.server.ts). */
  deps?: ListPageDeps;
};

// Ranked search hits per connection, for the index version they were computed at: ranking a
// word that matches a third of a 100,000-tool register takes ~40 ms, and the next pages and
// facet choices of the same search reuse it. The search table changes only with the list's
// data, so the index version covers it.
const hitCache = new WeakMap<object, { version: number; hits: Map<string, Int32Array> }>();
const HIT_CACHE_ENTRIES = 64;

function rankedHits(db: Db, index: ListIndex, match: string): Int32Array {
  let cache = hitCache.get(db.$client);
  if (!cache || cache.version !== index.version) hitCache.set(db.$client, (cache = { version: index.version, hits: new Map() }));
  const cached = cache.hits.get(match);
  if (cached) {
    cache.hits.delete(match);
    cache.hits.set(match, cached);
    return cached;
  }
  const seqs = stmt(db, `SELECT rowid FROM tool_search WHERE tool_search MATCH ? ORDER BY bm25(tool_search, 10.0, 1.0, 0.5), rowid`)
    .pluck()
    .all(match) as number[];
  const ranked = new Int32Array(seqs.length);
  let k = 0;
  for (const seq of seqs) {
    const p = positionOf(index, seq);
    if (p >= 0) ranked[k++] = p;
  }
  const hits = ranked.slice(0, k);
  if (cache.hits.size >= HIT_CACHE_ENTRIES) cache.hits.delete(cache.hits.keys().next().value!);
  cache.hits.set(match, hits);
  return hits;
}

/**
 * The tools a list query selects: the agency filter resolved, the search run in FTS5 (its hits,
 * best first, are the only tools the index visits), every filter applied and counted, and the
 * order the results are shown in. Shared by the list page, the exports and the API (synchronous).
 */
export function selectTools(query: ToolQuery, opts: { today: string; lang?: "zh" | "en"; notices: QueryNotice[] }, db: Db) {
  const { match, any, terms } = buildMatchExpression(query.q);
  let agencyIds: number[] | null = null;
  let agency: ToolList["agency"];
  if (query.agency?.length) {
    const known: string[] = [];
    for (const slug of query.agency) {
      const row = stmt(db, `SELECT id, slug, name_zh, name_en FROM agencies WHERE slug = ?`).get(slug) as
        | { id: number; slug: string; name_zh: string | null; name_en: string | null }
        | undefined;
      if (!row) {
        opts.notices.push({ code: "unknown_agency", value: slug });
        continue;
      }
      (agencyIds ??= []).push(row.id);
      known.push(row.slug);
      // The page names the agency when it is the only one chosen.
      if (query.agency.length === 1) agency = { slug: row.slug, name: lt(row.name_zh, row.name_en) };
    }
    if (known.length !== query.agency.length) query = { ...query, agency: known.length ? known : undefined };
  }
  const index = getListIndex(db, opts.today);
  let ranked = match ? rankedHits(db, index, match) : null;
  // No record has every word: show those with any of them, best first, and say so.
  const allWordsMissed = ranked !== null && ranked.length === 0;
  let searched = match || null;
  if (allWordsMissed && any) {
    ranked = rankedHits(db, index, any);
    searched = any;
    if (ranked.length) opts.notices.push({ code: "any_word_fallback" });
  }
  const { total, facets, pass } = filterAndCountCached(index, query, agencyIds, ranked, searched);
  const order =
    query.sort === "relevance" && ranked
      ? ranked
      : index.orders[query.sort === "updated" ? "updated" : query.sort === "sunset" ? "sunset" : opts.lang === "zh" ? "name_zh" : "name_en"];
  return { query, agency, terms, index, total, facets, pass, order, allWordsMissed, agencyIds, searched: ranked !== null };
}

export type ListToolsQuery = {
  /** The parsed list query (registry/records/query.ts `parseToolQuery`). */
  query: ToolQuery;
  /** The language whose names order the list by name. */
  lang?: "zh" | "en";
  /** Notices from parsing the query, kept ahead of the list's own. */
  notices?: QueryNotice[];
  /** The day sunset states are computed for; `todayIso(ctx.now)` when not given. */
  today?: string;
};

/** One page of the public list, with its facet counts and notices. */
export async function listTools(ctx: Ctx, q: ListToolsQuery): Promise<ToolList> {
  const db = ctx.db;
  const today = q.today ?? todayIso(ctx.now);
  const notices = [...(q.notices ?? [])];
  const sel = selectTools(q.query, { today, lang: q.lang, notices }, db);
  const pageCount = Math.max(1, Math.ceil(sel.total / PAGE_SIZE));
  let page = sel.query.page;
  if (page > pageCount) {
    notices.push({ code: "page_out_of_range", page });
    page = pageCount;
  }
  const positions = pageOf(sel.order, sel.pass, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const terms = sel.terms;
  // Only what the reader's card shows (app/components/tool-card.tsx): the snippet of the summary
  // in the page's language when the search matched it there, else the other language's; the
  // marked name in the language the name is shown in (the page's, else the other).
  const other = q.lang === "zh" ? "en" : "zh";
  const items = rowsAt(db, sel.index, positions).map((r) => {
    const s = toSummary(r, today);
    if (terms.length) {
      const text = { zh: { summary: r.summary_zh, name: r.name_zh }, en: { summary: r.summary_en, name: r.name_en } };
      const snip = (lang: "zh" | "en") => (text[lang].summary ? snippet(text[lang].summary!, terms, 80) : null);
      const mark = (lang: "zh" | "en") => (text[lang].name ? highlightName(text[lang].name!, terms) : null);
      if (!q.lang) {
        s.snippet = { zh: snip("zh"), en: snip("en") };
        const marks = { zh: mark("zh"), en: mark("en") };
        if (marks.zh || marks.en) s.nameMarks = marks;
      } else {
        const own = snip(q.lang);
        s.snippet = { [q.lang]: own, [other]: own ? null : snip(other) } as NonNullable<ToolSummary["snippet"]>;
        const shownName = text[q.lang].name ? q.lang : other;
        const marks = mark(shownName);
        if (marks) s.nameMarks = { [shownName]: marks, [shownName === "zh" ? "en" : "zh"]: null } as NonNullable<ToolSummary["nameMarks"]>;
      }
    }
    return s;
  });
  // Suggestions only when no record had every word (cached per query and index version).
  const suggestions = sel.allWordsMissed ? suggestQueries(db, sel.index.version, terms) : [];
  return { query: { ...sel.query, page }, notices, total: sel.total, page, pageCount, items, facets: sel.facets, agency: sel.agency, terms, suggestions, stale: sel.index.stale,
    deps: sel.searched || sel.index.stale ? undefined : { kind: "list", changeId: sel.index.changeId, shown: positions.map((p) => sel.index.seq[p]!), filters: selectionFilters(sel.query, sel.agencyIds) } };
}

/**
 * All tools matching a list query, in the list's order, as batches read lazily from SQL: the
 * basis of the CSV and JSON exports. Only the positions of the matches are held in memory.
 * Synchronous: the export generators pull the batches while they stream.
 */
export function listToolsForExport(
  query: ToolQuery,
  opts: { today?: string; lang?: "zh" | "en"; batch: number },
  db: Db = getDb(),
): { total: number; notices: QueryNotice[]; batches: Iterable<ToolSummary[]> } {
  const today = opts.today ?? todayIso();
  const notices: QueryNotice[] = [];
  const { index, total, pass, order } = selectTools(query, { today, lang: opts.lang, notices }, db);
  // The tools' seqs, taken now: the index is patched in place by later requests while the export
  // streams, so positions would not stay valid.
  const seqs: number[] = [];
  for (let i = 0; i < order.length; i++) if (pass[order[i]!]) seqs.push(index.seq[order[i]!]!);
  function* batches() {
    for (let i = 0; i < seqs.length; i += opts.batch) yield rowsOfSeqs(db, seqs.slice(i, i + opts.batch)).map((r) => toSummary(r, today));
  }
  return { total, notices, batches: batches() };
}

/** Summaries of the tools at some positions of a selection's index, in that order: the API's cursor pages (synchronous). */
export function toolSummariesAt(index: ListIndex, positions: number[], today: string, db: Db = getDb()): ToolSummary[] {
  return rowsAt(db, index, positions).map((r) => toSummary(r, today));
}
