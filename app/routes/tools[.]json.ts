// /tools.json: the tool list with the same filters as /tools, every matching row, streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toolsExportResponse } from "~/exports.server";

export function loader({ request, context }: LoaderFunctionArgs) {
  return toolsExportResponse({ request, context }, "json");
}
