// The one JSON document of a published tool, and the record file that is a view of it: what
// /api/v1/tools/<id> answers (toolDocument) and what /tools/<id>.json serves (recordFileView), so
// the two cannot drift apart. Pure shapes over a ToolDetail (registry/records/detail.server.ts);
// the reads are `apiGetTool` and `recordFile` in registry/exchange/api/tools.server.ts.
import type { ToolDetail } from "../records/detail.server";
import type { LocalizedText } from "../standard/v1";
import { absolute, paths } from "../shared/urls";

/** An agency as the API and the tool document name it: its slug, names and both addresses. */
export const agencyRef = (a: { slug: string; name: LocalizedText }, origin: string) => ({
  slug: a.slug,
  name: a.name,
  url: absolute(origin, paths.agency(a.slug)),
  api: absolute(origin, paths.apiAgency(a.slug)),
});

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
export type RecordFile = ReturnType<typeof recordFileView>;
