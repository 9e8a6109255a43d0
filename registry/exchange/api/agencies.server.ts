// The API's agency answers: /api/v1/agencies and /api/v1/agencies/<slug>, `(ctx, query)`, async.
import { getAgencyPage, listAgencies } from "../../records/agencies.server";
import { absolute, paths } from "../../shared/urls";
import { agencyRef } from "../record-document";
import { latest, notFound, registerChangedAt, startOfToday, toolSummary, type ApiAnswer, type ApiContext } from "./answer.server";

export async function apiListAgencies(ctx: ApiContext, _query: Record<string, never> = {}): Promise<ApiAnswer> {
  const items = (await listAgencies(ctx)).map((a) => ({ ...agencyRef(a, ctx.origin), jurisdictionLevel: a.jurisdictionLevel, toolCount: a.toolCount }));
  return { lastModified: registerChangedAt(ctx.db), body: { total: items.length, items } };
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
