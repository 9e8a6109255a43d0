// Public reads: the list with facets, one record, the home summary and the agency pages.
// Only published revisions are visible here; drafts never leave their agency.
import { getDb, stmt, type Db } from "./db.server";
import { computeImpactLevel, type ImpactResult } from "./impact";
import { PAGE_SIZE, ENUM_FACETS, type FacetName, type QueryNotice, type ToolQuery } from "./query";
import { buildMatchExpression, type Term } from "./search/tokenize";
import { snippet, type Segment } from "./search/highlight";
import { ToolRecord, type LocalizedText } from "./standard/v1";
import { sunsetState, sunsetStateSql, todayIso, type SunsetState } from "./sunset";

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
  updatedAt: string;
  incidentCount: number;
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
  updated_at: string;
  incident_count: number;
};

const TOOL_COLUMNS = `t.seq, t.id, t.slug, t.name_zh, t.name_en, t.summary_zh, t.summary_en, t.kind, t.jurisdiction_level,
  t.place_zh, t.place_en, t.deployment_status, t.review_status, t.impact_level, t.sunset_date, t.updated_at, t.incident_count`;

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
    updatedAt: r.updated_at,
    incidentCount: r.incident_count,
  };
}

const SUNSET = sunsetStateSql("t");

type Where = { clauses: string[]; params: Record<string, unknown> };

/** WHERE clauses for a query, leaving out one facet (for that facet's own counts). */
function whereFor(query: ToolQuery, match: string | null, agencyId: number | null, today: string, without?: FacetName): Where {
  const clauses = ["t.published_revision_id IS NOT NULL"];
  const params: Record<string, unknown> = {};
  const eq = (facet: FacetName, col: string) => {
    const v = query[facet as keyof ToolQuery];
    if (v === undefined || facet === without) return;
    clauses.push(`${col} = @${facet}`);
    params[facet] = v;
  };
  eq("kind", "t.kind");
  eq("jurisdiction", "t.jurisdiction_level");
  eq("status", "t.deployment_status");
  eq("review", "t.review_status");
  if (query.level && without !== "level") {
    if (query.level === "none") clauses.push("t.impact_level IS NULL");
    else {
      clauses.push("t.impact_level = @level");
      params.level = query.level;
    }
  }
  if (query.sunset && without !== "sunset") {
    clauses.push(`(${SUNSET.sql}) = @sunset`);
    Object.assign(params, SUNSET.params(today), { sunset: query.sunset });
  }
  if (query.sensitive && without !== "sensitive") clauses.push(`t.has_sensitive_data = ${query.sensitive === "yes" ? 1 : 0}`);
  if (query.category && without !== "category") {
    clauses.push("t.seq IN (SELECT tool_seq FROM tool_data_categories WHERE category = @category)");
    params.category = query.category;
  }
  if (agencyId !== null && without !== "agency") {
    clauses.push("t.seq IN (SELECT tool_seq FROM tool_agencies WHERE agency_id = @agencyId)");
    params.agencyId = agencyId;
  }
  if (match) {
    clauses.push("t.seq IN (SELECT rowid FROM tool_search WHERE tool_search MATCH @match)");
    params.match = match;
  }
  return { clauses, params };
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

const FACET_COLUMN: Partial<Record<FacetName, string>> = {
  kind: "t.kind",
  jurisdiction: "t.jurisdiction_level",
  status: "t.deployment_status",
  review: "t.review_status",
  level: "coalesce(t.impact_level, 'none')",
  sensitive: "CASE t.has_sensitive_data WHEN 1 THEN 'yes' ELSE 'no' END",
};

const ORDER: Record<string, string> = {
  name_en: "coalesce(t.name_en, t.name_zh) COLLATE NOCASE, t.id",
  name_zh: "coalesce(t.name_zh, t.name_en), t.id",
  updated: "t.updated_at DESC, t.id",
  sunset: "t.sunset_date IS NULL, t.sunset_date, t.id",
};

export function listTools(
  query: ToolQuery,
  opts: { today?: string; lang?: "zh" | "en"; notices?: QueryNotice[] } = {},
  db: Db = getDb(),
): ToolList {
  const today = opts.today ?? todayIso();
  const notices = [...(opts.notices ?? [])];
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
      notices.push({ code: "unknown_agency", value: query.agency });
      query = { ...query, agency: undefined };
    }
  }

  const where = whereFor(query, match, agencyId, today);
  const whereSql = where.clauses.join(" AND ");
  const total = (stmt(db, `SELECT count(*) AS n FROM tools t WHERE ${whereSql}`).get(where.params) as { n: number }).n;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  let page = query.page;
  if (page > pageCount) {
    notices.push({ code: "page_out_of_range", page });
    page = pageCount;
  }
  const offset = (page - 1) * PAGE_SIZE;

  let rows: ToolRow[];
  if (query.sort === "relevance" && match) {
    const relevanceWhere = where.clauses.filter((c) => !c.includes("tool_search MATCH")).join(" AND ");
    rows = stmt(
      db,
      `SELECT ${TOOL_COLUMNS} FROM tool_search JOIN tools t ON t.seq = tool_search.rowid
       WHERE tool_search MATCH @match AND ${relevanceWhere}
       ORDER BY bm25(tool_search, 10.0, 1.0, 0.5), t.id LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
    ).all(where.params) as ToolRow[];
  } else {
    const order = query.sort === "name" ? ORDER[opts.lang === "zh" ? "name_zh" : "name_en"] : ORDER[query.sort] ?? ORDER.name_en;
    rows = stmt(db, `SELECT ${TOOL_COLUMNS} FROM tools t WHERE ${whereSql} ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${offset}`).all(
      where.params,
    ) as ToolRow[];
  }
  const items = rows.map((r) => {
    const s = toSummary(r, today);
    if (terms.length) s.snippet = { zh: r.summary_zh ? snippet(r.summary_zh, terms, 80) : null, en: r.summary_en ? snippet(r.summary_en, terms, 80) : null };
    return s;
  });

  const facets = {} as Record<FacetName, FacetCount[]>;
  for (const facet of [...ENUM_FACETS, "agency"] as FacetName[]) {
    const w = whereFor(query, match, agencyId, today, facet);
    const ws = w.clauses.join(" AND ");
    let sql: string;
    const params = { ...w.params };
    if (facet === "sunset") {
      Object.assign(params, SUNSET.params(today));
      sql = `SELECT ${SUNSET.sql} AS value, count(*) AS count FROM tools t WHERE ${ws} GROUP BY 1`;
    } else if (facet === "category") {
      sql = `SELECT c.category AS value, count(*) AS count FROM tool_data_categories c JOIN tools t ON t.seq = c.tool_seq WHERE ${ws} GROUP BY 1`;
    } else if (facet === "agency") {
      sql = `SELECT a.slug AS value, a.name_zh, a.name_en, count(DISTINCT ta.tool_seq) AS count
             FROM tool_agencies ta JOIN tools t ON t.seq = ta.tool_seq JOIN agencies a ON a.id = ta.agency_id
             WHERE ${ws} GROUP BY a.id ORDER BY count DESC, a.slug LIMIT 30`;
    } else {
      sql = `SELECT ${FACET_COLUMN[facet]} AS value, count(*) AS count FROM tools t WHERE ${ws} GROUP BY 1`;
    }
    const counts = stmt(db, sql).all(params) as { value: string; count: number; name_zh?: string | null; name_en?: string | null }[];
    facets[facet] = counts.map((c) =>
      facet === "agency" ? { value: c.value, count: c.count, label: lt(c.name_zh ?? null, c.name_en ?? null) } : { value: c.value, count: c.count },
    );
  }
  return { query: { ...query, page }, notices, total, page, pageCount, items, facets, agency, terms };
}

// ---------------------------------------------------------------- one record

export type AgencyLink = { slug: string; name: LocalizedText };

export type ToolDetail = {
  id: string;
  record: ToolRecord;
  revision: { number: number; status: string; publishedAt: string };
  revisionCount: number;
  agencies: Record<string, AgencyLink>;
  impact: ImpactResult | null;
  sunsetState: SunsetState;
  updatedAt: string;
};

export type ToolLookup = { found: ToolDetail } | { redirectTo: string } | null;

/** A tool by public id; a slug answers with the id to redirect to. */
export function getToolDetail(idOrSlug: string, opts: { today?: string } = {}, db: Db = getDb()): ToolLookup {
  if (idOrSlug.length > 100) return null;
  const row = stmt(
    db,
    `SELECT t.id, t.updated_at, r.number, r.status, r.record, r.published_at,
       (SELECT count(*) FROM revisions x WHERE x.tool_seq = t.seq AND x.status <> 'draft') AS revision_count
     FROM tools t JOIN revisions r ON r.id = t.published_revision_id WHERE t.id = ?`,
  ).get(idOrSlug.toUpperCase()) as
    | { id: string; updated_at: string; number: number; status: string; record: string; published_at: string; revision_count: number }
    | undefined;
  if (!row) {
    const bySlug = stmt(db, `SELECT id FROM tools WHERE slug = ? AND published_revision_id IS NOT NULL`).get(idOrSlug) as { id: string } | undefined;
    return bySlug ? { redirectTo: bySlug.id } : null;
  }
  // The stored record was validated when written; parsing again applies defaults and types it.
  const record = ToolRecord.parse(JSON.parse(row.record));
  const agencies: Record<string, AgencyLink> = {};
  for (const ref of record.responsibility.agencies) {
    const a = stmt(db, `SELECT slug, name_zh, name_en FROM agencies WHERE slug = ?`).get(ref.agency) as
      | { slug: string; name_zh: string | null; name_en: string | null }
      | undefined;
    if (a) agencies[a.slug] = { slug: a.slug, name: lt(a.name_zh, a.name_en) };
  }
  const today = opts.today ?? todayIso();
  return {
    found: {
      id: row.id,
      record,
      revision: { number: row.number, status: row.status, publishedAt: row.published_at },
      revisionCount: row.revision_count,
      agencies,
      impact: record.assessments.impact ? computeImpactLevel(record.assessments.impact) : null,
      sunsetState: sunsetState({ ...record.lifecycle, reviewStatus: row.status }, today),
      updatedAt: row.updated_at,
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
  const params = SUNSET.params(today);
  const count = (col: string) =>
    stmt(db, `SELECT ${col} AS value, count(*) AS count FROM tools t WHERE t.published_revision_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`).all(
      col.includes("@") ? params : {},
    ) as FacetCount[];
  const total = (stmt(db, `SELECT count(*) AS n FROM tools WHERE published_revision_id IS NOT NULL`).get() as { n: number }).n;
  const listBy = (state: string[], order: string, limit: number) =>
    (
      stmt(
        db,
        `SELECT ${TOOL_COLUMNS} FROM tools t WHERE t.published_revision_id IS NOT NULL AND (${SUNSET.sql}) IN (${state.map((s) => `'${s}'`).join(",")})
         ORDER BY ${order} LIMIT ${limit}`,
      ).all(params) as ToolRow[]
    ).map((r) => toSummary(r, today));
  const unlawfulCount = (
    stmt(
      db,
      `SELECT count(*) AS n FROM tools t WHERE t.published_revision_id IS NOT NULL AND (${SUNSET.sql}) IN ('lapsed', 'no_sunset')`,
    ).get(params) as { n: number }
  ).n;
  const recent = (
    stmt(
      db,
      `SELECT t.id, t.name_zh, t.name_en, r.number, r.status, r.published_at FROM revisions r JOIN tools t ON t.seq = r.tool_seq
       WHERE r.published_at IS NOT NULL ORDER BY r.published_at DESC, r.id DESC LIMIT 10`,
    ).all() as { id: string; name_zh: string | null; name_en: string | null; number: number; status: string; published_at: string }[]
  ).map((r) => ({ id: r.id, name: lt(r.name_zh, r.name_en), revision: r.number, status: r.status, publishedAt: r.published_at }));
  return {
    total,
    byKind: count("t.kind"),
    byDeployment: count("t.deployment_status"),
    byReview: count("t.review_status"),
    byLevel: count("coalesce(t.impact_level, 'none')"),
    bySunset: count(SUNSET.sql),
    dueSoon: listBy(["due_soon"], "t.sunset_date, t.id", 10),
    unlawful: listBy(["lapsed", "no_sunset"], "t.sunset_date IS NULL, t.sunset_date, t.id", 10),
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
