// /tools/<id>.json: the latest published revision of a record as JSON. server.mjs rewrites
// /tools/<id>.json to this route (a Remix route segment cannot mix a parameter and ".json").
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getToolDetail } from "~/registry.server";
import { absolute, paths } from "../../registry/urls";

export function loader({ request, params }: LoaderFunctionArgs) {
  const id = (params.id ?? "").replace(/\.json$/i, "");
  const lookup = getToolDetail(id);
  const headers = { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" };
  if (lookup && "redirectTo" in lookup) return new Response(null, { status: 301, headers: { Location: paths.toolJson(lookup.redirectTo) } });
  if (!lookup || !("found" in lookup)) return new Response(JSON.stringify({ error: "not_found", message: `No public record with id "${id.slice(0, 40)}".` }), { status: 404, headers });
  const t = lookup.found;
  const origin = new URL(request.url).origin;
  const body = {
    id: t.id,
    url: absolute(origin, paths.tool(t.id)),
    revision: t.revision.number,
    reviewStatus: t.revision.status,
    publishedAt: t.revision.publishedAt,
    sunsetState: t.sunsetState,
    impact: t.impact,
    standard: absolute(origin, paths.standardSchema()),
    record: t.record,
  };
  return new Response(JSON.stringify(body, null, 1), { headers });
}
