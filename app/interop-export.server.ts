// The foreign-format exports (issue 16): /interop/omb-2025.csv, /interop/atrs-3.json,
// /interop/nl-1.json. The tools of a list query (the same filters as /tools, parsed as the other
// exports parse them: an unknown value is ignored), written by the format's mapping table
// (registry/exchange/interop/export.server.ts). Ordered by tool number unless the query names a
// `sort`: a file imported from the source comes back in its own order. A format this register does
// not publish (yet) answers 404 in both languages.
import { exportInterop } from "../registry/exchange/interop/export.server";
import { INTEROP_FORMAT_KEYS, INTEROP_FORMATS, INTEROP_SHAPES, interopFormat, type InteropFormatKey } from "../registry/exchange/interop/formats";
import { contentDisposition, exportFilename } from "../registry/exchange/exports/filename";
import { registerNow } from "../registry/shared/clock.server";
import { translate } from "./i18n/strings";
import { exportContext, type ExportArgs } from "./exports.server";
import type { InteropDownload } from "./components/data-downloads";

/** The formats this register publishes (the built ones), for the download links: key and file extension. */
export function publishedInterop(): InteropDownload[] {
  return INTEROP_FORMAT_KEYS.flatMap((key) => {
    const f = INTEROP_FORMATS[key];
    return f ? [{ key, extension: f.extension }] : [];
  });
}

export function interopExportResponse(args: ExportArgs, key: InteropFormatKey): Response {
  const format = interopFormat(key);
  if (!format) {
    // Both languages: the address names no language, and a download link has no page to switch.
    const body = `${translate("zh", "interopNotBuilt")}\n${translate("en", "interopNotBuilt")}\n`;
    return new Response(body, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" } });
  }
  const url = new URL(args.request.url);
  const { query, today, opts } = exportContext(args);
  const shapeParam = url.searchParams.get("shape");
  const shape = (INTEROP_SHAPES as readonly string[]).includes(shapeParam ?? "") ? shapeParam! : undefined;
  const { body } = exportInterop(key, query, {
    ...opts,
    // A valid `sort` orders as the list does; without one (or with one the list ignores), by tool number.
    order: url.searchParams.get("sort") && url.searchParams.get("sort") === query.sort ? "list" : "id",
    exportedAt: registerNow().toISOString(),
    ...(shape ? { shape } : {}),
  });
  const filename = exportFilename(key, query, today, format.extension);
  return new Response(body, {
    headers: {
      "Content-Type": format.mediaType,
      "Content-Disposition": contentDisposition(filename),
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-cache",
    },
  });
}
