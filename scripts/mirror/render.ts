// Renders one mirrored resource (a page in both languages, a data file, an asset) and writes its
// files. Used by each worker thread of the export (scripts/mirror/worker.ts), each with its own
// instance of the production build and so its own database connection; the crawl itself (which
// resources exist, in which order) is run by scripts/mirror/export.ts on the main thread.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { once } from "node:events";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { langOfRequest } from "../../app/i18n/lang.server";
import { paths, LANG_TAG } from "../../registry/shared/urls";
import { addressFor, fileFor, relativeHref, resolveAddress, MIRROR_LANGS, type FilteredExports, type MirrorRules, type Resource } from "./urls";
import { forgetResolutions, redirectPage, rewritePage } from "./rewrite";

export type RenderSetup = {
  outDir: string;
  buildFile: string;
  publicDir: string;
  origin: string;
  liveOrigin?: string;
  filteredExports: FilteredExports;
  /** The export date shown on every page (YYYY-MM-DD). */
  date: string;
};

export type WrittenFile = { rel: string; sha256: string; size: number };

export type RenderResult = {
  resource: Resource;
  files: WrittenFile[];
  /** Resources the rendered pages link to (and a redirect's target), for the crawl. */
  found: Resource[];
  unmirrored: string[];
  redirects: number;
  notFound: string[];
  failed: string[];
  /** Milliseconds the worker spent on it (the export's profile by kind). */
  ms: number;
};

export type Renderer = {
  rules: MirrorRules;
  /** The register's answer for one of its addresses (the probe for optional routes uses it). */
  request: (address: string) => Promise<Response>;
  render: (r: Resource) => Promise<RenderResult>;
  /** Optional resources the build turned out not to have (keys): links to them are not mirrored. */
  setAbsent: (keys: string[]) => void;
};

export function mirrorRules(publicDir: string, filteredExports: FilteredExports, absent: Set<string>): MirrorRules {
  const pub = path.resolve(publicDir);
  // Asked for every link of every page: public/ does not change during an export, so each path is looked up once.
  const known = new Map<string, boolean>();
  return {
    filteredExports,
    isAsset: (p) => {
      if (p === "/" || p.includes("\0")) return false;
      let is = known.get(p);
      if (is === undefined) {
        const abs = path.join(pub, p);
        is = abs.startsWith(pub + path.sep) && fs.statSync(abs, { throwIfNoEntry: false })?.isFile() === true;
        if (known.size >= 100_000) known.clear();
        known.set(p, is);
      }
      return is;
    },
    isAbsent: (key) => absent.has(key),
  };
}

export async function createRenderer(setup: RenderSetup): Promise<Renderer> {
  const outDir = path.resolve(setup.outDir);
  const publicDir = path.resolve(setup.publicDir);
  const build = (await import(pathToFileURL(path.resolve(setup.buildFile)).href)) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  const origin = new URL(setup.origin).origin;
  const absent = new Set<string>();
  const rules = mirrorRules(publicDir, setup.filteredExports, absent);
  const { date, liveOrigin } = setup;

  // Directories made by this worker: each is made once, not once per file.
  const made = new Set<string>();
  const target = (rel: string): string => {
    const abs = path.resolve(outDir, rel);
    if (!abs.startsWith(outDir + path.sep)) throw new Error(`refusing to write outside the mirror: ${rel}`);
    const dir = path.dirname(abs);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      if (made.size >= 100_000) made.clear();
      made.add(dir);
    }
    return abs;
  };
  const writeText = async (rel: string, content: string): Promise<WrittenFile> => {
    const buf = Buffer.from(content, "utf8");
    // Synchronous: a worker thread renders one resource at a time, and the hand-off to libuv's
    // thread pool (shared by every worker of the process) costs more than a page's write.
    fs.writeFileSync(target(rel), buf);
    return { rel, sha256: crypto.createHash("sha256").update(buf).digest("hex"), size: buf.length };
  };
  const writeStream = async (rel: string, body: ReadableStream<Uint8Array> | null): Promise<WrittenFile> => {
    const abs = target(rel);
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
    return { rel, sha256: hash.digest("hex"), size };
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

  async function renderPage(r: Resource, out: RenderResult): Promise<void> {
    for (const lang of MIRROR_LANGS) {
      const file = fileFor(r, lang);
      const address = addressFor(r, lang);
      const response = await request(address);
      const pageUrl = new URL(address, origin);
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        out.redirects++;
        const location = new URL(response.headers.get("Location") ?? paths.home(), pageUrl);
        const res = location.origin === origin ? resolveAddress(location.pathname, location.searchParams, rules) : null;
        // Somewhere the mirror does not hold: the live register if known, else this language's home page.
        let href = liveOrigin ? `${liveOrigin}${location.pathname}${location.search}` : relativeHref(file, fileFor({ kind: "page", key: paths.home() }, lang));
        if (res?.ok) {
          out.found.push(res.resource);
          href = relativeHref(file, fileFor(res.resource, res.prefix ?? lang)) + location.hash;
        }
        out.files.push(await writeText(file, redirectPage(href, lang)));
        continue;
      }
      if (response.status === 404 && lang === "zh") out.notFound.push(r.key);
      else if (response.status >= 500 && lang === "zh") out.failed.push(`${r.key} (${response.status})`);
      // A 404 page is written too: it is what the live site shows, and the link stays whole.
      const html = await response.text();
      // The address must have fixed the language; a page in the other one would be filed wrongly.
      const rendered = /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1];
      if (rendered !== LANG_TAG[lang]) out.failed.push(`${address} (rendered in ${rendered ?? "no language"}, not ${LANG_TAG[lang]})`);
      const page = rewritePage(html, { pageUrl, lang, resource: r, file, date, liveOrigin, rules });
      out.found.push(...page.found);
      out.unmirrored.push(...page.unmirrored);
      out.files.push(await writeText(file, page.html));
    }
  }

  async function renderData(r: Resource & { kind: "data" }, out: RenderResult): Promise<void> {
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
      if (response.status !== 200 && lang === "zh") (response.status === 404 ? out.notFound : out.failed).push(`${r.key} (${response.status})`);
      try {
        out.files.push(await writeStream(fileFor(r, lang), response.body));
      } catch (e) {
        // A download that breaks off halfway must not pass for the whole file in an archive.
        fs.rmSync(path.join(outDir, fileFor(r, lang)), { force: true });
        out.failed.push(`${r.key} (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }

  async function renderAsset(r: Resource, out: RenderResult): Promise<void> {
    const rel = fileFor(r, "zh");
    const src = path.join(publicDir, ...rel.split("/"));
    const content = await fs.promises.readFile(src);
    await fs.promises.writeFile(target(rel), content);
    out.files.push({ rel, sha256: crypto.createHash("sha256").update(content).digest("hex"), size: content.length });
    // A style sheet may pull in fonts or images of its own.
    if (rel.endsWith(".css")) {
      const css = content.toString("utf8");
      for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
        const ref = m[2]!;
        if (/^(data:|[a-z]+:\/\/|#)/i.test(ref)) continue;
        const u = new URL(ref, new URL(r.key, origin));
        const res = resolveAddress(u.pathname, u.searchParams, rules);
        if (res.ok && res.resource.kind === "asset") out.found.push(res.resource);
      }
    }
  }

  const render = async (r: Resource): Promise<RenderResult> => {
    const out: RenderResult = { resource: r, files: [], found: [], unmirrored: [], redirects: 0, notFound: [], failed: [], ms: 0 };
    const t0 = performance.now();
    if (r.kind === "asset") await renderAsset(r, out);
    else if (r.kind === "data") await renderData(r, out);
    else await renderPage(r, out);
    out.ms = performance.now() - t0;
    return out;
  };
  const setAbsent = (keys: string[]) => {
    absent.clear();
    for (const k of keys) absent.add(k);
    forgetResolutions(rules);
  };
  return { rules, request, render, setAbsent };
}
