import { useRouteLoaderData } from "@remix-run/react";
import { translate, type Lang, type StringKey } from "./strings";
import type { LocalizedText } from "../../registry/standard/v1";
import { label, type LabelGroup } from "../../registry/standard/labels";
import { formatDateTime, registerDay } from "./time";
import { LANG_TAG, urlsFor, type LangPrefix, type Paths } from "../../registry/shared/urls";

type RootLangData = { lang?: Lang; prefix?: LangPrefix } | undefined;

export function useLang(): Lang {
  const data = useRouteLoaderData("root") as RootLangData;
  return data?.lang ?? "zh";
}

/**
 * The register's addresses in the page's address space: `/en/tools/<id>` on an /en page, the
 * unprefixed form on a negotiated one (registry/shared/urls.ts).
 */
export function useUrls(): Paths {
  const data = useRouteLoaderData("root") as RootLangData;
  return urlsFor(data?.prefix ?? null);
}

// One number format per language: Number#toLocaleString(locale) builds a new one on every call
// (about 25 µs; a list page formats a hundred facet counts).
const numberFormats = new Map<Lang, Intl.NumberFormat>();
function numberFormat(lang: Lang): Intl.NumberFormat {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-GB")));
  return f;
}

/** Translation helpers bound to the page language. */
export function useT() {
  const lang = useLang();
  const u = useUrls();
  return {
    lang,
    /** The register's addresses in this page's language space. */
    u,
    t: (key: StringKey, vars?: Record<string, string | number>) => translate(lang, key, vars),
    l: (group: LabelGroup, value: string | null | undefined) => label(group, value, lang),
    /** A record's free text in the page language, falling back to the other one, then to any other language. */
    text: (v: LocalizedText | undefined | null) => pickText(v, lang),
    date: (iso: string | null | undefined) => formatDate(iso, lang),
    /** A timestamp with its time of day, in the register's time zone and labelled with it. */
    dateTime: (iso: string | null | undefined, opts?: { seconds?: boolean }) => formatDateTime(iso, lang, opts),
    num: (n: number) => numberFormat(lang).format(n),
  };
}

/** A record's text as shown: its words, the language key they are under, and whether that is not the page's language. */
export type PickedText = { text: string; lang: string; fallback: boolean };

/**
 * A record's free text in the page language; else in the other interface language; else in the
 * first other language it has (a record mirrored from another register, e.g. only Dutch).
 */
export function pickText(v: LocalizedText | undefined | null, lang: Lang): PickedText | null {
  if (!v) return null;
  const own = v[lang];
  if (own) return { text: own, lang, fallback: false };
  const other: Lang = lang === "zh" ? "en" : "zh";
  const alt = v[other];
  if (alt) return { text: alt, lang: other, fallback: true };
  for (const [k, t] of Object.entries(v)) if (k !== "zh" && k !== "en" && typeof t === "string" && t) return { text: t, lang: k, fallback: true };
  return null;
}

/** The HTML `lang` of text under a record's language key: zh is Simplified Chinese, any other key is its own tag. */
export function textLangTag(key: string): string {
  return key === "zh" || key === "en" ? LANG_TAG[key] : key;
}

/** Whether a text's language key is neither interface language. */
export const isOtherLang = (key: string) => key !== "zh" && key !== "en";

const displayNames = new Map<Lang, Intl.DisplayNames>();

/** The name of the language `tag` in `lang` ("nl" -> "荷兰语" / "Dutch"), or the tag when unknown. */
export function languageName(tag: string, lang: Lang): string {
  let names = displayNames.get(lang);
  if (!names) displayNames.set(lang, (names = new Intl.DisplayNames([lang === "zh" ? "zh-Hans" : "en"], { type: "language", fallback: "code" })));
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * Dates as stored (YYYY, YYYY-MM or YYYY-MM-DD, or a timestamp), written out for people. A
 * timestamp's day is the day in the register's time zone, not in UTC.
 */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "";
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso.includes("T") ? registerDay(iso) : iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (lang === "zh") return `${y}年${mo ? `${Number(mo)}月` : ""}${d ? `${Number(d)}日` : ""}`;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  if (!mo) return y!;
  return `${d ? `${Number(d)} ` : ""}${months[Number(mo) - 1]} ${y}`;
}
