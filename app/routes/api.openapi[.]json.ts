// GET /api/openapi.json: the OpenAPI 3.1 description of the API.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiAction, apiLoader } from "~/api.server";
import { apiOpenApiDocument } from "~/registry.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiLoader(request, (ctx) => apiOpenApiDocument(ctx), { cache: "static" });
export const action = apiAction;
