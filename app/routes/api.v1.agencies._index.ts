// GET /api/v1/agencies: every agency with its number of public tools, in cursor pages.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiListAgencies } from "~/registry.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiListAgencies(ctx, { params: new URL(request.url).searchParams }));
export const action = apiAction;
