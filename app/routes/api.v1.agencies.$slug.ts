// GET /api/v1/agencies/<slug>: one agency and the public tools it has a role in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiGetAgency } from "~/registry.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiGetAgency(ctx, { slug: params.slug ?? "" }));
export const action = apiAction;
