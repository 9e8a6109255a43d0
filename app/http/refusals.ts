// The server's own short answers (413, 403, 415, 503), given before any route runs: a small
// HTML page in the reader's language first and the other language below, since the request
// may never have reached the code that knows the reader's choice.
import { langOfRequest } from "../i18n/lang.server";
import { localized, paths } from "../../registry/shared/urls";
import { LANGS, translate, type Lang, type StringKey } from "../i18n/strings";

export type Refusal = "too_large" | "cross_site" | "busy" | "not_form";

const TEXT: Record<Refusal, { status: number; title: StringKey; body: StringKey }> = {
  too_large: { status: 413, title: "httpTooLargeTitle", body: "httpTooLarge" },
  cross_site: { status: 403, title: "httpCrossSiteTitle", body: "httpCrossSite" },
  busy: { status: 503, title: "httpBusyTitle", body: "httpBusy" },
  not_form: { status: 415, title: "httpNotFormTitle", body: "httpNotForm" },
};

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

function readableBytes(n: number): string {
  const mb = n / 1024 / 1024;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.round(n / 1024)} KB`;
}

/** The policy of a refusal page: its one inline style, nothing else. */
export const REFUSAL_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Status, HTML body and CSP of one of the server's refusals, for the request's headers. */
export function refusalPage(
  kind: Refusal,
  headers: { path?: string; cookie?: string | null; acceptLanguage?: string | null },
  vars: { limit?: number } = {},
): { status: number; html: string; csp: string } {
  const { status, title, body } = TEXT[kind];
  const { lang: first, prefix } = langOfRequest(headers.path ?? "/", headers.cookie, headers.acceptLanguage);
  const langs = [first, ...LANGS.filter((l) => l !== first)];
  const section = (lang: Lang) => {
    const text = translate(lang, body, vars.limit === undefined ? {} : { limit: readableBytes(vars.limit) });
    return `<section lang="${lang === "zh" ? "zh-Hans" : "en"}"><h1>${escape(translate(lang, title))}</h1><p>${escape(text)}</p><p><a href="${escape(localized(paths.home(), prefix ? lang : null))}">${escape(translate(lang, "httpBackHome"))}</a></p></section>`;
  };
  const html = `<!DOCTYPE html><html lang="${first === "zh" ? "zh-Hans" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(translate(first, title))}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6}section+section{border-top:1px solid #ccc;margin-top:1.5rem}</style></head><body>${langs.map(section).join("")}</body></html>`;
  return { status, html, csp: REFUSAL_CSP };
}
