// GET /api/v1/agencies: every agency with its number of public tools.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiListAgencies } from "~/registry.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiListAgencies(ctx));
export const action = apiAction;
