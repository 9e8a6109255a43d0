// GET /api/v1/tools/<id>: the latest published revision of one tool.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiGetTool } from "~/registry.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiGetTool(ctx, { idOrSlug: params.id ?? "" }));
export const action = apiAction;
