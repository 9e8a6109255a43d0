// /findings.csv: one row per nested item of the tools that match the /tools filters, joinable on tool_id.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { nestedCsvResponse } from "~/exports.server";

export function loader({ request, context }: LoaderFunctionArgs) {
  return nestedCsvResponse({ request, context }, "findings");
}
