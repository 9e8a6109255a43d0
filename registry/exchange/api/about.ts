// What the API says about itself: the index (/api/v1), the OpenAPI document and what the
// documentation page lists. Answers take the API's context like every other and are async.
import { API_LIMIT } from "./cursor";
import { API_OPERATIONS, openApiDocument } from "./openapi";
import { absolute, paths } from "../../shared/urls";
import type { ApiAnswer, ApiContext } from "./answer.server";

export async function apiIndex(ctx: ApiContext): Promise<ApiAnswer> {
  const o = ctx.origin;
  return {
    lastModified: null,
    body: {
      name: "Public Algorithm Register API",
      version: "1",
      openapi: absolute(o, paths.openapi()),
      docs: absolute(o, paths.api()),
      endpoints: { tools: absolute(o, paths.apiTools()), agencies: absolute(o, paths.apiAgencies()), incidents: absolute(o, paths.apiIncidents()), events: absolute(o, paths.apiEvents()) },
    },
  };
}

export async function apiOpenApiDocument(ctx: ApiContext): Promise<ApiAnswer> {
  return { lastModified: null, body: openApiDocument(ctx.origin) };
}

/** What the documentation page lists: each operation with its path and an example (static, synchronous). */
export function apiDocumentation(origin: string) {
  return { openapi: absolute(origin, paths.openapi()), operations: API_OPERATIONS.map((o) => ({ ...o })), limit: API_LIMIT };
}
