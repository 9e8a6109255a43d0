// Public reads: the list with facets, one record, the home summary and the agency pages.
// Only published revisions are visible here; drafts never leave their agency.
import { getDb, stmt, type Db } from "../shared/db.server";
import { computeImpactLevel, type ImpactResult } from "../standard/impact";
import { PAGE_SIZE, type FacetName, type QueryNotice, type ToolQuery } from "./query";
import { filterAndCount, getListIndex, pageOf, positionOf, type ListIndex } from "./list-index.server";
import { publicReviews, type PublicReview } from "./history.server";
import { consultationWindow } from "../review/obligations";
import { isLinkConfirmed, responsibilityConsent } from "./responsibility.server";
import { listPublicComments, type PublicComment } from "../voice/comments.server";
import { buildMatchExpression, type Term } from "./search/tokenize";
import { snippet, type Segment } from "./search/highlight";
import { readStoredRecord, type LocalizedText, type ToolRecord } from "../standard/v1";
import { addDays, DUE_SOON_DAYS, isUnlawfulToRun, sunsetState, todayIso, SUNSET_STATES, type SunsetState } from "../lifecycle/sunset";

export type ToolSummary = {
  id: string;
  slug: string;
  name: LocalizedText;
  summary: LocalizedText;
  kind: string;
  jurisdictionLevel: string;
  place: LocalizedText;
  deploymentStatus: string;
  reviewStatus: string;
  impactLevel: string | null;
  sunsetDate: string | null;
  sunsetState: SunsetState;
  policyDomain: string;
  retirement: { date: string; reason: LocalizedText } | null;
  updatedAt: string;
  incidentCount: number;
  commentCount: number;
  /** Highlighted summary, per language, when the list was searched. */
  snippet?: { zh: Segment[] | null; en: Segment[] | null };
};

type ToolRow = {
  seq: number;
  id: string;
  slug: string;
  name_zh: string | null;
  name_en: string | null;
  summary_zh: string | null;
  summary_en: string | null;
  kind: string;
  jurisdiction_level: string;
  place_zh: string | null;
  place_en: string | null;
  deployment_status: string;
  review_status: string;
  impact_level: string | null;
  sunset_date: string | null;
  policy_domain: string;
  retired_on: string | null;
  retirement_reason_zh: string | null;
  retirement_reason_en: string | null;
  updated_at: string;
  incident_count: number;
  comment_count: number;
};

const TOOL_COLUMNS = `t.seq, t.id, t.slug, t.name_zh, t.name_en, t.summary_zh, t.summary_en, t.kind, t.jurisdiction_level,
  t.place_zh, t.place_en, t.deployment_status, t.review_status, t.impact_level, t.sunset_date, t.policy_domain, t.retired_on, t.retirement_reason_zh, t.retirement_reason_en, t.updated_at,
  t.incident_count, t.comment_count`;

const lt = (zh: string | null, en: string | null): LocalizedText => ({ ...(zh ? { zh } : {}), ...(en ? { en } : {}) });

function toSummary(r: ToolRow, today: string): ToolSummary {
  return {
    id: r.id,
    slug: r.slug,
    name: lt(r.name_zh, r.name_en),
    summary: lt(r.summary_zh, r.summary_en),
    kind: r.kind,
    jurisdictionLevel: r.jurisdiction_level,
    place: lt(r.place_zh, r.place_en),
    deploymentStatus: r.deployment_status,
    reviewStatus: r.review_status,
    impactLevel: r.impact_level,
    sunsetDate: r.sunset_date,
    sunsetState: sunsetState({ deploymentStatus: r.deployment_status, reviewStatus: r.review_status, sunsetDate: r.sunset_date }, today),
    policyDomain: r.policy_domain,
    retirement: r.retired_on ? { date: r.retired_on, reason: lt(r.retirement_reason_zh, r.retirement_reason_en) } : null,
    updatedAt: r.updated_at,
    incidentCount: r.incident_count,
    commentCount: r.comment_count,
  };
}

/** The list rows of the tools at these index positions, in that order. */
function rowsAt(db: Db, index: ListIndex, positions: number[]): ToolRow[] {
  if (!positions.length) return [];
  const seqs = positions.map((p) => index.seq[p]!);
  const rows = stmt(db, `SELECT ${TOOL_COLUMNS} FROM tools t WHERE t.seq IN (${seqs.map(() => "?").join(", ")})`).all(...seqs) as ToolRow[];
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.flatMap((s) => bySeq.get(s) ?? []);
}

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
 * order the results are shown in. Shared by the list page and the exports.
 */
export function selectTools(query: ToolQuery, opts: { today: string; lang?: "zh" | "en"; notices: QueryNotice[] }, db: Db) {
  const { match, terms } = buildMatchExpression(query.q);
  let agencyId: number | null = null;
  let agency: ToolList["agency"];
  if (query.agency) {
    const row = stmt(db, `SELECT id, slug, name_zh, name_en FROM agencies WHERE slug = ?`).get(query.agency) as
      | { id: number; slug: string; name_zh: string | null; name_en: string | null }
      | undefined;
    if (row) {
      agencyId = row.id;
      agency = { slug: row.slug, name: lt(row.name_zh, row.name_en) };
    } else {
      opts.notices.push({ code: "unknown_agency", value: query.agency });
      query = { ...query, agency: undefined };
    }
  }
  const index = getListIndex(db, opts.today);
  const ranked = match ? rankedHits(db, index, match) : null;
  const { total, facets, pass } = filterAndCount(index, query, agencyId, ranked);
  const order =
    query.sort === "relevance" && ranked
      ? ranked
      : index.orders[query.sort === "updated" ? "updated" : query.sort === "sunset" ? "sunset" : opts.lang === "zh" ? "name_zh" : "name_en"];
  return { query, agency, terms, index, total, facets, pass, order };
}

export function listTools(
  query: ToolQuery,
  opts: { today?: string; lang?: "zh" | "en"; notices?: QueryNotice[] } = {},
  db: Db = getDb(),
): ToolList {
  const today = opts.today ?? todayIso();
  const notices = [...(opts.notices ?? [])];
  const sel = selectTools(query, { today, lang: opts.lang, notices }, db);
  const pageCount = Math.max(1, Math.ceil(sel.total / PAGE_SIZE));
  let page = sel.query.page;
  if (page > pageCount) {
    notices.push({ code: "page_out_of_range", page });
    page = pageCount;
  }
  const positions = pageOf(sel.order, sel.pass, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const terms = sel.terms;
  const items = rowsAt(db, sel.index, positions).map((r) => {
    const s = toSummary(r, today);
    if (terms.length) s.snippet = { zh: r.summary_zh ? snippet(r.summary_zh, terms, 80) : null, en: r.summary_en ? snippet(r.summary_en, terms, 80) : null };
    return s;
  });
  return { query: { ...sel.query, page }, notices, total: sel.total, page, pageCount, items, facets: sel.facets, agency: sel.agency, terms };
}

// ---------------------------------------------------------------- one record

export type AgencyLink = { slug: string; name: LocalizedText };

export type ToolDetail = {
  id: string;
  record: ToolRecord;
  revision: { number: number; status: string; publishedAt: string };
  revisionCount: number;
  /** The responsible agencies whose link is confirmed (registry/records/responsibility.server.ts): the ones shown as responsible. */
  agencies: Record<string, AgencyLink>;
  /**
   * Agencies the owning agency's official named in the record that have not confirmed it. The
   * record keeps them as submitted; pages say they are not confirmed, and nothing else lists them.
   */
  unconfirmedAgencies: Record<string, AgencyLink>;
  impact: ImpactResult | null;
  sunsetState: SunsetState;
  updatedAt: string;
  /** The public consultation of this revision (level III+), if any. */
  consultation: { opens: string; closes: string } | null;
  /** Reviews of this revision: decisions, public summaries, findings and conditions. */
  reviews: PublicReview[];
  /** Published (and removed) public comments with the agency's replies. */
  comments: PublicComment[];
  /** The agency's response to the closed consultation: what was raised, what changed. */
  consultationResponse: { raised: LocalizedText; changed: LocalizedText; postedAt: string } | null;
};

export type ToolLookup = { found: ToolDetail } | { redirectTo: string } | null;

/** A tool by public id; a slug answers with the id to redirect to. */
export function getToolDetail(idOrSlug: string, opts: { today?: string } = {}, db: Db = getDb()): ToolLookup {
  if (idOrSlug.length > 100) return null;
  const row = stmt(
    db,
    `SELECT t.seq, t.id, t.updated_at, r.id AS revision_id, r.number, r.status, r.record, r.published_at, r.submitted_at,
       (SELECT count(*) FROM revisions x WHERE x.tool_seq = t.seq AND x.status <> 'draft') AS revision_count
     FROM tools t JOIN revisions r ON r.id = t.published_revision_id WHERE t.id = ?`,
  ).get(idOrSlug.toUpperCase()) as
    | { seq: number; id: string; updated_at: string; revision_id: number; number: number; status: string; record: string; published_at: string; submitted_at: string | null; revision_count: number }
    | undefined;
  if (!row) {
    const bySlug = stmt(db, `SELECT id FROM tools WHERE slug = ? AND published_revision_id IS NOT NULL`).get(idOrSlug) as { id: string } | undefined;
    return bySlug ? { redirectTo: bySlug.id } : null;
  }
  // The stored record was validated when written; parsing again applies defaults and types it.
  const record = readStoredRecord(row.record);
  // The record is frozen at submission; the review status moves on with the review, so the
  // revision's own status is the truth.
  record.lifecycle.reviewStatus = row.status as typeof record.lifecycle.reviewStatus;
  const agencies: Record<string, AgencyLink> = {};
  const unconfirmedAgencies: Record<string, AgencyLink> = {};
  const consent = responsibilityConsent(db, row.seq);
  for (const ref of record.responsibility.agencies) {
    const a = stmt(db, `SELECT id, slug, name_zh, name_en FROM agencies WHERE slug = ?`).get(ref.agency) as
      | { id: number; slug: string; name_zh: string | null; name_en: string | null }
      | undefined;
    if (a) (isLinkConfirmed(consent, a.id) ? agencies : unconfirmedAgencies)[a.slug] = { slug: a.slug, name: lt(a.name_zh, a.name_en) };
  }
  const today = opts.today ?? todayIso();
  const impact = record.assessments.impact ? computeImpactLevel(record.assessments.impact) : null;
  // Editors' records were never submitted for review, so they have no consultation.
  const reviewed = row.status !== "unreviewed";
  const reviews = reviewed ? (publicReviews(db, [row.revision_id]).get(row.revision_id) ?? []) : [];
  return {
    found: {
      id: row.id,
      record,
      revision: { number: row.number, status: row.status, publishedAt: row.published_at },
      revisionCount: row.revision_count,
      agencies,
      unconfirmedAgencies,
      impact,
      sunsetState: sunsetState({ ...record.lifecycle, reviewStatus: row.status }, today),
      updatedAt: row.updated_at,
      consultation: reviewed && row.submitted_at ? consultationWindow(impact, row.submitted_at.slice(0, 10)) : null,
      reviews,
      comments: listPublicComments(row.id, db),
      consultationResponse: consultationResponseOf(db, row.revision_id),
    },
  };
}

// ---------------------------------------------------------------- home

export type HomeSummary = {
  total: number;
  byKind: FacetCount[];
  byDeployment: FacetCount[];
  byReview: FacetCount[];
  byLevel: FacetCount[];
  bySunset: FacetCount[];
  dueSoon: ToolSummary[];
  unlawful: ToolSummary[];
  unlawfulCount: number;
  recent: { id: string; name: LocalizedText; revision: number; status: string; publishedAt: string }[];
};

export function getHomeSummary(opts: { today?: string } = {}, db: Db = getDb()): HomeSummary {
  const today = opts.today ?? todayIso();
  const index = getListIndex(db, today);
  const { total, facets } = filterAndCount(index, { q: "", sort: "name", page: 1 }, null, null);
  const byCount = (f: FacetName): FacetCount[] =>
    facets[f].map(({ value, count }) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const sunsetCodes = (states: SunsetState[]) => new Set(states.map((st) => SUNSET_STATES.indexOf(st)));
  const inStates = (states: SunsetState[]) => {
    const codes = sunsetCodes(states);
    return Uint8Array.from(index.bytes.sunset, (c) => (codes.has(c) ? 1 : 0));
  };
  // The sunset order is "no date last, then by date, then id", as the lists want.
  const listBy = (states: SunsetState[], limit: number) => rowsAt(db, index, pageOf(index.orders.sunset, inStates(states), 0, limit)).map((r) => toSummary(r, today));
  const unlawfulCount = facets.sunset.filter((c) => isUnlawfulToRun(c.value as SunsetState)).reduce((n, c) => n + c.count, 0);
  const recent = (
    stmt(
      db,
      `SELECT t.id, t.name_zh, t.name_en, r.number, r.status, r.published_at FROM revisions r JOIN tools t ON t.seq = r.tool_seq
       WHERE r.published_at IS NOT NULL ORDER BY r.published_at DESC, r.id DESC LIMIT 10`,
    ).all() as { id: string; name_zh: string | null; name_en: string | null; number: number; status: string; published_at: string }[]
  ).map((r) => ({ id: r.id, name: lt(r.name_zh, r.name_en), revision: r.number, status: r.status, publishedAt: r.published_at }));
  return {
    total,
    byKind: byCount("kind"),
    byDeployment: byCount("status"),
    byReview: byCount("review"),
    byLevel: byCount("level"),
    bySunset: byCount("sunset"),
    dueSoon: listBy(["due_soon"], 10),
    unlawful: listBy(["lapsed", "no_sunset"], 10),
    unlawfulCount,
    recent,
  };
}

// ---------------------------------------------------------------- agencies

export type AgencyPage = {
  slug: string;
  name: LocalizedText;
  jurisdictionLevel: string;
  place: LocalizedText;
  website: string | null;
  parent: AgencyLink | null;
  children: AgencyLink[];
  tools: (ToolSummary & { roles: string[] })[];
};

type AgencyRow = {
  id: number;
  slug: string;
  name_zh: string | null;
  name_en: string | null;
  jurisdiction_level: string;
  place_zh: string | null;
  place_en: string | null;
  website: string | null;
  parent_id: number | null;
};

export function getAgencyPage(slug: string, opts: { today?: string } = {}, db: Db = getDb()): AgencyPage | null {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const a = stmt(db, `SELECT * FROM agencies WHERE slug = ?`).get(slug) as AgencyRow | undefined;
  if (!a) return null;
  const today = opts.today ?? todayIso();
  const link = (r: { slug: string; name_zh: string | null; name_en: string | null }): AgencyLink => ({ slug: r.slug, name: lt(r.name_zh, r.name_en) });
  const parent = a.parent_id ? (stmt(db, `SELECT slug, name_zh, name_en FROM agencies WHERE id = ?`).get(a.parent_id) as AgencyRow | undefined) : undefined;
  const children = stmt(db, `SELECT slug, name_zh, name_en FROM agencies WHERE parent_id = ? ORDER BY slug`).all(a.id) as AgencyRow[];
  const rows = stmt(
    db,
    `SELECT ${TOOL_COLUMNS}, group_concat(ta.role) AS roles FROM tool_agencies ta JOIN tools t ON t.seq = ta.tool_seq
     WHERE ta.agency_id = ? AND t.published_revision_id IS NOT NULL GROUP BY t.seq ORDER BY t.id`,
  ).all(a.id) as (ToolRow & { roles: string })[];
  return {
    slug: a.slug,
    name: lt(a.name_zh, a.name_en),
    jurisdictionLevel: a.jurisdiction_level,
    place: lt(a.place_zh, a.place_en),
    website: a.website,
    parent: parent ? link(parent) : null,
    children: children.map(link),
    tools: rows.map((r) => ({ ...toSummary(r, today), roles: r.roles.split(",") })),
  };
}

export function listAgencies(db: Db = getDb()): (AgencyLink & { jurisdictionLevel: string; toolCount: number })[] {
  return (
    stmt(
      db,
      `SELECT a.slug, a.name_zh, a.name_en, a.jurisdiction_level,
         (SELECT count(DISTINCT ta.tool_seq) FROM tool_agencies ta JOIN tools t ON t.seq = ta.tool_seq
          WHERE ta.agency_id = a.id AND t.published_revision_id IS NOT NULL) AS tool_count
       FROM agencies a ORDER BY a.slug`,
    ).all() as (AgencyRow & { tool_count: number })[]
  ).map((r) => ({ slug: r.slug, name: lt(r.name_zh, r.name_en), jurisdictionLevel: r.jurisdiction_level, toolCount: r.tool_count }));
}

// ---------------------------------------------------------------- sunsets

export const SUNSET_LIST_LIMIT = 50;

export type SunsetOverview = {
  today: string;
  counts: Record<"lapsed" | "due_soon" | "no_sunset" | "ok", number>;
  lapsed: ToolSummary[];
  dueSoon: ToolSummary[];
  noSunset: ToolSummary[];
  upcoming: ToolSummary[];
};

/**
 * Sunset states are computed on read from the dates (registry/lifecycle/sunset.ts), so a tool lapses at
 * midnight after its sunset date with no job to run. Each list holds the first
 * SUNSET_LIST_LIMIT tools in sunset-date order; the counts are complete.
 */
export function getSunsetOverview(opts: { today?: string } = {}, db: Db = getDb()): SunsetOverview {
  const today = opts.today ?? todayIso();
  const index = getListIndex(db, today);
  const code = (s: SunsetState) => SUNSET_STATES.indexOf(s);
  const pick = (s: SunsetState) => {
    const c = code(s);
    const mask = Uint8Array.from(index.bytes.sunset, (v) => (v === c ? 1 : 0));
    return rowsAt(db, index, pageOf(index.orders.sunset, mask, 0, SUNSET_LIST_LIMIT)).map((r) => toSummary(r, today));
  };
  const counts = { lapsed: 0, due_soon: 0, no_sunset: 0, ok: 0 };
  for (const v of index.bytes.sunset) {
    const s = SUNSET_STATES[v] as SunsetState;
    if (s in counts) counts[s as keyof typeof counts]++;
  }
  return { today, counts, lapsed: pick("lapsed"), dueSoon: pick("due_soon"), noSunset: pick("no_sunset"), upcoming: pick("ok") };
}

export type SunsetFeedEntry = { id: string; toolId: string; name: LocalizedText; state: "lapsed" | "due_soon"; sunsetDate: string; updated: string };

/**
 * Sunset events for the Atom feed: a tool became due (60 days before its sunset date) or lapsed
 * (the day after it). Newest first, at most `limit`.
 */
export function sunsetFeed(opts: { today?: string; limit?: number } = {}, db: Db = getDb()): SunsetFeedEntry[] {
  const today = opts.today ?? todayIso();
  const limit = opts.limit ?? 100;
  const index = getListIndex(db, today);
  // The newest events belong to the latest sunset dates: walk the sunset order backwards.
  const latest = (state: SunsetState) => {
    const c = SUNSET_STATES.indexOf(state);
    const out: number[] = [];
    for (let i = index.orders.sunset.length - 1; i >= 0 && out.length < limit; i--) {
      const p = index.orders.sunset[i]!;
      if (index.bytes.sunset[p] === c) out.push(p);
    }
    return rowsAt(db, index, out).map((r) => toSummary(r, today));
  };
  const entries = [
    ...latest("lapsed").map((t) => ({ state: "lapsed" as const, t, updated: addDays(t.sunsetDate!, 1) })),
    ...latest("due_soon").map((t) => ({ state: "due_soon" as const, t, updated: addDays(t.sunsetDate!, -DUE_SOON_DAYS) })),
  ].map(({ state, t, updated }) => ({ id: `${t.id}:${state}:${t.sunsetDate}`, toolId: t.id, name: t.name, state, sunsetDate: t.sunsetDate!, updated }));
  return entries.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.id < b.id ? -1 : 1)).slice(0, limit);
}

/** An agency's public tools that are due for sunset within 60 days or have lapsed, soonest first. */
export function toolsDueForAgency(agencyId: number, opts: { today?: string } = {}, db: Db = getDb()): ToolSummary[] {
  const today = opts.today ?? todayIso();
  const rows = stmt(
    db,
    `SELECT ${TOOL_COLUMNS} FROM tools t WHERE t.owner_agency_id = ? AND t.published_revision_id IS NOT NULL
       AND t.sunset_date IS NOT NULL AND t.sunset_date <= ? ORDER BY t.sunset_date, t.id`,
  ).all(agencyId, addDays(today, DUE_SOON_DAYS)) as ToolRow[];
  return rows.map((r) => toSummary(r, today)).filter((t) => t.sunsetState === "due_soon" || t.sunsetState === "lapsed");
}

function consultationResponseOf(db: Db, revisionId: number): ToolDetail["consultationResponse"] {
  const r = stmt(db, `SELECT raised_zh, raised_en, changed_zh, changed_en, posted_at FROM consultation_responses WHERE revision_id = ?`).get(revisionId) as
    | { raised_zh: string | null; raised_en: string | null; changed_zh: string | null; changed_en: string | null; posted_at: string }
    | undefined;
  return r ? { raised: lt(r.raised_zh, r.raised_en), changed: lt(r.changed_zh, r.changed_en), postedAt: r.posted_at } : null;
}

/**
 * All tools matching a list query, in the list's order, as batches read lazily from SQL: the
 * basis of the CSV and JSON exports. Only the positions of the matches are held in memory.
 */
export function listToolsForExport(
  query: ToolQuery,
  opts: { today?: string; lang?: "zh" | "en"; batch: number },
  db: Db = getDb(),
): { total: number; notices: QueryNotice[]; batches: Iterable<ToolSummary[]> } {
  const today = opts.today ?? todayIso();
  const notices: QueryNotice[] = [];
  const { index, total, pass, order } = selectTools(query, { today, lang: opts.lang, notices }, db);
  const positions: number[] = [];
  for (let i = 0; i < order.length; i++) if (pass[order[i]!]) positions.push(order[i]!);
  function* batches() {
    for (let i = 0; i < positions.length; i += opts.batch) yield rowsAt(db, index, positions.slice(i, i + opts.batch)).map((r) => toSummary(r, today));
  }
  return { total, notices, batches: batches() };
}

/** Summaries of the tools at some positions of a selection's index, in that order: the API's cursor pages. */
export function toolSummariesAt(index: ListIndex, positions: number[], today: string, db: Db = getDb()): ToolSummary[] {
  return rowsAt(db, index, positions).map((r) => toSummary(r, today));
}
