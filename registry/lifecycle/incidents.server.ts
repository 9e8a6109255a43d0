// The global incident log: every incident on every public record (breaches, outages, wrongful
// decisions, misuse of power, function creep, security flaws), newest first, with filters.
import { getDb, stmt, type Db } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import { INCIDENT_KINDS, type LocalizedText } from "../standard/v1";
import { toolNameOf } from "../records/summary.server";

export const INCIDENT_PAGE_SIZE = 50;

export type IncidentQuery = { kind?: (typeof INCIDENT_KINDS)[number]; year?: string; page: number };
export type IncidentItem = {
  toolId: string;
  toolName: LocalizedText;
  position: number;
  kind: string;
  date: string;
  title: LocalizedText;
  peopleAffected: number | null;
  regulatorNotified: boolean | null;
};
export type IncidentList = {
  query: IncidentQuery;
  total: number;
  page: number;
  pageCount: number;
  items: IncidentItem[];
  byKind: { value: string; count: number }[];
  byYear: { value: string; count: number }[];
};

/** Lenient parsing of the URL: unknown values are dropped. */
export function parseIncidentQuery(params: URLSearchParams): IncidentQuery {
  const kind = params.get("kind");
  const year = params.get("year");
  const page = params.get("page");
  return {
    ...(kind && (INCIDENT_KINDS as readonly string[]).includes(kind) ? { kind: kind as IncidentQuery["kind"] } : {}),
    ...(year && /^\d{4}$/.test(year) ? { year } : {}),
    page: page && /^\d{1,5}$/.test(page) && Number(page) >= 1 ? Number(page) : 1,
  };
}

const lt = (zh: string | null, en: string | null): LocalizedText => ({ ...(zh ? { zh } : {}), ...(en ? { en } : {}) });

/** The columns of an incident row, from `tool_incidents i JOIN tools t`; the API pages the same rows. */
export const INCIDENT_COLUMNS = `t.id, t.name_zh, t.name_en, t.texts_other, i.position, i.kind, i.date, i.title_zh, i.title_en, i.people_affected, i.regulator_notified`;
export type IncidentRow = {
  id: string;
  name_zh: string | null;
  name_en: string | null;
  texts_other?: string | null;
  position: number;
  kind: string;
  date: string;
  title_zh: string | null;
  title_en: string | null;
  people_affected: number | null;
  regulator_notified: number | null;
};

export function incidentItem(r: IncidentRow): IncidentItem {
  return {
    toolId: r.id,
    toolName: toolNameOf(r),
    position: r.position,
    kind: r.kind,
    date: r.date,
    title: lt(r.title_zh, r.title_en),
    peopleAffected: r.people_affected,
    regulatorNotified: r.regulator_notified === null ? null : r.regulator_notified === 1,
  };
}

export async function listIncidents(ctx: Ctx, query: IncidentQuery): Promise<IncidentList> {
  return incidentPage(query, ctx.db);
}

/** listIncidents without the async boundary, for the API's answers. */
export function incidentPage(query: IncidentQuery, db: Db = getDb()): IncidentList {
  const where = ["t.published_revision_id IS NOT NULL"];
  const params: Record<string, unknown> = {};
  const kindClause = () => {
    if (query.kind) {
      params.kind = query.kind;
      return "i.kind = @kind";
    }
    return null;
  };
  const yearClause = () => {
    if (query.year) {
      params.year = query.year;
      return "substr(i.date, 1, 4) = @year";
    }
    return null;
  };
  const k = kindClause();
  const y = yearClause();
  const all = [...where, k, y].filter(Boolean).join(" AND ");
  const from = `FROM tool_incidents i JOIN tools t ON t.seq = i.tool_seq`;
  const total = (stmt(db, `SELECT count(*) AS n ${from} WHERE ${all}`).get(params) as { n: number }).n;
  const pageCount = Math.max(1, Math.ceil(total / INCIDENT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = stmt(
    db,
    `SELECT ${INCIDENT_COLUMNS} ${from} WHERE ${all} ORDER BY i.date DESC, t.id, i.position LIMIT ${INCIDENT_PAGE_SIZE} OFFSET ${(page - 1) * INCIDENT_PAGE_SIZE}`,
  ).all(params) as IncidentRow[];
  // Each facet counts without its own filter, like the tool list.
  const byKind = stmt(db, `SELECT i.kind AS value, count(*) AS count ${from} WHERE ${[...where, y].filter(Boolean).join(" AND ")} GROUP BY 1 ORDER BY 2 DESC, 1`).all(
    query.year ? { year: query.year } : {},
  ) as { value: string; count: number }[];
  const byYear = stmt(db, `SELECT substr(i.date, 1, 4) AS value, count(*) AS count ${from} WHERE ${[...where, k].filter(Boolean).join(" AND ")} GROUP BY 1 ORDER BY 1 DESC`).all(
    query.kind ? { kind: query.kind } : {},
  ) as { value: string; count: number }[];
  return {
    query: { ...query, page },
    total,
    page,
    pageCount,
    items: rows.map(incidentItem),
    byKind,
    byYear,
  };
}
