// Any other path under /api: a JSON 404, so an API client never receives the HTML error page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiNotFound } from "~/api.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiNotFound(request);
export const action = ({ request }: ActionFunctionArgs) => apiNotFound(request);
