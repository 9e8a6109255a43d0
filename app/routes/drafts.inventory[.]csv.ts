// /drafts/inventory.csv: the official's agency's tools, drafts included, in the import format.
// Private: only the agency's officials, never cached.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSession } from "~/auth.server";
import { inventoryResponse } from "~/exports.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request, ["official"]);
  return inventoryResponse(request, actor, "csv");
}
