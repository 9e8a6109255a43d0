// GET /api/v1: the API's entry points.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiIndex } from "~/registry.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiIndex(ctx), { cache: "static" });
export const action = apiAction;
