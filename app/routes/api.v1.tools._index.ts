// GET /api/v1/tools: the tool list with the filters of /tools, in stable cursor pages.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiListTools } from "~/registry.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiListTools(new URL(request.url).searchParams, ctx));
export const action = apiAction;
