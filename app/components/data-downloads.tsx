// "Data on this page": every export that applies to the view a reader is looking at, each with
// a sentence on what it holds, as plain links (a download works without JavaScript). The list,
// the agency and the sunsets pages pass their list query, so the files hold exactly the rows of
// the view; the record page its id; the incidents page its kind and year (for the API).
import type { LinksFunction } from "@remix-run/node";
import styles from "../styles-downloads.css?url";
import { useRouteLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";
import type { StringKey } from "~/i18n/strings";
import { queryString, type Paths, type Query } from "../../registry/shared/urls";
import type { InteropFormatKey } from "../../registry/exchange/interop/formats";

/** The stylesheet of the block (a route's `links`). */
export const dataDownloadsLinks: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

type Format = "CSV" | "JSON" | "NDJSON" | "Atom" | "API";
export type DownloadItem = { href: string; format: Format; name: StringKey; text: StringKey; download: boolean };

/** What the block is about: a filtered list of tools (its query without the page), one record, one agency, or the incidents. */
export type DownloadView =
  | { kind: "list"; query: string | Query; total: number }
  | { kind: "record"; id: string }
  | { kind: "agency"; slug: string; total: number }
  | { kind: "incidents"; query: { kind?: string; year?: string } };

/** A list query as URL parameters without the page: the exports hold every page. */
export function exportParams(search: string | Query): URLSearchParams {
  const params = new URLSearchParams(typeof search === "string" ? search : queryString(search));
  params.delete("page");
  return params;
}

const withParam = (params: URLSearchParams, key: string, value: string) => {
  const out = new URLSearchParams(params);
  out.set(key, value);
  return out;
};

/** A foreign register's format this register publishes (app/interop-export.server.ts publishedInterop, given by the root loader). */
export type InteropDownload = { key: InteropFormatKey; extension: "csv" | "json" };

/** How the block names each foreign format (every format of registry/exchange/interop/formats.ts). */
const INTEROP_NAMES: Record<InteropDownload["key"], [StringKey, StringKey]> = {
  "omb-2025": ["dlInterop_omb", "dlInterop_ombText"],
  "atrs-3": ["dlInterop_atrs", "dlInterop_atrsText"],
  "nl-1": ["dlInterop_nl", "dlInterop_nlText"],
};

/** The published foreign formats of a list query: its filters, in the format's own order (tool number), so without `sort`. */
function interopItems(u: Paths, params: URLSearchParams, interop: readonly InteropDownload[]): DownloadItem[] {
  const filters = new URLSearchParams(params);
  filters.delete("sort");
  return interop.map((f) => ({
    href: u.interopExport(f.key, f.extension, filters),
    format: f.extension === "csv" ? "CSV" : "JSON",
    name: INTEROP_NAMES[f.key][0],
    text: INTEROP_NAMES[f.key][1],
    download: true,
  }));
}

/** The files and addresses of a filtered list of tools. */
function listItems(u: Paths, params: URLSearchParams, lang: "zh" | "en", interop: readonly InteropDownload[] = []): DownloadItem[] {
  const file = (href: string, format: Format, name: StringKey, text: StringKey): DownloadItem => ({ href, format, name, text, download: true });
  return [
    file(u.toolsCsv(params), "CSV", "dlCsv", "dlCsvText"),
    file(u.toolsCsv(withParam(params, "labels", lang)), "CSV", "dlCsvLabels", "dlCsvLabelsText"),
    file(u.toolsJson(params), "JSON", "dlJson", "dlJsonText"),
    file(u.toolsNdjson(params), "NDJSON", "dlNdjson", "dlNdjsonText"),
    file(u.recordsNdjson(params), "NDJSON", "dlRecordsNdjson", "dlRecordsNdjsonText"),
    file(u.recordsJson(params), "JSON", "dlRecordsJson", "dlRecordsJsonText"),
    ...interopItems(u, params, interop),
    file(u.dataElementsCsv(params), "CSV", "dlDataElements", "dlDataElementsText"),
    file(u.agenciesCsv(params), "CSV", "dlAgencies", "dlAgenciesText"),
    file(u.incidentsCsv(params), "CSV", "dlIncidents", "dlIncidentsText"),
    file(u.findingsCsv(params), "CSV", "dlFindings", "dlFindingsText"),
    file(u.commentsCsv(params), "CSV", "dlComments", "dlCommentsText"),
  ];
}

/** The API orders by name in the language it is given (Chinese by default), as the page does. */
const apiLang = (params: URLSearchParams, lang: "zh" | "en") => (lang === "en" ? withParam(params, "lang", "en") : params);

export function downloadItems(view: DownloadView, u: Paths, lang: "zh" | "en", interop: readonly InteropDownload[] = []): DownloadItem[] {
  const link = (href: string, format: Format, name: StringKey, text: StringKey): DownloadItem => ({ href, format, name, text, download: false });
  switch (view.kind) {
    case "list": {
      const params = exportParams(view.query);
      return [
        ...listItems(u, params, lang, interop),
        link(u.toolsAtom(params), "Atom", "dlFeed", "dlFeedText"),
        link(u.apiTools(apiLang(params, lang)), "API", "dlApi", "dlApiText"),
      ];
    }
    case "agency": {
      const params = exportParams({ agency: view.slug });
      return [
        ...listItems(u, params, lang, interop),
        link(u.agencyChangesAtom(view.slug), "Atom", "dlAgencyFeed", "dlAgencyFeedText"),
        link(u.apiAgency(view.slug), "API", "dlApi", "dlAgencyApiText"),
      ];
    }
    case "record":
      return [
        { href: u.toolJson(view.id), format: "JSON", name: "dlRecordJson", text: "dlRecordJsonText", download: true },
        { href: u.toolHistoryJson(view.id), format: "JSON", name: "dlHistoryJson", text: "dlHistoryJsonText", download: true },
        link(u.toolChangesAtom(view.id), "Atom", "dlRecordFeed", "dlRecordFeedText"),
        link(u.apiTool(view.id), "API", "dlApi", "dlRecordApiText"),
      ];
    case "incidents":
      return [
        { href: u.incidentsCsv(), format: "CSV", name: "dlIncidents", text: "dlIncidentsAllText", download: true },
        { href: u.incidentsCsv({ labels: lang }), format: "CSV", name: "dlCsvLabels", text: "dlIncidentsLabelsText", download: true },
        link(u.apiIncidents({ kind: view.query.kind, year: view.query.year }), "API", "dlApi", "dlIncidentsApiText"),
      ];
  }
}

const INTRO: Record<DownloadView["kind"], StringKey> = { list: "dlIntroList", record: "dlIntroRecord", agency: "dlIntroAgency", incidents: "dlIntroIncidents" };

/** The block: a heading, what the files hold, and one link per export with a sentence each. */
export function DataDownloads({ view }: { view: DownloadView }) {
  const { t, num, u, lang } = useT();
  const interop = (useRouteLoaderData("root") as { interop?: InteropDownload[] } | undefined)?.interop ?? [];
  const items = downloadItems(view, u, lang, interop);
  return (
    <section className="data-downloads" aria-labelledby="data-downloads-h">
      <h2 id="data-downloads-h">{t("dlHeading")}</h2>
      <p>{t(INTRO[view.kind], "total" in view ? { n: num(view.total) } : undefined)}</p>
      <ul className="data-downloads-list">
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} download={item.download || undefined}>
              {t(item.name)}
            </a>{" "}
            <span className="data-downloads-format" lang="en">
              {item.format}
            </span>
            <span className="data-downloads-text">{t(item.text)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
