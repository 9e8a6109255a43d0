// The hint under a field's name in the edit forms: the field's definition from the standard
// (its description in v1.ts, the same text the data dictionary publishes), without what is
// written for developers: "Required." / "必填。", sentences about null, parentheses that hold an
// enumerated code ("(de_facto：事实上强制)"), the version a field came with ("Since version 1.1.")
// and anything naming a field path. A definition that
// says no more than the field's name ("标题。" under 报告标题) gives no hint. No zod here: the
// browser bundle imports it.
import { fieldName } from "./field-names";

type Described = { description?: string; "x-description-zh"?: string };

/** A code or a field path: snake_case ("de_facto"), a dotted path ("dataScope.elements"), or null. */
const CODE = /\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w*\.\w+|\b[a-z]+\.[a-z][A-Za-z]+\b|\bnull\b/;

/** A definition as people read it: without developer notes. */
export function cleanDefinition(text: string): string {
  // Parentheses holding a code go first, so the sentence around them can stay.
  const t = text.replace(/\s*[(（][^()（）]*[)）]/g, (p) => (CODE.test(p) ? "" : p));
  // Sentences: Chinese ones end with 。, English ones with ". "; one that names a code goes whole.
  const parts = t.split(/(?<=。)|(?<=\.)(?<!\b(?:e\.g|i\.e|art)\.)\s+/).map((s) => s.trim()).filter(Boolean);
  return parts
    .filter((s) => !/^(Required\.?|必填。?|Since version [\d.]+\d\.|自 [\d.]+ 版起。)$/.test(s) && !CODE.test(s))
    .join(" ")
    .replace(/(?<=。)\s+/g, "")
    .trim();
}

const bare = (s: string) => s.replace(/[\s.。,，;；:：!?！？()（）“”"']/g, "").toLowerCase();

/** The hint of the field at `path` (row numbers allowed) in `lang`, or undefined when there is none to show. */
export function fieldHint(node: Described, path: string, lang: "zh" | "en"): string | undefined {
  const raw = lang === "zh" ? node["x-description-zh"] : node.description;
  if (!raw) return undefined;
  const text = cleanDefinition(raw);
  const name = fieldName(path, lang);
  if (!text || (name !== undefined && bare(name).includes(bare(text)))) return undefined;
  return text;
}
