// A record's text in languages other than the interface's zh and en (issue 15): records mirrored
// from other registers carry Dutch, Frisian or French text. The `tools` projection keeps it in
// one JSON column (`texts_other`) so the lists can show a name that exists only in Dutch.
import type { LocalizedText } from "./v1";

/** The text's languages other than zh and en, or undefined when it has none. */
export function otherLangs(t: LocalizedText | null | undefined): Record<string, string> | undefined {
  if (!t) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) if (k !== "zh" && k !== "en" && typeof v === "string" && v) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/** Every language's text of `t`, zh and en first, for the search index. */
export function allLangs(t: LocalizedText | null | undefined): string[] {
  if (!t) return [];
  return [t.zh, t.en, ...Object.values(otherLangs(t) ?? {})].filter((s): s is string => Boolean(s));
}

/** The texts of a tool the lists show, by field, in languages other than zh and en. */
export type OtherTexts = { name?: Record<string, string>; summary?: Record<string, string>; place?: Record<string, string>; retirementReason?: Record<string, string> };

/** The `texts_other` column of a tool: JSON of its other-language texts, or null when it has none. */
export function otherTextsColumn(texts: { [K in keyof OtherTexts]: LocalizedText | null | undefined }): string | null {
  const out: OtherTexts = {};
  for (const k of Object.keys(texts) as (keyof OtherTexts)[]) {
    const o = otherLangs(texts[k]);
    if (o) out[k] = o;
  }
  return Object.keys(out).length ? JSON.stringify(out) : null;
}

/** The `texts_other` column read back; anything malformed reads as none. */
export function readOtherTexts(column: string | null | undefined): OtherTexts {
  if (!column) return {};
  try {
    const v = JSON.parse(column) as unknown;
    if (!v || typeof v !== "object" || Array.isArray(v)) return {};
    const out: OtherTexts = {};
    for (const k of ["name", "summary", "place", "retirementReason"] as const) {
      const o = otherLangs((v as Record<string, unknown>)[k] as LocalizedText | undefined);
      if (o) out[k] = o;
    }
    return out;
  } catch {
    return {};
  }
}
