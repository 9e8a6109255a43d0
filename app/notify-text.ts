// A notice in words: the inbox page and the mails (app/notify-mail.server.ts) word each notice
// from its kind and parameters (registry/notify holds codes only), in the reader's language.
import { translate, type Lang, type StringKey } from "./i18n/strings";
import { label } from "../registry/standard/labels";
import { urlsFor, type Paths } from "../registry/shared/urls";

export type NoticeView = { kind: string; toolId: string | null; params: Record<string, string | number | null> };

const KIND_TEXT: Record<string, StringKey> = {
  submitted: "noticeSubmitted",
  coresp_named: "noticeCorespNamed",
  decision: "noticeDecision",
  comment_published: "noticeCommentPublished",
  report_confirmed: "noticeReportConfirmed",
  condition_due: "noticeConditionDue",
  sunset_due: "noticeSunsetDue",
};

/** The tool's name and the language it is in (a fallback name is marked on the page). */
export function noticeName(n: NoticeView, lang: Lang): { text: string; lang: Lang } {
  const { nameZh, nameEn } = n.params;
  const own = lang === "zh" ? nameZh : nameEn;
  if (own) return { text: String(own), lang };
  const other = lang === "zh" ? nameEn : nameZh;
  if (other) return { text: String(other), lang: lang === "zh" ? "en" : "zh" };
  return { text: n.toolId ?? "", lang };
}

/** The notice's sentence split around the tool's name, so a page can mark the name's language. */
export function noticeParts(n: NoticeView, lang: Lang): { before: string; name: { text: string; lang: Lang }; after: string } {
  const [before = "", after = ""] = noticeText(n, lang, "\u0000").split("\u0000");
  return { before, name: noticeName(n, lang), after };
}

export function noticeText(n: NoticeView, lang: Lang, nameAs?: string): string {
  const p = n.params;
  const vars: Record<string, string | number> = {
    name: nameAs ?? noticeName(n, lang).text,
    revision: p.revision ?? "",
    status: label("review", typeof p.status === "string" ? p.status : null, lang),
    criterion: p.criterion ?? "",
    date: p.date ?? "",
    drafts: translate(lang, "navDrafts"),
  };
  return translate(lang, KIND_TEXT[n.kind] ?? "noticeUnknown", vars);
}

/** Where a notice leads: the review page for a reviewer's submission, else the tool's page (or its edit page for the owners). */
export function noticeHref(n: NoticeView, u: Paths): string | null {
  if (!n.toolId) return null;
  if (n.kind === "submitted") return u.reviewTool(n.toolId);
  return u.tool(n.toolId);
}

/** A notice as a plain-text mail in the recipient's language, with absolute links to `site`. */
export function noticeMail(n: NoticeView, lang: Lang, site: string): { subject: string; text: string } {
  const u = urlsFor(lang);
  const notice = noticeText(n, lang);
  const href = noticeHref(n, u);
  const text = translate(lang, "mailBody", {
    notice,
    tool: href ? site + href : "",
    inbox: site + u.inbox(),
    site: translate(lang, "siteName"),
    optOut: translate(lang, "noticeEmailLabel"),
    account: site + u.account(),
  });
  return { subject: translate(lang, "mailSubject", { notice }).slice(0, 200), text };
}
