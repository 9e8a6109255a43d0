import { PlainLink } from "~/components/plain-link";
import type { ToolSummary } from "../../registry/records/summary.server";
import { LANG_TAG, type Lang } from "../../registry/shared/urls";
import { pickText, useT } from "~/i18n/use-lang";
import type { LocalizedText } from "../../registry/standard/v1";
import { LocalText, Marked } from "./text";
import { StatusBadge, SunsetBadge } from "./badges";
import { regimeValueOf } from "../../registry/records/query";

/**
 * The highlighted summary to show: the page language's if the search matched there, else the other
 * language's, with the language it is in (the summary in the page language may exist and simply not
 * contain the words searched for).
 */
function pickSnippet(snippet: ToolSummary["snippet"], lang: Lang) {
  if (!snippet) return null;
  const other: Lang = lang === "zh" ? "en" : "zh";
  const own = snippet[lang];
  if (own) return { segments: own, lang };
  const alt = snippet[other];
  return alt ? { segments: alt, lang: other } : null;
}

/** The name with what the search matched marked, in the language LocalText would show it in; null when nothing is marked there. */
function markedName(tool: Pick<ToolSummary, "name" | "nameMarks">, lang: Lang) {
  if (!tool.nameMarks) return null;
  const shown: Lang = tool.name[lang] ? lang : lang === "zh" ? "en" : "zh";
  const segments = tool.nameMarks[shown];
  return segments ? { segments, lang: shown } : null;
}

/** What a card shows of a tool (a ToolSummary has more). */
export type ToolCardData = Pick<
  ToolSummary,
  | "id"
  | "name"
  | "summary"
  | "kind"
  | "jurisdictionLevel"
  | "place"
  | "deploymentStatus"
  | "reviewStatus"
  | "impactLevel"
  | "sunsetDate"
  | "sunsetState"
  | "regime"
  | "commentCount"
  | "snippet"
  | "nameMarks"
>;

/** A text with only the language it is shown in on a `lang` page (pickText reads it back the same, fallback note included). */
function shownOnly(v: LocalizedText | undefined, lang: Lang): LocalizedText {
  const picked = pickText(v, lang);
  return picked ? { [picked.lang]: picked.text } : {};
}

/**
 * Exactly what ToolCard renders of a tool on a `lang` page: each text in the one language shown,
 * the highlighted summary instead of the summary when the search matched it, nothing the card
 * does not show. Lists send this as their loader data, so the page carries each result once in
 * its HTML and once, no larger than needed, for hydration.
 */
export function cardData(tool: ToolSummary, lang: Lang): ToolCardData {
  const snip = pickSnippet(tool.snippet, lang);
  const name = markedName(tool, lang);
  return {
    id: tool.id,
    name: shownOnly(tool.name, lang),
    summary: snip ? {} : shownOnly(tool.summary, lang),
    kind: tool.kind,
    jurisdictionLevel: tool.jurisdictionLevel,
    place: shownOnly(tool.place, lang),
    deploymentStatus: tool.deploymentStatus,
    reviewStatus: tool.reviewStatus,
    impactLevel: tool.impactLevel,
    sunsetDate: tool.sunsetDate,
    sunsetState: tool.sunsetState,
    regime: tool.regime,
    commentCount: tool.commentCount,
    // A searched list says, per language, that there is no snippet to show (null), as listTools does.
    ...(tool.snippet ? { snippet: { zh: null, en: null, ...(snip ? { [snip.lang]: snip.segments } : {}) } } : {}),
    ...(name && name.lang === lang ? { nameMarks: { zh: null, en: null, [lang]: name.segments } } : {}),
  };
}

export function ToolCard({ tool, extra }: { tool: ToolCardData; extra?: React.ReactNode }) {
  const { lang, l, t, num, u } = useT();
  const snip = pickSnippet(tool.snippet, lang);
  const name = markedName(tool, lang);
  // A record mirrored from another register is governed by that register's rules: the card says
  // where it comes from, and never shows this register's review, assessment or lapse verdicts on it
  // (its sunset state is "source_regime", so it is never styled as unlawful).
  const mirrored = tool.regime !== "this_register";
  return (
    <li className={`tool-card${!mirrored && (tool.sunsetState === "lapsed" || tool.sunsetState === "no_sunset") ? " unlawful" : ""}${mirrored ? " mirrored" : ""}`}>
      <h3>
        <PlainLink to={u.tool(tool.id)}>
          {name && name.lang === lang ? (
            <span lang={LANG_TAG[name.lang]}>
              <Marked segments={name.segments} />
            </span>
          ) : (
            <LocalText value={tool.name} />
          )}
        </PlainLink>{" "}
        <span className="tool-id">{tool.id}</span>
      </h3>
      <p className="meta">
        {l("kind", tool.kind)} · {l("jurisdiction", tool.jurisdictionLevel)} · <LocalText value={tool.place} />
      </p>
      {snip ? (
        <p className="summary" lang={LANG_TAG[snip.lang]}>
          <Marked segments={snip.segments} />
        </p>
      ) : (
        <LocalText value={tool.summary} as="p" className="summary" />
      )}
      <p className="badges">
        <StatusBadge group="status" value={tool.deploymentStatus} />
        {mirrored ? (
          <span className="badge regime-mirrored">{l("regime", regimeValueOf(tool.regime))}</span>
        ) : (
          <>
            <StatusBadge group="review" value={tool.reviewStatus} />
            <StatusBadge group="level" value={tool.impactLevel} />
            <SunsetBadge state={tool.sunsetState} date={tool.sunsetDate} />
          </>
        )}
        {mirrored && tool.impactLevel ? <StatusBadge group="level" value={tool.impactLevel} /> : null}
        {tool.commentCount ? (
          <PlainLink to={u.tool(tool.id, "comments")} className="comment-count">
            {t("commentsCount", { n: num(tool.commentCount) })}
          </PlainLink>
        ) : null}
      </p>
      {extra}
    </li>
  );
}
