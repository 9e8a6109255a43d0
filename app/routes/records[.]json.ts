// /records.json: complete published records (every public revision) as one document, with the
// same filters and order as /tools, streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordsExportResponse } from "~/records-export.server";

export function loader({ request, context }: LoaderFunctionArgs) {
  return recordsExportResponse({ request, context }, "json");
}
