// The published JSON Schema and data dictionary, both generated from the zod schemas in v1.ts
// so the documentation can never drift from what the register validates.
import { exportLocations } from "./export-paths";
import { z } from "zod";
import { RECORD_MAX_BYTES, ToolRecord, STANDARD_VERSION } from "./v1";
import { paths } from "../shared/urls";

export const STANDARD_CHANGELOG = [
  {
    version: "1",
    date: "2026-11-22",
    en: "First version: identity, responsibility chain, purpose and legal basis, purpose history, how it works, data scope, oversight and recourse, lifecycle, assessments, participation, incidents, withheld fields and sources.",
    zh: "第一版：基本信息、责任链、目的与法律依据、用途变更记录、运作方式、数据范围、监督与救济、生命周期、评估、公众参与、事件、不予公开字段与来源。",
  },
  {
    version: "1",
    date: "2026-11-28",
    en: "Limits stated: the longest each list may be (for example 500 data elements, 1,000 incidents, 500 sources) and the largest a record may be (2 MB). No published record exceeded them.",
    zh: "明确上限：每个列表的最大条目数（例如数据项 500 个、事件 1,000 个、来源 500 个）以及单条记录的最大体积（2 MB）。已公开的记录均未超出。",
  },
] as const;

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  description?: string;
  "x-description-zh"?: string;
  [k: string]: unknown;
};

let cached: JsonSchema | undefined;

export function recordJsonSchema(): JsonSchema {
  cached ??= {
    ...(z.toJSONSchema(ToolRecord, { io: "input", unrepresentable: "any" }) as JsonSchema),
    $id: paths.standardSchema(),
    "x-standard-version": STANDARD_VERSION,
    /** The largest a record may be, in bytes of UTF-8 JSON. */
    "x-record-max-bytes": RECORD_MAX_BYTES,
    "x-changelog": STANDARD_CHANGELOG,
  };
  return cached;
}

export type DictionaryEntry = {
  path: string;
  depth: number;
  type: string;
  required: boolean;
  nullable: boolean;
  description: { en?: string; zh?: string };
  allowed?: string[];
  pattern?: string;
  maxLength?: number;
  /** For a list, the most entries it may have. */
  maxItems?: number;
  /** Where the field appears in the exports: CSV file and columns, and its JSON path. */
  exports: ReturnType<typeof exportLocations>;
};

function typeOf(s: JsonSchema): { type: string; nullable: boolean; inner: JsonSchema } {
  if (s.anyOf) {
    const nonNull = s.anyOf.filter((x) => x.type !== "null");
    const inner = { ...nonNull[0], description: s.description ?? nonNull[0]?.description, "x-description-zh": s["x-description-zh"] ?? nonNull[0]?.["x-description-zh"] };
    return { type: typeOf(inner).type, nullable: nonNull.length < s.anyOf.length, inner };
  }
  if (s.const !== undefined) return { type: `"${String(s.const)}"`, nullable: false, inner: s };
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  if (t === "array") return { type: `array of ${typeOf(s.items ?? {}).type}`, nullable: false, inner: s };
  return { type: t, nullable: false, inner: s };
}

/** Every field of the standard, depth-first in schema order. */
export function dataDictionary(): DictionaryEntry[] {
  const out: DictionaryEntry[] = [];
  const walk = (schema: JsonSchema, prefix: string, depth: number) => {
    for (const [name, raw] of Object.entries(schema.properties ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      const { type, nullable, inner } = typeOf(raw);
      const isLocalized = inner.type === "object" && inner.properties && Object.keys(inner.properties).join(",") === "zh,en";
      out.push({
        path,
        depth,
        type: isLocalized ? "text (zh / en)" : type,
        required: (schema.required ?? []).includes(name),
        nullable,
        description: { en: inner.description ?? raw.description, zh: inner["x-description-zh"] ?? raw["x-description-zh"] },
        allowed: (inner.enum ?? inner.items?.enum)?.map(String),
        pattern: inner.pattern,
        maxLength: isLocalized ? inner.properties?.zh?.maxLength : inner.maxLength,
        maxItems: inner.type === "array" ? inner.maxItems : undefined,
        exports: exportLocations(path, Boolean(isLocalized)),
      });
      if (isLocalized) continue;
      if (inner.type === "object") walk(inner, path, depth + 1);
      if (inner.type === "array" && inner.items?.type === "object" && !(Object.keys(inner.items.properties ?? {}).join(",") === "zh,en"))
        walk(inner.items, `${path}[]`, depth + 1);
    }
  };
  walk(recordJsonSchema(), "", 0);
  return out;
}
