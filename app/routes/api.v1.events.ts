// GET /api/v1/events: the hash-chained event log, oldest first, with the chain's verification.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiListEvents } from "~/registry.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiListEvents(ctx, { params: new URL(request.url).searchParams }));
export const action = apiAction;
