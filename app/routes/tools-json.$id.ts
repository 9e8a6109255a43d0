// /tools/<id>.json: the record file, a view of the API's tool document (recordFileView in
// registry/exchange/record-document.ts). server.mjs rewrites /tools/<id>.json to this route (a Remix route
// segment cannot mix a parameter and ".json").
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ctxOf, recordFile } from "~/registry.server";
import { paths } from "../../registry/shared/urls";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = (params.id ?? "").replace(/\.json$/i, "");
  const file = await recordFile({ ...ctxOf(), origin: new URL(request.url).origin }, { idOrSlug: id });
  const headers = { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" };
  if (file && "movedTo" in file) return new Response(null, { status: 301, headers: { Location: paths.toolJson(file.movedTo) } });
  if (!file) return new Response(JSON.stringify({ error: "not_found", message: `No public record with id "${id.slice(0, 40)}".` }), { status: 404, headers });
  return new Response(JSON.stringify(file.body, null, 1), { headers });
}
