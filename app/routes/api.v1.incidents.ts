// GET /api/v1/incidents: incidents on public records, newest first, in cursor pages.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiListIncidents } from "~/registry.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiListIncidents(ctx, { params: new URL(request.url).searchParams }));
export const action = apiAction;
