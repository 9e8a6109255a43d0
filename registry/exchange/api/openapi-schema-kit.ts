// The building blocks of the API's JSON Schemas (2020-12, as OpenAPI 3.1 uses): closed objects,
// enums, nullable values, references to the named component schemas, and the recurring formats.
// The component schemas themselves are in openapi-schemas*.ts.

export type Schema = Record<string, unknown>;

export const str = (extra: Schema = {}): Schema => ({ type: "string", ...extra });
export const int = (extra: Schema = {}): Schema => ({ type: "integer", ...extra });
export const bool: Schema = { type: "boolean" };
export const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: "array", items, ...extra });
export const oneOf = (values: readonly string[], extra: Schema = {}): Schema => ({ type: "string", enum: [...values], ...extra });
export const nullable = (s: Schema): Schema =>
  "$ref" in s || !("type" in s) ? { anyOf: [s, { type: "null" }] } : { ...s, type: [s.type, "null"], ...(s.enum ? { enum: [...(s.enum as unknown[]), null] } : {}) };
/** A closed object; every property is required unless listed in `optional`. */
export const obj = (properties: Record<string, Schema>, optional: string[] = [], extra: Schema = {}): Schema => ({
  type: "object",
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  additionalProperties: false,
  ...extra,
});

export const ref = (name: SchemaName): Schema => ({ $ref: `#/components/schemas/${name}` });

export const url = (description: string): Schema => str({ format: "uri", description });
export const dateTime = str({ format: "date-time" });
export const date = str({ format: "date" });
export const sha256 = str({ pattern: "^[0-9a-f]{64}$" });
export const toolId = str({ pattern: "^[A-Z]+-\\d+$", examples: ["ALG-000002"] });

export const cursorFields = {
  limit: int({ minimum: 1, maximum: 500, description: "The page size used." }),
  nextCursor: nullable(str({ description: "Pass as `cursor` to get the next page; null on the last page." })),
  next: nullable(url("The URL of the next page (this query with the cursor); null on the last page.")),
};

export type SchemaName =
  | "LocalizedText"
  | "Error"
  | "Notice"
  | "ApiIndex"
  | "ToolSummary"
  | "ToolList"
  | "ImpactResult"
  | "PublicReview"
  | "PublicComment"
  | "AgencyRef"
  | "ToolDetail"
  | "ToolRecord"
  | "ChainEvent"
  | "ToolRevisions"
  | "AgencySummary"
  | "AgencyList"
  | "Agency"
  | "Incident"
  | "IncidentList"
  | "ChainHead"
  | "ChainProblem"
  | "ChainCheck"
  | "EventList";
