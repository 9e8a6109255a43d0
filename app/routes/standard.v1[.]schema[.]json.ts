import { recordJsonSchemaV1 } from "../../registry/standard/json-schema";

// A resource route: the JSON Schema of version 1 of the standard, for records that declare it; it
// is the current schema without the fields version 1.1 added (/standard/v1.1.schema.json).
export function loader() {
  return new Response(JSON.stringify(recordJsonSchemaV1(), null, 2), {
    headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
