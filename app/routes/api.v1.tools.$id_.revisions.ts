// GET /api/v1/tools/<id>/revisions: every submitted revision with its decisions and log entries.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiToolRevisions } from "~/registry.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiToolRevisions(ctx, { idOrSlug: params.id ?? "" }));
export const action = apiAction;
