// What a feed entry says about a log event, in the feed's language: the title "tool name: what
// happened" and a summary of what changed (the fields of a new revision, a decision and who took
// it, an incident, a sentence for the rest), then who acted and the entry's place in the chain.
// Text written in the other language (a name or a text the register has in one language only)
// is kept as a part tagged with its language, so app/atom.server.ts can mark it (xml:lang).
import type { ChangeFeed, FeedEvent } from "../registry/log/feed.server";
import type { LocalizedText } from "../registry/standard/v1";
import { fieldName } from "../registry/standard/field-names";
import { label, type LabelGroup } from "../registry/standard/labels";
import { ANY_SOURCE_REGISTER, FACET_DEFS, ENUM_FACETS, MIRRORED_REGIME_VALUES, type ToolQuery } from "../registry/records/query";
import { actorLabel } from "~/components/actor";
import { pickText } from "~/i18n/use-lang";
import { STRINGS, translate, type Lang, type StringKey } from "~/i18n/strings";

/** Text of the register, or a record's text in another language (`lang` is its key: zh, en or any other tag). */
export type Part = string | { text: string; lang: string };
export type Text = Part[];

/** A string of the interface with its placeholders filled, each by a string or by tagged parts. */
export function sentence(lang: Lang, key: StringKey, vars: Record<string, string | number | Text> = {}): Text {
  const out: Text = [];
  for (const [i, piece] of STRINGS[lang][key].split(/\{(\w+)\}/).entries()) {
    if (i % 2 === 0) {
      if (piece) out.push(piece);
      continue;
    }
    const v = vars[piece];
    if (v === undefined) out.push(`{${piece}}`);
    else if (Array.isArray(v)) out.push(...v);
    else out.push(String(v));
  }
  return out;
}

/** A text of the register in the feed's language, or in the other one, tagged. */
export function localText(v: LocalizedText | null | undefined, lang: Lang, fallback = ""): Text {
  const picked = pickText(v, lang);
  if (!picked) return fallback ? [fallback] : [];
  return [picked.fallback ? { text: picked.text, lang: picked.lang } : picked.text];
}

const MAX_FIELDS = 8;

function fieldsChanged(fields: string[], lang: Lang): string {
  const names = [...new Set(fields.map((f) => fieldName(f, lang) ?? translate(lang, "field_record")))];
  const shown = names.slice(0, MAX_FIELDS).join(translate(lang, "feedListSeparator"));
  return names.length > MAX_FIELDS ? translate(lang, "feedFieldsMore", { fields: shown, n: names.length - MAX_FIELDS }) : shown;
}

type Payload = Record<string, unknown>;
const num = (v: unknown) => (typeof v === "number" ? v : 0);
const str = (v: unknown) => (typeof v === "string" ? v : "");
const text = (v: unknown) => (v && typeof v === "object" ? (v as LocalizedText) : null);

/** What happened, as the second half of the title. */
function what(e: FeedEvent, lang: Lang): Text {
  const p = (e.event.payload ?? {}) as Payload;
  if (e.event.kind === "decision") return sentence(lang, "feedWhatDecision", { decision: label("decision", str(p.decision), lang) });
  if (e.event.kind === "incident_recorded") return sentence(lang, "feedWhatIncident", { kind: label("incident", str((p.incident as Payload | undefined)?.kind), lang) });
  return [label("eventKind", e.event.kind, lang)];
}

/** The sentences that say what changed (none for an event that has nothing more to say). */
function changed(e: FeedEvent, agencies: Record<string, LocalizedText>, lang: Lang): Text[] {
  const p = (e.event.payload ?? {}) as Payload;
  const n = num(p.revision);
  const agency = localText(agencies[str(p.agency)], lang);
  switch (e.event.kind) {
    case "published_by_editors":
    case "imported":
    case "submitted": {
      const lines: Text[] = [];
      const r = e.revision;
      if (r) lines.push(r.first ? sentence(lang, "feedRevisionFirst", { n: r.number }) : r.fields.length ? sentence(lang, "feedRevisionChanged", { n: r.number, fields: fieldsChanged(r.fields, lang) }) : sentence(lang, "feedRevisionSame", { n: r.number }));
      if (e.event.kind === "submitted" && str(p.impactLevel)) lines.push(sentence(lang, "feedImpactLevel", { level: label("level", str(p.impactLevel), lang) }));
      return lines;
    }
    case "decision": {
      const decision = label("decision", str(p.decision), lang);
      const lines = [
        p.effective ? sentence(lang, "feedDecisionEffective", { decision, n, status: label("review", str(p.status), lang) }) : sentence(lang, "feedDecisionAwaiting", { decision, n }),
      ];
      const summary = localText(text(p.summary), lang);
      if (summary.length) lines.push(sentence(lang, "feedDecisionSummary", { text: summary }));
      return lines;
    }
    case "incident_recorded": {
      const i = (p.incident ?? {}) as Payload;
      return [sentence(lang, "feedIncident", { kind: label("incident", str(i.kind), lang), date: str(i.date), title: localText(text(i.title), lang) })];
    }
    case "retired":
      return [sentence(lang, "feedRetired", { reason: localText(text(p.reason), lang) })];
    case "comment_moderated":
      return [sentence(lang, p.decision === "publish" ? "feedCommentPublished" : "feedCommentRemoved")];
    case "comment_replied":
      return [sentence(lang, "feedCommentReplied")];
    case "consultation_response":
      return [sentence(lang, "feedConsultationResponse", { n })];
    case "report_resolved":
      return [sentence(lang, "feedReportResolved", { kind: label("reportKind", str(p.reportKind), lang), status: label("reportStatus", p.decision === "confirm" ? "confirmed" : "dismissed", lang) })];
    case "appeal_stats_published": {
      const s = (p.appealStat ?? {}) as Payload;
      return [sentence(lang, "feedAppealStats", { period: str(s.period), filed: num(s.filed), corrected: num(s.corrected) })];
    }
    case "responsibility_confirmed":
      return [sentence(lang, "feedResponsibilityConfirmed", { agency, n })];
    case "responsibility_declined":
      return [sentence(lang, "feedResponsibilityDeclined", { agency, n })];
    case "tool_taken_over":
      return [sentence(lang, "feedTakenOver", { agency })];
    case "purpose_changed":
      return [sentence(lang, "feedPurposeChanged", { kind: label("purposeChange", str(p.kind), lang), date: str(p.date), change: localText(text(p.change), lang) })];
    case "withdrawn":
      return [sentence(lang, "feedWithdrawn", { n })];
    case "review_started":
      return [sentence(lang, "feedReviewStarted", { n })];
    case "restored": {
      const backup = (p.backup ?? {}) as Payload;
      const taken = str(p.backupTakenAt);
      return [
        sentence(lang, "feedRestored", { id: num(backup.id) }),
        ...(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(taken) ? [sentence(lang, "feedRestoredTaken", { at: `${taken.slice(0, 10)} ${taken.slice(11, 16)}` })] : []),
      ];
    }
    default:
      return [];
  }
}

/** Who acted: a role and the agency's name (the name tagged when it is in the other language). */
function actor(actorName: string, agencies: Record<string, LocalizedText>, lang: Lang): Text {
  const at = actorName.indexOf("@");
  if (at < 0) return [actorLabel(actorName, agencies, lang)];
  const role = actorLabel(actorName.slice(0, at), {}, lang);
  const agency = localText(agencies[actorName.slice(at + 1)], lang);
  return agency.length ? sentence(lang, "actorRoleAtAgency", { role, agency }) : [role];
}

/** An entry's title and summary lines. */
export function eventWords(e: FeedEvent, feed: ChangeFeed, lang: Lang): { title: Text; summary: Text[] } {
  const p = (e.event.payload ?? {}) as Payload;
  // Whose entry it is: the tool's name, or for an agency's event the agency's name.
  const name = e.toolName ? localText(e.toolName, lang, e.event.toolId ?? "") : e.event.kind.startsWith("agency_") ? localText(feed.agencies[str(p.agency)] ?? text(p.name), lang) : [];
  const title = name.length ? sentence(lang, "feedEntryTitle", { name, what: what(e, lang) }) : what(e, lang);
  return {
    title,
    summary: [
      ...changed(e, feed.agencies, lang),
      sentence(lang, "feedActor", { actor: actor(e.event.actor, feed.agencies, lang) }),
      sentence(lang, "feedChainEntry", { id: e.event.id, hash: e.event.hash }),
    ],
  };
}

/**
 * The filters of a list query in words, for a feed's title ("“码”系统；未设终止日期"). A facet
 * may hold one value or several (several of one facet are joined with "or").
 */
export function filterWords(query: ToolQuery, agencyNames: Record<string, LocalizedText>, lang: Lang): Text {
  const groups: Text[] = [];
  if (query.q) groups.push(sentence(lang, "feedFilterSearch", { q: query.q }));
  for (const facet of ENUM_FACETS) {
    let values = valuesOf((query as Record<string, unknown>)[facet]);
    // Every mirrored regime at once is what `regime=source_register` asked for: one phrase, as its chip shows it.
    if (facet === "regime" && MIRRORED_REGIME_VALUES.every((v) => values.includes(v))) values = [ANY_SOURCE_REGISTER, ...values.filter((v) => !(MIRRORED_REGIME_VALUES as readonly string[]).includes(v))];
    if (values.length) groups.push([values.map((v) => label(FACET_DEFS[facet].labels as LabelGroup, v, lang)).join(translate(lang, "feedFilterOr"))]);
  }
  const agencies = valuesOf(query.agency).filter((slug) => agencyNames[slug]);
  if (agencies.length) groups.push(agencies.flatMap((slug, i) => [...(i ? [translate(lang, "feedFilterOr")] : []), ...localText(agencyNames[slug], lang)]));
  return groups.flatMap((g, i) => (i ? [translate(lang, "feedFilterAnd"), ...g] : g));
}

/** A filter's values, whether the query holds one value or several. */
export const valuesOf = (v: unknown): string[] => ([] as unknown[]).concat(v ?? []).filter((x): x is string => typeof x === "string" && x !== "");
