// The API's agency answers: /api/v1/agencies (cursor pages) and /api/v1/agencies/<slug>, `(ctx, query)`, async.
import { z } from "zod";
import { getAgencyPage, listAgencies } from "../../records/agencies.server";
import type { QueryNotice } from "../../records/query";
import { absolute, paths } from "../../shared/urls";
import { agencyRef } from "../record-document";
import { latest, notFound, registerChangedAt, short, startOfToday, toolSummary, type ApiAnswer, type ApiContext } from "./answer.server";
import { decodeCursor, encodeCursor, nextUrl, parseLimit, queryFingerprint } from "./cursor";

const AgencyKey = z.tuple([z.string().max(80)]);

/** /api/v1/agencies: every agency by slug, a page at a time after an opaque cursor (the slug of the last one). */
export async function apiListAgencies(ctx: ApiContext, { params }: { params: URLSearchParams } = { params: new URLSearchParams() }): Promise<ApiAnswer> {
  const limit = parseLimit(params);
  const notices: QueryNotice[] = [];
  for (const k of new Set(params.keys())) if (!["limit", "cursor"].includes(k)) notices.push({ code: "ignored_value", param: short(k), value: short(params.get(k) ?? "") });
  const fingerprint = queryFingerprint({});
  const key = decodeCursor(params, { order: "agencies", fingerprint }, AgencyKey);
  // Ordered by slug (as listAgencies reads them); a page starts after the last slug, so agencies
  // added or removed meanwhile shift nothing.
  const { agencies: all, stale } = await listAgencies(ctx);
  const start = key ? all.findIndex((a) => a.slug > key[0]) : 0;
  const page = start < 0 ? [] : all.slice(start, start + limit);
  const more = start >= 0 && start + limit < all.length;
  const items = page.map((a) => ({ ...agencyRef(a, ctx.origin), jurisdictionLevel: a.jurisdictionLevel, toolCount: a.toolCount }));
  const last = page.at(-1);
  const nextCursor = more && last ? encodeCursor("agencies", fingerprint, [last.slug]) : null;
  const next = nextCursor ? nextUrl(absolute(ctx.origin, paths.apiAgencies()), params, nextCursor) : null;
  return { lastModified: registerChangedAt(ctx.db), next, body: { notices, total: all.length, limit, items, nextCursor, next }, ...(stale ? { stale: true } : {}) };
}

export async function apiGetAgency(ctx: ApiContext, { slug }: { slug: string }): Promise<ApiAnswer> {
  const a = await getAgencyPage(ctx, { slug });
  if (!a) throw notFound("api_agency_not_found", slug);
  const o = ctx.origin;
  return {
    lastModified: latest(registerChangedAt(ctx.db), startOfToday(ctx.now)),
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
