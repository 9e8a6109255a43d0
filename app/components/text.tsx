import type { LocalizedText } from "../../registry/standard/v1";
import type { Segment } from "../../registry/search/highlight";
import { useT } from "~/i18n/use-lang";

/** A record's free text in the page language; text shown in the other language says so. */
export function LocalText({ value, as: Tag = "span", className }: { value: LocalizedText | undefined | null; as?: "span" | "p" | "div"; className?: string }) {
  const { lang, t, text } = useT();
  const picked = text(value);
  if (!picked) return <NotDisclosed />;
  return (
    <Tag className={className} lang={picked.lang === "zh" ? "zh-Hans" : "en"}>
      {picked.text}
      {picked.fallback ? <span className="fallback-note" lang={lang === "zh" ? "zh-Hans" : "en"}> ({t(picked.lang === "zh" ? "originalOnly" : "originalOnlyEn")})</span> : null}
    </Tag>
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
