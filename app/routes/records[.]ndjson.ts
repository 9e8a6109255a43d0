// /records.ndjson: complete published records (every public revision), one tool per line, with
// the same filters and order as /tools, streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordsExportResponse } from "~/records-export.server";

export function loader({ request, context }: LoaderFunctionArgs) {
  return recordsExportResponse({ request, context }, "ndjson");
}
