import { Fragment, type ReactNode } from "react";
import type { LocalizedText } from "../../registry/standard/v1";
import type { Segment } from "../../registry/records/search/highlight";
import { LANG_TAG, type Lang } from "../../registry/shared/urls";
import type { StringKey } from "~/i18n/strings";
import { isOtherLang, languageName, textLangTag, useT } from "~/i18n/use-lang";
import { LABELS } from "../../registry/standard/labels";

/**
 * A record's free text in the page language; text shown in another language says so: the other
 * interface language, or (a record mirrored from another register) a third language, named in
 * the reader's language.
 */
export function LocalText({ value, as: Tag = "span", className }: { value: LocalizedText | undefined | null; as?: "span" | "p" | "div"; className?: string }) {
  const { lang, t, text } = useT();
  const picked = text(value);
  if (!picked) return <NotDisclosed />;
  return (
    <Tag className={className} lang={textLangTag(picked.lang)}>
      {picked.text}
      {picked.fallback ? <span className="fallback-note" lang={LANG_TAG[lang]}>{` (${fallbackNote(picked.lang, lang, t)})`}</span> : null}
    </Tag>
  );
}

/** The note beside text shown in a language other than the page's. */
function fallbackNote(key: string, lang: Lang, t: ReturnType<typeof useT>["t"]): string {
  if (isOtherLang(key)) return t("textOtherLangNote", { language: languageName(key, lang) });
  return t(key === "zh" ? "originalOnly" : "originalOnlyEn");
}

/** Text in a known language, marked with it (`lang`), so a Chinese name on an English page is read as Chinese. */
export function InLang({ lang, children }: { lang: Lang | string; children: ReactNode }) {
  return <span lang={textLangTag(lang)}>{children}</span>;
}

/**
 * A record's or agency's own text inside a sentence (a name, a ground): in the page language,
 * falling back to the other one, marked with the language it is actually in. No note, unlike
 * LocalText, so the sentence around it reads as written. `otherwise` is shown when neither
 * language has it.
 */
export function InlineText({ value, otherwise }: { value: LocalizedText | undefined | null; otherwise: ReactNode }) {
  const { text } = useT();
  const picked = text(value);
  return picked ? <InLang lang={picked.lang}>{picked.text}</InLang> : <>{otherwise}</>;
}

/**
 * A translated sentence whose {placeholders} are filled with elements rather than strings, so a
 * name put in it can carry its own `lang`: `<Sentence k="historyTitle" vars={{ name: <InlineText … /> }} />`.
 */
export function Sentence({ k, vars }: { k: StringKey; vars: Record<string, ReactNode> }) {
  const { t } = useT();
  const parts = t(k).split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((p, i) => (i % 2 === 0 ? p : <Fragment key={i}>{p in vars ? vars[p] : `{${p}}`}</Fragment>))}
    </>
  );
}

export function NotDisclosed() {
  const { t } = useT();
  return (
    <span className="not-disclosed" title={t("notDisclosedHelp")}>
      {t("notDisclosed")}
    </span>
  );
}

export function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

/**
 * An e-mail address: Latin letters that are no word of the page's language, so read out as
 * Latin (`lang="en"`), never translated, and kept left to right.
 */
export function EmailAddress({ value }: { value: string }) {
  return (
    <bdi lang="en" translate="no">
      {value}
    </bdi>
  );
}

/**
 * A record's text kept in one language only (a citation, a legal basis): marked as Chinese when
 * written in Chinese characters, so a reader's tools on an English page know it (and the other way
 * a Chinese page's Latin text is the record's own, left as written).
 */
export function PlainText({ value }: { value: string }) {
  return /[\u3400-\u9fff]/.test(value) ? <span lang="zh-Hans">{value}</span> : <>{value}</>;
}

/**
 * A source register's name in the reader's language (registry/standard/labels.ts names the known
 * ones); a register the labels do not know is "another register", never its key.
 */
export function useRegisterName(): (register: string) => string {
  const { l, t } = useT();
  return (register) => (Object.hasOwn(LABELS.register, register) ? l("register", register) : t("mirroredUnknownRegister"));
}
