// The API's incidents answer: /api/v1/incidents, `(ctx, query)`, async.
import { z } from "zod";
import { stmt } from "../../shared/db.server";
import type { QueryNotice } from "../../records/query";
import { INCIDENT_COLUMNS, incidentItem, type IncidentRow } from "../../lifecycle/incidents.server";
import { INCIDENT_KINDS } from "../../standard/v1";
import { decodeCursor, encodeCursor, nextUrl, parseLimit, queryFingerprint } from "./cursor";
import { absolute, paths } from "../../shared/urls";
import { PUBLISHED, registerChangedAt, short, type ApiAnswer, type ApiContext } from "./answer.server";

const IncidentKey = z.tuple([z.string().max(10), z.string().max(40), z.number().int().min(0)]);

/** Incidents on public records, newest first (date, then tool id, then place in the record). */
export async function apiListIncidents(ctx: ApiContext, { params }: { params: URLSearchParams }): Promise<ApiAnswer> {
  const { db } = ctx;
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
