// A refusal of the registry (a RegistryError) and an import file's notices as plain sentences in
// one language: for the HTTP helper (app/http/registry-error.ts) and for the command-line tools
// in scripts/, which print what an official would read on the page, never a code or a path.
import type { Issue, RegistryError } from "../../registry/shared/errors";
import type { FileNotice } from "../../registry/exchange/import/columns";
import { fieldLabel, issueMessage } from "./errors";
import { STRINGS, translate, type Lang, type StringKey } from "./strings";

/** The issues of a refusal; a refusal without any stands for itself. */
export function refusalIssues(e: RegistryError): Issue[] {
  if (e.issues.length) return e.issues;
  const own: Partial<Record<RegistryError["code"], StringKey>> = {
    wrong_state: "err_action_wrong_state",
    rate_limited: "err_rate_limited",
    ids_exhausted: "err_ids_exhausted",
  };
  return [{ code: own[e.code] ?? "zod_other", ...(e.path ? { path: e.path } : {}), ...(e.params ? { params: e.params } : {}) }];
}

/**
 * One issue as a line of text: the message, led by the field's label when the message does not
 * name it already (beside a form field the label is on the page; on a terminal it is not).
 */
export function issueLine(issue: Issue, lang: Lang): string {
  const message = issueMessage(issue, lang);
  const label = fieldLabel(issue.path, lang);
  return label && !message.includes(label) ? `${label}: ${message}` : message;
}

/** Every problem of a refusal, one line each. */
export function refusalLines(e: RegistryError, lang: Lang): string[] {
  return refusalIssues(e).map((i) => issueLine(i, lang));
}

/**
 * A whole-file problem of an import (registry/exchange/import: a code and parameters) as a
 * sentence in `lang`: the upload page's report and the command line both word it here. Numbers
 * are written as the page writes them.
 */
export function noticeMessage(notice: FileNotice, lang: Lang): string {
  const num = (n: number) => n.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB");
  const p = notice.params;
  const more = p.more ? ` ${translate(lang, "importAndMore", { n: num(Number(p.more)) })}` : "";
  const params = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === "number" && k !== "line" ? num(v) : v]));
  if ("names" in p) params.names = `${p.names}${more}`;
  const code = Object.hasOwn(STRINGS.en, notice.code) ? notice.code : "importFileUnreadable";
  return issueMessage({ code, params }, lang);
}
