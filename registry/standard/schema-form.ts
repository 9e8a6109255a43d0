// Forms generated from the record standard: the editor of each section is driven by the same
// JSON Schema that is published at /standard/v1.1.schema.json, so every field of the standard is
// editable and labelled with its documented meaning, and nothing can drift.
//
// Field names are dotted paths ("purpose.legalBasis.0.citation"), the same paths the zod field
// errors use, so each message lands beside its field. Plain HTML forms: lists grow and shrink
// with submit buttons ("_add" / "_remove"), no JavaScript needed.
import { isForbiddenKey } from "../shared/safe-keys";
import { LANG_TAG_PATTERN, TEXT_MAX_LANGS } from "./v1";
import { recordJsonSchema } from "./json-schema";

export type SchemaNode = {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  "x-description-zh"?: string;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
};

export type FieldKind =
  | { kind: "text"; long: boolean; maxLength?: number; pattern?: string }
  | { kind: "localized"; long: boolean; maxLength?: number }
  | { kind: "enum"; values: string[] }
  | { kind: "enumList"; values: string[] }
  | { kind: "number"; integer: boolean }
  | { kind: "boolean" }
  | { kind: "object"; node: SchemaNode }
  | { kind: "list"; item: SchemaNode };

// ---------------------------------------------------------------- fields never shown

/** Fields the workflow sets (registry/review/drafts.server.ts); never shown, never posted. */
export const WORKFLOW_FIELDS: ReadonlySet<string> = new Set(["identity.id", "lifecycle.reviewStatus", "identity.originalLanguage"]);

/**
 * Internal fields: kept in the record but never shown to people (docs/glossary.md: seed file
 * names are never shown). The form carries their stored value as a hidden input, so saving a
 * section (which replaces it whole) keeps the value and nobody has to see or type it.
 */
export const INTERNAL_FIELDS: ReadonlySet<string> = new Set(["sources.seedFile"]);

/** Whether the field of this shape (path without row numbers) is shown in the edit forms. */
export const isShownField = (shape: string): boolean => !WORKFLOW_FIELDS.has(shape) && !INTERNAL_FIELDS.has(shape);

/** The non-null branch of a nullable node, and whether null is allowed. */
export function unwrap(node: SchemaNode): { node: SchemaNode; nullable: boolean } {
  if (node.anyOf) {
    const nonNull = node.anyOf.filter((n) => n.type !== "null");
    const inner = { ...nonNull[0], description: node.description ?? nonNull[0]?.description, "x-description-zh": node["x-description-zh"] ?? nonNull[0]?.["x-description-zh"] };
    return { node: inner, nullable: nonNull.length < node.anyOf.length };
  }
  return { node, nullable: false };
}

export function isLocalized(node: SchemaNode): boolean {
  return node.type === "object" && Object.keys(node.properties ?? {}).join(",") === "zh,en";
}

// Free text that is long enough to deserve a text area.
const LONG_TEXT = /description|purpose|necessity|alternatives|consequences|logic|method|testing|accessibility|humanOversight|channel|change|reason|ground|note|dataAccess|inputs|outputs|response|summary|benefits/i;

export function fieldKind(name: string, raw: SchemaNode): FieldKind {
  const { node } = unwrap(raw);
  if (isLocalized(node)) return { kind: "localized", long: LONG_TEXT.test(name), maxLength: node.properties?.zh?.maxLength };
  if (node.enum) return { kind: "enum", values: node.enum.map(String) };
  if (node.type === "array" && node.items?.enum) return { kind: "enumList", values: node.items.enum.map(String) };
  if (node.type === "array") return { kind: "list", item: node.items ?? {} };
  if (node.type === "object") return { kind: "object", node };
  if (node.type === "boolean") return { kind: "boolean" };
  if (node.type === "integer" || node.type === "number") return { kind: "number", integer: node.type === "integer" };
  return { kind: "text", long: LONG_TEXT.test(name), maxLength: node.maxLength, pattern: node.pattern };
}

/** The schema of one top-level section of the record. */
export function sectionNode(section: string): SchemaNode {
  const root = recordJsonSchema() as SchemaNode;
  const node = root.properties?.[section];
  if (!node) throw new Error(`No section ${section}`);
  return unwrap(node).node;
}

// ---------------------------------------------------------------- form data -> value

/**
 * A path segment a form may name: letters, digits and "_", and never a name that reaches a
 * prototype (registry/shared/safe-keys.ts). A submitted field or list button naming one is ignored.
 */
export function isSafeKey(k: string): boolean {
  return /^[A-Za-z0-9_]{1,40}$/.test(k) && !isForbiddenKey(k);
}

type Tree = { [k: string]: Tree | string | string[] };

const LANG_TAG = new RegExp(LANG_TAG_PATTERN);

/** A tree without a prototype: no key of it can reach Object.prototype. */
const newTree = (): Tree => Object.create(null) as Tree;

function insert(tree: Tree, path: string[], value: string) {
  let t = tree;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    const next = Object.hasOwn(t, k) ? t[k] : undefined;
    if (typeof next !== "object" || Array.isArray(next)) t[k] = newTree();
    t = t[k] as Tree;
  }
  const last = path.at(-1)!;
  const prev = Object.hasOwn(t, last) ? t[last] : undefined;
  // Repeated names (check boxes of an enum list) collect into an array.
  t[last] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : typeof prev === "string" ? [prev, value] : value;
}

/**
 * Turns submitted fields under `prefix` into a value shaped by `node`: empty text is left out
 * (unknown stays unknown), numbers and booleans are converted, list rows are kept in index
 * order and rows left entirely empty are dropped. Values that cannot be converted are kept as
 * text so validation can say what is wrong with them.
 */
export function formToValue(node: SchemaNode, entries: Iterable<[string, string]>, prefix: string): unknown {
  const tree = newTree();
  for (const [name, value] of entries) {
    if (!name.startsWith(`${prefix}.`) && name !== prefix) continue;
    const rest = name === prefix ? [] : name.slice(prefix.length + 1).split(".");
    if (rest.length === 0) continue;
    if (rest.length > 8 || !rest.every(isSafeKey)) continue;
    insert(tree, rest, value);
  }
  return convert(node, tree);
}

/** The child of a tree under `k`, only if the tree itself holds it (never an inherited one). */
const own = (t: Tree, k: string) => (Object.hasOwn(t, k) ? t[k] : undefined);

function convert(raw: SchemaNode, input: Tree | string | string[] | undefined): unknown {
  const { node, nullable } = unwrap(raw);
  const empty = () => (nullable ? null : undefined);
  if (input === undefined) return node.type === "array" ? [] : empty();
  if (isLocalized(node)) {
    if (typeof input !== "object" || Array.isArray(input)) return undefined;
    // Chinese and English first, then any other language the text was written in (an imported
    // record's Dutch or French): the form shows a field for each, and saving keeps them. Keys
    // that are not language tags are dropped. As with lists, one language more than the standard
    // allows is kept, so validation says the text has too many; the rest are not read.
    const out: Record<string, string> = {};
    const langs = ["zh", "en", ...Object.keys(input).filter((k) => k !== "zh" && k !== "en" && LANG_TAG.test(k)).sort()];
    for (const lang of langs) {
      const v = own(input, lang);
      if (typeof v === "string" && v.trim()) out[lang] = v.trim();
      if (Object.keys(out).length > TEXT_MAX_LANGS) break;
    }
    return Object.keys(out).length ? out : empty();
  }
  if (node.type === "array") {
    // One row more than the standard allows is kept, so validation says the list is too long;
    // the rest are not converted: a post of 100,000 rows costs no more than one of 501.
    const keep = (node.maxItems ?? Number.MAX_SAFE_INTEGER - 1) + 1;
    if (node.items?.enum) return (Array.isArray(input) ? input : typeof input === "string" ? [input] : []).filter(Boolean).slice(0, keep);
    if (typeof input !== "object" || Array.isArray(input)) return [];
    const rows: unknown[] = [];
    const indices = Object.keys(input)
      .filter((k) => /^\d+$/.test(k))
      .sort((a, b) => Number(a) - Number(b));
    for (const k of indices) {
      if (rows.length >= keep) break;
      const v = convert(node.items ?? {}, own(input, k));
      if (v !== undefined && v !== null && !(typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0)) rows.push(v);
    }
    return rows;
  }
  if (node.type === "object") {
    if (typeof input !== "object" || Array.isArray(input)) return empty();
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(node.properties ?? {})) {
      const v = convert(child, own(input, k));
      if (v !== undefined && !(Array.isArray(v) && v.length === 0 && !(node.required ?? []).includes(k))) out[k] = v;
    }
    return Object.keys(out).length ? out : empty();
  }
  const text = Array.isArray(input) ? input.at(-1) : typeof input === "string" ? input : undefined;
  if (text === undefined || text.trim() === "") return empty();
  const v = text.trim();
  if (node.type === "boolean") return v === "true" || v === "on" ? true : v === "false" ? false : v;
  if (node.type === "integer" || node.type === "number") {
    const n = Number(v.replace(/[,，\s]/g, ""));
    return Number.isFinite(n) ? n : v;
  }
  return v;
}

// ---------------------------------------------------------------- adding and removing rows

/** Applies an "_add" (path of a list) or "_remove" (path of a row) button to a value. */
export function applyListButton(value: unknown, section: string, button: { add?: string; remove?: string }): unknown {
  const edit = (path: string, fn: (list: unknown[], index?: number) => unknown[]) => {
    const parts = path.split(".");
    if (parts[0] !== section || parts.length > 9 || !parts.every(isSafeKey)) return value;
    const rest = parts.slice(1);
    const root = structuredClone(value ?? (rest.length ? {} : [])) as Record<string, unknown> | unknown[];
    if (button.remove) {
      const index = Number(rest.pop());
      if (!Number.isInteger(index)) return value;
      return setAt(root, rest, (list) => fn(Array.isArray(list) ? list : [], index));
    }
    return setAt(root, rest, (list) => fn(Array.isArray(list) ? list : []));
  };
  if (button.add) return edit(button.add, (list) => [...list, {}]);
  if (button.remove) return edit(button.remove, (list, i) => list.filter((_, j) => j !== i));
  return value;
}

function setAt(root: Record<string, unknown> | unknown[], path: string[], fn: (v: unknown) => unknown): unknown {
  if (!path.length) return fn(root);
  // Callers check every segment with isSafeKey; checked again here, as this writes by path.
  if (!path.every(isSafeKey)) return root;
  let t = root as Record<string, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    const next = Object.hasOwn(t, k) ? t[k] : undefined;
    if (typeof next !== "object" || next === null) t[k] = /^\d+$/.test(path[i + 1]!) ? [] : {};
    t = t[k] as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  t[last] = fn(Object.hasOwn(t, last) ? t[last] : undefined);
  return root;
}
