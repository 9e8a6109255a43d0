// The published JSON Schema and data dictionary, both generated from the zod schemas in v1.ts
// so the documentation can never drift from what the register validates.
import { exportLocations } from "./export-paths";
import { z } from "zod";
import { RECORD_MAX_BYTES, ToolRecord, STANDARD_VERSION, V1_ORIGINAL_LANGUAGES, V11_FIELDS, V11_VALUES } from "./v1";
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
  {
    version: "1.1",
    date: "2026-12-02",
    en: "Version 1.1 adds optional fields only, so every record of version 1 stays valid: the record's ids in other registers; classifications under other regimes (US high-impact, Dutch publication category, Canada's AIA level, EU AI Act risk, this register's level); the accountable officer and team; the vendor's company number; expected benefits; risks with their mitigations; procurement; security authorisation; model and dataset cards; governance steps (testing, independent review, monitoring, training, fail-safe, appeal, consultation), each planned, in progress, done or not applicable; withholding of a whole record; which rules govern the record (this register's, or those of the register it is mirrored from); an area per source register for fields with no place in the standard; and the justice policy area. A record declares version 1 or 1.1; one that declares 1 may use none of these.",
    zh: "1.1 版只新增可选字段，1 版的所有记录仍然有效：记录在其他登记簿中的编号；其他制度下的类别（美国高影响、荷兰公开类别、加拿大算法影响评估等级、欧盟人工智能法风险类别、本登记簿等级）；负责官员与团队；供应商的企业登记编号；预期益处；风险及其应对措施；采购；安全运行授权；模型与数据集说明；治理措施（测试、独立审查、监测、培训、失灵保护、异议途径、公众咨询），每项注明计划中、进行中、已完成或不适用；整条记录不予公开；记录适用的规则（本登记簿的规则，或其转载来源登记簿的规则）；为每个来源登记簿保存本标准中没有对应位置的字段；以及司法政策领域。记录须声明 1 版或 1.1 版；声明 1 版的记录不得使用上述内容。",
  },
] as const;

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
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

/** The JSON Schema of the current version (1.1), which every record of version 1 also meets. */
export function recordJsonSchema(): JsonSchema {
  cached ??= {
    ...(z.toJSONSchema(ToolRecord, { io: "input", unrepresentable: "any" }) as JsonSchema),
    $id: paths.standardSchema(),
    "x-standard-version": STANDARD_VERSION,
    /** The largest a record may be, in bytes of UTF-8 JSON. */
    "x-record-max-bytes": RECORD_MAX_BYTES,
    "x-changelog": STANDARD_CHANGELOG,
    // A record that declares version 1 uses nothing version 1.1 added.
    allOf: [{ if: { type: "object", required: ["standardVersion"], properties: { standardVersion: { const: "1" } } }, then: { not: { anyOf: v11Presence() } } }],
  };
  return cached;
}

/** For each field and value version 1.1 added, a schema that holds when a record has it. */
function v11Presence(): JsonSchema[] {
  const has = (parts: string[], leaf: JsonSchema): JsonSchema => {
    if (!parts.length) return leaf;
    const [head, ...rest] = parts;
    const key = head!.replace(/\[\]$/, "");
    const inner = has(rest, leaf);
    return { type: "object", required: [key], properties: { [key]: head!.endsWith("[]") ? { type: "array", contains: inner } : inner } };
  };
  return [
    ...V11_FIELDS.map((f) => {
      const parts = f.split(".");
      return has(parts.slice(0, -1), { type: "object", required: [parts.at(-1)!], properties: { [parts.at(-1)!]: {} } });
    }),
    ...Object.entries(V11_VALUES).map(([f, values]) => has(f.split("."), { enum: [...values] })),
    // An original language other than zh or en (a record mirrored from another register).
    has(["identity", "originalLanguage"], { type: "string", not: { enum: [...V1_ORIGINAL_LANGUAGES] } }),
  ];
}

let cachedV1: JsonSchema | undefined;

/** The JSON Schema of version 1: the current one without what version 1.1 added. */
export function recordJsonSchemaV1(): JsonSchema {
  if (cachedV1) return cachedV1;
  const s = structuredClone(recordJsonSchema());
  delete s.allOf;
  for (const f of V11_FIELDS) {
    const parts = f.split(".");
    let node: JsonSchema | undefined = s;
    for (const p of parts.slice(0, -1)) {
      const child: JsonSchema | undefined = node?.properties?.[p.replace(/\[\]$/, "")];
      node = p.endsWith("[]") ? child?.items : child;
    }
    const last = parts.at(-1)!;
    if (!node?.properties?.[last]) throw new Error(`v1.1 field ${f} not in the schema`);
    delete node.properties[last];
    if (node.required) node.required = node.required.filter((r) => r !== last);
  }
  for (const [f, values] of Object.entries(V11_VALUES)) {
    const node = f.split(".").reduce<JsonSchema | undefined>((n, p) => n?.properties?.[p], s);
    if (!node?.enum) throw new Error(`v1.1 value of ${f} not in the schema`);
    node.enum = node.enum.filter((v) => !(values as readonly unknown[]).includes(v));
  }
  // Version 1 names the original language zh or en only.
  const identity = s.properties!.identity!;
  identity.properties!.originalLanguage = {
    type: "string",
    enum: [...V1_ORIGINAL_LANGUAGES],
    description: "Language the tool is officially named in.",
    "x-description-zh": "工具正式名称所用的语言。",
  };
  s.properties!.standardVersion = { type: "string", const: "1", description: "Version of this standard the record follows.", "x-description-zh": "记录所遵循的标准版本。" };
  cachedV1 = {
    ...s,
    $id: paths.standardSchemaV1(),
    title: "Public Algorithm Register record, standard v1",
    "x-standard-version": "1",
    "x-changelog": STANDARD_CHANGELOG.filter((c) => c.version === "1"),
  };
  return cachedV1;
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

/** One object of the branches of a union of objects (the regime): every field any branch has; a field that is a constant in each, their values. */
function mergeObjects(s: JsonSchema, branches: JsonSchema[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const b of branches)
    for (const [k, v] of Object.entries(b.properties ?? {})) {
      const prev = properties[k];
      properties[k] = prev && prev.const !== undefined && v.const !== undefined ? { ...prev, const: undefined, enum: [prev.const, v.const] } : prev?.enum && v.const !== undefined ? { ...prev, enum: [...prev.enum, v.const] } : (prev ?? v);
    }
  const required = (branches[0]?.required ?? []).filter((r) => branches.every((b) => b.required?.includes(r)));
  return { type: "object", properties, required, description: s.description, "x-description-zh": s["x-description-zh"] };
}

function typeOf(s: JsonSchema): { type: string; nullable: boolean; inner: JsonSchema } {
  if (s.oneOf?.every((b) => b.type === "object")) return { type: "object", nullable: false, inner: mergeObjects(s, s.oneOf) };
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
