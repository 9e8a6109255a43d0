// The static mirror: renders the public site in-process from the production build (no HTTP
// server), crawling from the home page and the navigation, and writes every page in both
// languages, the exports, the feeds and the schema as plain files.
//
// Each page is rendered at its language address (/zh/tools, /en/tools: `localized` in
// registry/shared/urls.ts), which fixes the language without a cookie or Accept-Language, and is filed
// under the same path in the mirror (en/tools/index.html). The links a rendered page carries are
// prefixed the same way and are mapped back to files by scripts/mirror/rewrite.ts.
//
// Memory stays flat whatever the register's size: one page is held at a time, downloads are
// streamed to disk, and only the set of visited URLs grows.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { once } from "node:events";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { langOfRequest } from "../../app/i18n/lang.server";
import { translate } from "../../app/i18n/strings";
import { paths, LANG_TAG } from "../../registry/shared/urls";
import { addressFor, fileFor, relativeHref, resolveAddress, resourceId, MIRROR_LANGS, type Lang, type MirrorRules, type Resource } from "./urls";
import { redirectPage, rewritePage } from "./rewrite";

export type ExportOptions = {
  outDir: string;
  /** The production server build (build/index.js). */
  buildFile: string;
  /** public/ of the app: the fingerprinted CSS and the favicon are copied from there. */
  publicDir: string;
  /** The origin pages are rendered at; absolute URLs in the data files use it. */
  origin: string;
  /** Set when `origin` is the register's real public address: links to what is not mirrored then lead there. */
  liveOrigin?: string;
  filteredExports: boolean;
  now: Date;
  /** Called after every resource; throttle in the caller. */
  progress?: (stats: ExportStats) => void;
};

export type ExportStats = {
  /** Distinct pages; each is written once per language. */
  pages: number;
  files: number;
  bytes: number;
  redirects: number;
  /** Pages or files the register answered with 404 although something linked to them. */
  notFound: string[];
  /** Pages or files that failed (5xx, or a data file that is not 200). */
  failed: string[];
  /** Local paths linked from pages but not mirrored, with how often. */
  unmirrored: Map<string, number>;
  seconds: number;
};

/** Marks a directory as a mirror, so --force may empty it and nothing else. */
export const MIRROR_MARKER = ".register-mirror";

// Without a language prefix: each is mirrored in both languages (or once, for shared data).
const START_PAGES = [paths.home(), paths.tools(), paths.agencies(), paths.standard(), paths.sunsets(), paths.incidents(), paths.log(), paths.unregistered()];
const START_DATA = [
  paths.toolsCsv(),
  paths.toolsJson(),
  paths.toolsNdjson(),
  paths.dataElementsCsv(),
  paths.agenciesCsv(),
  paths.incidentsCsv(),
  paths.findingsCsv(),
  paths.commentsCsv(),
  paths.logJson(),
  paths.changesAtom(),
  paths.sunsetsAtom(),
  paths.standardSchema(),
  paths.standardSchemaV1(),
];
/** The API docs: mirrored when the build has them, left out without a trace by an older build. */
const OPTIONAL = [paths.api(), paths.openapi()];

/** Per-record files that pages do not all link to but that belong to the record. */
function companions(r: Resource): string[] {
  const tool = /^\/tools\/([A-Za-z0-9-]{1,40})$/.exec(r.key);
  if (r.kind === "page" && tool) {
    const id = tool[1]!;
    return [paths.toolHistory(id), paths.toolJson(id), paths.toolHistoryJson(id), paths.toolChangesAtom(id)];
  }
  const agency = /^\/agencies\/([a-z0-9-]+)$/.exec(r.key);
  if (r.kind === "page" && agency) return [paths.agencyChangesAtom(agency[1]!)];
  return [];
}

/** Writes files under the mirror root, counting bytes and recording a SHA-256 line for each. */
class MirrorWriter {
  files = 0;
  bytes = 0;
  private written = new Set<string>();
  private sums: fs.WriteStream;

  constructor(private root: string) {
    this.sums = fs.createWriteStream(path.join(root, "SHA256SUMS"));
  }

  private target(rel: string): string {
    const abs = path.resolve(this.root, rel);
    if (!abs.startsWith(this.root + path.sep)) throw new Error(`refusing to write outside the mirror: ${rel}`);
    // Two URLs mapping to one file would silently lose one of them: a bug in the URL mapping.
    if (this.written.has(rel)) throw new Error(`two resources map to the same file: ${rel}`);
    this.written.add(rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    return abs;
  }

  private record(rel: string, hash: crypto.Hash, size: number): void {
    this.files++;
    this.bytes += size;
    this.sums.write(`${hash.digest("hex")}  ${rel}\n`);
  }

  async text(rel: string, content: string): Promise<void> {
    const abs = this.target(rel);
    const buf = Buffer.from(content, "utf8");
    await fs.promises.writeFile(abs, buf);
    this.record(rel, crypto.createHash("sha256").update(buf), buf.length);
  }

  async stream(rel: string, body: ReadableStream<Uint8Array> | null): Promise<void> {
    const abs = this.target(rel);
    const hash = crypto.createHash("sha256");
    const out = fs.createWriteStream(abs);
    let size = 0;
    try {
      if (body) {
        for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
          hash.update(chunk);
          size += chunk.length;
          if (!out.write(chunk)) await once(out, "drain");
        }
      }
    } finally {
      out.end();
      await once(out, "close");
    }
    this.record(rel, hash, size);
  }

  async copy(rel: string, from: string): Promise<void> {
    const content = await fs.promises.readFile(from);
    const abs = this.target(rel);
    await fs.promises.writeFile(abs, content);
    this.record(rel, crypto.createHash("sha256").update(content), content.length);
  }

  /** README and the like: described in SHA256SUMS too, but written last. */
  async close(): Promise<void> {
    this.sums.end();
    await once(this.sums, "close");
  }
}

export async function exportSite(opts: ExportOptions): Promise<ExportStats> {
  const started = Date.now();
  const outDir = path.resolve(opts.outDir);
  const publicDir = path.resolve(opts.publicDir);
  const build = (await import(pathToFileURL(path.resolve(opts.buildFile)).href)) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  const date = opts.now.toISOString().slice(0, 10);
  const origin = new URL(opts.origin).origin;

  const absent = new Set<string>();
  const rules: MirrorRules = {
    filteredExports: opts.filteredExports,
    isAsset: (p) => {
      if (p === "/" || p.includes("\0")) return false;
      const abs = path.join(publicDir, p);
      return abs.startsWith(publicDir + path.sep) && fs.statSync(abs, { throwIfNoEntry: false })?.isFile() === true;
    },
    isAbsent: (key) => absent.has(key),
  };

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, MIRROR_MARKER), `Public Algorithm Register static mirror, ${opts.now.toISOString()}\n`);
  const writer = new MirrorWriter(outDir);
  const stats: ExportStats = { pages: 0, files: 0, bytes: 0, redirects: 0, notFound: [], failed: [], unmirrored: new Map(), seconds: 0 };

  const seen = new Set<string>();
  const queue: Resource[] = [];
  const enqueue = (r: Resource) => {
    const id = resourceId(r);
    if (seen.has(id)) return;
    seen.add(id);
    queue.push(r);
  };
  const enqueuePath = (p: string) => {
    const u = new URL(p, origin);
    const res = resolveAddress(u.pathname, u.searchParams, rules);
    if (res.ok) enqueue(res.resource);
  };

  /**
   * The register's answer for one of its addresses. The address alone says the language (/zh,
   * /en), so no cookie or Accept-Language is sent: data without language addresses (the JSON
   * files) gets the register's default, Chinese, as before.
   */
  const request = (address: string): Promise<Response> => {
    const url = new URL(address, origin);
    // server.mjs serves /tools/<id>.json from the route tools-json.$id; the mirror skips server.mjs.
    const json = /^\/tools\/([A-Za-z0-9-]{1,40})\.json$/.exec(url.pathname);
    if (json) url.pathname = paths.toolJsonRoute(json[1]!);
    const req = new Request(url, {
      headers: {
        // A bot user agent makes Remix wait for the whole page before answering.
        "User-Agent": "RegisterStaticMirror/1.0 (archiving bot)",
      },
    });
    // The load context server.mjs gives every request: the language, resolved once by its rule.
    const { lang, prefix } = langOfRequest(url.pathname, null, null);
    return handler(req, { clientAddress: "127.0.0.1", secure: url.protocol === "https:", lang, langPrefix: prefix });
  };

  const report = () => {
    stats.files = writer.files;
    stats.bytes = writer.bytes;
    stats.seconds = (Date.now() - started) / 1000;
    opts.progress?.(stats);
  };

  // Optional routes first, so pages rendered later know whether they can link to them.
  for (const p of OPTIONAL) {
    const u = new URL(p, origin);
    const res = resolveAddress(u.pathname, u.searchParams, rules);
    if (!res.ok) continue;
    const probe = await request(addressFor(res.resource, "zh"));
    await probe.body?.cancel();
    if (probe.status === 404) absent.add(res.resource.key);
    else enqueue(res.resource);
  }
  START_PAGES.forEach(enqueuePath);
  START_DATA.forEach(enqueuePath);

  for (let i = 0; i < queue.length; i++) {
    const r = queue[i]!;
    // Release what has been processed: the queue of a large register would otherwise keep every entry.
    if (i >= 10_000) {
      queue.splice(0, i);
      i = 0;
    }
    if (r.kind === "asset") await mirrorAsset(r);
    else if (r.kind === "data") await mirrorData(r);
    else await mirrorPage(r);
    companions(r).forEach(enqueuePath);
    report();
  }

  async function mirrorPage(r: Resource): Promise<void> {
    stats.pages++;
    for (const lang of MIRROR_LANGS) {
      const file = fileFor(r, lang);
      const address = addressFor(r, lang);
      const response = await request(address);
      const pageUrl = new URL(address, origin);
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        stats.redirects++;
        const location = new URL(response.headers.get("Location") ?? paths.home(), pageUrl);
        const res = location.origin === origin ? resolveAddress(location.pathname, location.searchParams, rules) : null;
        // Somewhere the mirror does not hold: the live register if known, else this language's home page.
        let href = opts.liveOrigin ? `${opts.liveOrigin}${location.pathname}${location.search}` : relativeHref(file, fileFor({ kind: "page", key: paths.home() }, lang));
        if (res?.ok) {
          enqueue(res.resource);
          href = relativeHref(file, fileFor(res.resource, res.prefix ?? lang)) + location.hash;
        }
        await writer.text(file, redirectPage(href, lang));
        continue;
      }
      if (response.status === 404 && lang === "zh") stats.notFound.push(r.key);
      else if (response.status >= 500 && lang === "zh") stats.failed.push(`${r.key} (${response.status})`);
      // A 404 page is written too: it is what the live site shows, and the link stays whole.
      const html = await response.text();
      // The address must have fixed the language; a page in the other one would be filed wrongly.
      const rendered = /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1];
      if (rendered !== LANG_TAG[lang]) stats.failed.push(`${address} (rendered in ${rendered ?? "no language"}, not ${LANG_TAG[lang]})`);
      const out = rewritePage(html, { pageUrl, lang, resource: r, file, date, liveOrigin: opts.liveOrigin, rules });
      for (const f of out.found) enqueue(f);
      for (const p of out.unmirrored) {
        const group = p.replace(/\/[A-Z]{2,5}-\d+(?=\/|$)/g, "/<id>");
        stats.unmirrored.set(group, (stats.unmirrored.get(group) ?? 0) + 1);
      }
      await writer.text(file, out.html);
    }
  }

  async function mirrorData(r: Resource & { kind: "data" }): Promise<void> {
    // A shared file (one copy for both languages) is the one at the Chinese address.
    for (const lang of r.perLang ? MIRROR_LANGS : (["zh"] as const)) {
      let address = addressFor(r, lang);
      let response = await request(address);
      for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 5; hops++) {
        await response.body?.cancel();
        const next = new URL(response.headers.get("Location") ?? paths.home(), new URL(address, origin));
        if (next.origin !== origin) break;
        address = next.pathname + next.search;
        response = await request(address);
      }
      if (response.status !== 200 && lang === "zh") (response.status === 404 ? stats.notFound : stats.failed).push(`${r.key} (${response.status})`);
      try {
        await writer.stream(fileFor(r, lang), response.body);
      } catch (e) {
        // A download that breaks off halfway must not pass for the whole file in an archive.
        fs.rmSync(path.join(outDir, fileFor(r, lang)), { force: true });
        stats.failed.push(`${r.key} (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }

  async function mirrorAsset(r: Resource): Promise<void> {
    const rel = fileFor(r, "zh");
    const src = path.join(publicDir, ...rel.split("/"));
    await writer.copy(rel, src);
    // A style sheet may pull in fonts or images of its own.
    if (rel.endsWith(".css")) {
      const css = fs.readFileSync(src, "utf8");
      for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
        const ref = m[2]!;
        if (/^(data:|[a-z]+:\/\/|#)/i.test(ref)) continue;
        const u = new URL(ref, new URL(r.key, origin));
        const res = resolveAddress(u.pathname, u.searchParams, rules);
        if (res.ok && res.resource.kind === "asset") enqueue(res.resource);
      }
    }
  }

  await writeStartPage(writer, outDir, date);
  report();
  await writer.close();
  // Written after SHA256SUMS is closed, so it can state the final counts; not itself checksummed.
  // With a BOM, browsers and editors read the Chinese lines as UTF-8 even when a server sends no charset.
  fs.writeFileSync(path.join(outDir, "README.txt"), `\uFEFF${readme(opts, stats, date)}`);
  stats.seconds = (Date.now() - started) / 1000;
  return stats;
}

/** index.html at the root: both languages, the main downloads and how the copy was made. */
async function writeStartPage(writer: MirrorWriter, outDir: string, date: string): Promise<void> {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const t = (lang: Lang, key: Parameters<typeof translate>[1], vars?: Record<string, string>) => esc(translate(lang, key, vars));
  const home = (lang: Lang) => fileFor({ kind: "page", key: paths.home() }, lang);
  // The pages' style sheet, found where the crawl copied it.
  const assets = path.join(outDir, "build", "_assets");
  const css = (fs.existsSync(assets) ? fs.readdirSync(assets) : [])
    .filter((f) => f.endsWith(".css"))
    .map((f) => `<link rel="stylesheet" href="build/_assets/${esc(f)}">`)
    .join("");
  const data = ["tools.csv", "tools.json", "tools.ndjson", "standard/v1.1.schema.json", "README.txt"];
  const html = `<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t("zh", "mirrorIndexTitle", { date })} · ${t("en", "mirrorIndexTitle", { date })}</title>
${css}<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="alternate" hreflang="zh-Hans" href="${esc(home("zh"))}">
<link rel="alternate" hreflang="en" href="${esc(home("en"))}">
</head>
<body>
<main id="main" class="wrap">
<h1>${t("zh", "siteName")}</h1>
<p class="lead">${t("zh", "mirrorIndexIntro")}</p>
<p><a href="${esc(home("zh"))}">${t("zh", "mirrorIndexChinese")}</a></p>
<h1 lang="en">${t("en", "siteName")}</h1>
<p class="lead" lang="en">${t("en", "mirrorIndexIntro")}</p>
<p lang="en"><a href="${esc(home("en"))}">${t("en", "mirrorIndexEnglish")}</a></p>
<p>${t("zh", "mirrorIndexData")}</p>
<p lang="en">${t("en", "mirrorIndexData")}</p>
<ul>${data.map((f) => `<li><a href="${esc(f)}">${esc(f)}</a></li>`).join("")}</ul>
<p class="mirror-banner">${t("zh", "mirrorBanner", { date })}</p>
<p class="mirror-banner" lang="en">${t("en", "mirrorBanner", { date })}</p>
</main>
</body>
</html>
`;
  await writer.text("index.html", html);
}

function readme(opts: ExportOptions, stats: ExportStats, date: string): string {
  const live = opts.liveOrigin ?? "(not given: links to what is not mirrored were turned into plain text)";
  return `Public Algorithm Register: static mirror
公共算法登记簿：静态镜像

Exported:      ${opts.now.toISOString()}
Live register: ${live}
Contents:      ${stats.pages} pages in each of Chinese and English, ${stats.files} files, ${stats.bytes} bytes

${translate("en", "mirrorIndexIntro")}
${translate("zh", "mirrorIndexIntro")}

${translate("en", "mirrorBanner", { date })}
${translate("zh", "mirrorBanner", { date })}

Layout
  index.html                  start page: both languages and the main downloads
  zh/ and en/                 every public page, in Chinese and in English, at the paths of the
                              register's own language addresses (its /en/tools/ALG-000002 is
                              en/tools/ALG-000002/index.html here), with the same file names in
                              both; each page links to its twin in the other language
  tools.csv .json .ndjson     every published tool (CSV: RFC 4180, UTF-8 with BOM); the nested
  tools/data-elements.csv     CSVs join on tool_id
  records.json .ndjson        every published tool's whole record with all its public
                              revisions, in the format the import takes
  agencies.csv incidents.csv findings.csv comments.csv
  tools/<id>.json             one record (latest published revision)
  tools/<id>/history.json     every revision and decision of that record
  log.json, log__page=N.json  the hash-chained event log, a page at a time
  zh/*.atom, en/*.atom        Atom feeds (all changes, sunsets, per tool, per agency)
  standard/v1.1.schema.json   the record standard as JSON Schema (version 1.1; every record
                              of version 1 also meets it; standard/v1.schema.json: version 1)
  build/, favicon.svg         style sheet and icon
  SHA256SUMS                  a checksum of every file but this README; check with
                              "sha256sum -c SHA256SUMS" in this directory

File names
  A page /a/b is <lang>/a/b/index.html. A query becomes part of the name, parameters sorted by
  name: /tools?kind=app&page=2 is <lang>/tools/index__kind=app&page=2.html. Characters other than
  letters, digits, ".", "_" and "-" in names and values are written as ~XX (the bytes of their
  UTF-8 form in hex). A data file keeps its extension last, so any web server sends the right
  type: /tools.csv?kind=app is tools__kind=app.csv. The CSV and JSON files are shared by both
  languages, as the register serves them at one address. All links are relative, so the copy works from any
  directory of any web server and from the disk.

What is mirrored
  Every public page reachable by links from the home page and the navigation, in both languages.
  Lists are bounded so filter combinations cannot explode:
  - /tools with no filter or exactly one filter (kind, agency, jurisdiction, status, review,
    level, sunset, category, sensitive), every page of results, in the default order (by name).
    A link to another order leads to the same filter in the default order; links that combine
    two or more filters, and searches, are not mirrored (their text is kept).
  - /incidents with no filter or one of kind / year, every page. /log, every page.
  - /tools/<id>/history and each comparison of two consecutive revisions.
  - The exports unfiltered and${opts.filteredExports ? " with each single filter a mirrored list page offers" : " (filtered exports were not mirrored: the download links of filtered lists lead to the unfiltered files)"}.

What is not
  Searching, comments, reports of errors or unregistered tools, signing in, and the JSON API
  (/api/v1) work only on the live register. Absolute URLs inside the data files (the record URL
  in every row, feed links) point at the live register's address, ${opts.origin}.
`;
}
