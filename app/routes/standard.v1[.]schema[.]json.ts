import { recordJsonSchema } from "../../registry/standard/json-schema";

// A resource route: the JSON Schema generated from the same zod schemas the register validates with.
export function loader() {
  return new Response(JSON.stringify(recordJsonSchema(), null, 2), {
    headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
