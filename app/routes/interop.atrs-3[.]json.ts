// /interop/atrs-3.json: the tools of a list query in a foreign register's format (app/interop-export.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { interopExportResponse } from "~/interop-export.server";

export function loader({ request, context }: LoaderFunctionArgs) {
  return interopExportResponse({ request, context }, "atrs-3");
}
