import { recordJsonSchema } from "../../registry/standard/json-schema";

// A resource route: the JSON Schema of the standard's current version (1.1), generated from the
// same zod schemas the register validates with. Every record of version 1 also meets it.
export function loader() {
  return new Response(JSON.stringify(recordJsonSchema(), null, 2), {
    headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
