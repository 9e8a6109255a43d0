// GET /api/v1/events: the hash-chained event log, oldest first, with the chain's verification.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiListEvents } from "~/registry.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiListEvents(new URL(request.url).searchParams, ctx));
export const action = apiAction;
