// Words an issue of the registry (registry/shared/errors.ts) for the person at the form, in the
// request's language: the field by its name (registry/standard/field-names.ts, the same name the
// form shows as its label), what to do rather than what a parser expected, and never a raw list
// of values.
// Pure and per call: one worker renders both languages, so nothing here sets a global locale.
import type { Issue } from "../../registry/shared/errors";
import { recordJsonSchema } from "../../registry/standard/json-schema";
import { unwrap, type SchemaNode } from "../../registry/standard/schema-form";
import { fieldName } from "../../registry/standard/field-names";
import { STRINGS, translate, type Lang, type StringKey } from "./strings";

/** Paths that forms post outside the record, mapped onto the record's schema. */
const ROOTS: Record<string, string[]> = {
  incident: ["incidents", "#"],
  appealStat: ["oversight", "appealStats", "#"],
};

const isKey = (k: string): k is StringKey => Object.hasOwn(STRINGS.en, k);

/** A description cut to a label (for a field the name table misses): its first clause, without the closing stop. */
function shorten(text: string): string {
  // "Required. The last day…" / "必填。工具可运行的最后一天…": the first sentence that is not a note.
  const sentences = text.split(/(?<=[。]|\.\s)\s*/).filter((x) => !/^(Required\.?|必填。?)$/.test(x.trim()));
  const first = sentences[0] ?? text;
  const cut = first.split(/\s*(?:[(（;；:：]|, e\.g\.|, in |，例如)/)[0] ?? first;
  return cut.replace(/[.。]\s*$/, "").trim() || text;
}

function describe(node: SchemaNode, lang: Lang): string | undefined {
  const d = lang === "zh" ? (node["x-description-zh"] ?? node.description) : node.description;
  return typeof d === "string" ? shorten(d) : undefined;
}

/**
 * The label of the field at `path` ("identity.name.zh" -> "工具名称（中文）" / "Name of the
 * tool (Chinese)"; "dataScope.elements.2.retention" -> "保存期限（第 3 项）"), or null when the
 * path names nothing the register can label. The name table first; a description cut short for
 * a field it misses.
 */
export function fieldLabel(path: string | undefined, lang: Lang): string | null {
  if (!path) return null;
  const parts = path.split(".");
  const head = parts[0]!;
  if (!ROOTS[head] && isKey(`field_${head}`) && parts.length === 1) return translate(lang, `field_${head}` as StringKey);
  const segments = ROOTS[head] ? [...ROOTS[head]!, ...parts.slice(1)] : parts;
  let node = recordJsonSchema() as SchemaNode;
  let label: string | undefined;
  let item: number | undefined;
  let langPart: "zh" | "en" | undefined;
  const walked: string[] = [];
  for (const seg of segments) {
    const here = unwrap(node).node;
    if (/^\d+$/.test(seg) || seg === "#") {
      if (!here.items) break;
      if (seg !== "#") item = Number(seg) + 1;
      node = here.items as SchemaNode;
      continue;
    }
    const next = here.properties?.[seg];
    if (!next) {
      if ((seg === "zh" || seg === "en") && label) langPart = seg;
      break;
    }
    node = next as SchemaNode;
    walked.push(seg);
    const own = fieldName(walked.join("."), lang) ?? describe(unwrap(node).node, lang);
    if (own) label = own;
    else if ((seg === "zh" || seg === "en") && label) langPart = seg;
  }
  if (!label) return isKey(`field_${head}`) ? translate(lang, `field_${head}` as StringKey) : null;
  if (langPart) label = translate(lang, langPart === "zh" ? "fieldLangZh" : "fieldLangEn", { field: label });
  if (item !== undefined) label = translate(lang, "fieldItem", { field: label, n: item });
  return label;
}

/** The string key that words an issue. */
function keyOf(issue: Issue): StringKey {
  const p = issue.params ?? {};
  if (!issue.code.startsWith("zod_")) return isKey(issue.code) ? issue.code : "zod_other";
  const kind = p.origin === "array" || p.origin === "set" ? "array" : p.origin === "number" || p.origin === "int" || p.origin === "bigint" ? "number" : "string";
  switch (issue.code) {
    case "zod_invalid_type":
      return p.missing ? "zod_required" : "zod_invalid_type";
    case "zod_invalid_value":
      return "zod_invalid_value";
    case "zod_too_small":
      return kind === "string" && Number(p.minimum) <= 1 ? "zod_required" : `zod_too_small_${kind}`;
    case "zod_too_big":
      return `zod_too_big_${kind}`;
    case "zod_invalid_format":
      return p.format === "email" ? "zod_invalid_format_email" : "zod_invalid_format";
    case "zod_unrecognized_keys":
      return "zod_unrecognized_keys";
    case "zod_invalid_union":
      return "zod_invalid_union";
    default:
      return "zod_other";
  }
}

/** One issue as a sentence for the person at the form, in `lang`. */
export function issueMessage(issue: Issue, lang: Lang): string {
  const field = fieldLabel(issue.path, lang) ?? translate(lang, "field_record");
  const params: Record<string, unknown> = { ...(issue.params ?? {}), field };
  // An impact level is written as Chinese typesetting writes grades (Ⅲ级), never in Latin letters.
  if (lang === "zh" && typeof params.level === "string" && Object.hasOwn(ZH_LEVEL, params.level)) params.level = ZH_LEVEL[params.level];
  return translate(lang, keyOf(issue), params as Parameters<typeof translate>[2]);
}

const ZH_LEVEL: Record<string, string> = { I: "Ⅰ级", II: "Ⅱ级", III: "Ⅲ级", IV: "Ⅳ级" };

/** Every code a message can be worded from (for tests): the string keys of this module. */
export const ISSUE_KEY_PREFIXES = ["zod_", "err_", "field_"] as const;
