// GET /api/v1/tools: the tool list with the filters of /tools, in stable cursor pages.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiListTools } from "~/registry.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiListTools(ctx, { params: new URL(request.url).searchParams }));
export const action = apiAction;
