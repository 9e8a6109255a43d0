// /tools/<id>/history.json: every submitted revision (full record), the reviews and decisions on
// each, and the tool's entries in the event log, with timestamps.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getToolHistoryExport, ctxOf } from "~/registry.server";
import { absolute, paths } from "../../registry/shared/urls";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const headers = { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" };
  const history = await getToolHistoryExport(ctxOf(), { toolId: params.id ?? "" });
  if (!history) return new Response(JSON.stringify({ error: "not_found", message: "No public record with this id." }), { status: 404, headers });
  const origin = new URL(request.url).origin;
  return new Response(JSON.stringify({ url: absolute(origin, paths.toolHistory(history.id)), ...history }, null, 1), { headers });
}
