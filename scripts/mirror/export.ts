// The static mirror: renders the public site in-process from the production build (no HTTP
// server), crawling from the home page and the navigation, and writes every page in both
// languages, the exports, the feeds and the schema as plain files.
//
// Each page is rendered at its language address (/zh/tools, /en/tools: `localized` in
// registry/shared/urls.ts), which fixes the language without a cookie or Accept-Language, and is filed
// under the same path in the mirror (en/tools/index.html). The links a rendered page carries are
// prefixed the same way and are mapped back to files by scripts/mirror/rewrite.ts.
//
// Parallel: the main thread runs the crawl (the queue, the set of resources seen, the manifest)
// and hands resources in small batches to worker threads (scripts/mirror/worker.ts), one per core
// by default. Each worker loads its own instance of the production build, so it has its own
// database connection, renders and writes the files of its resources and answers with their
// checksums and the links it found. What a resource's files contain does not depend on which
// worker renders it or when, and SHA256SUMS is sorted by file name, so the mirror is the same
// byte for byte whatever the number of workers.
//
// Incremental (`incremental: true`): with the manifest of an earlier export in the directory
// (scripts/mirror/manifest.ts), only the resources whose content may have changed are rendered;
// the others keep their files and contribute the links they had. The result equals a full export.
//
// Memory stays flat in the workers: one page is held at a time and downloads are streamed to
// disk. The main thread keeps one small entry per resource (for the manifest and SHA256SUMS).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { translate } from "../../app/i18n/strings";
import { paths } from "../../registry/shared/urls";
import { REGISTER_TIME_ZONE } from "../../registry/lifecycle/sunset";
import { addressFor, fileFor, resolveAddress, MIRROR_LANGS, type FilteredExports, type Lang, type Resource } from "./urls";
import { mirrorRules, type RenderResult, type RenderSetup } from "./render";
import type { FromWorker, ToWorker } from "./worker";
import {
  buildFingerprint,
  decodeResource,
  encodeResource,
  openRegister,
  planExport,
  readManifest,
  readRegisterState,
  writeManifest,
  MANIFEST_FILE,
  type Fingerprint,
  type ManifestEntry,
} from "./manifest";

export type ExportOptions = {
  outDir: string;
  /** The production server build (build/index.js). */
  buildFile: string;
  /** public/ of the app: the fingerprinted CSS and the favicon are copied from there. */
  publicDir: string;
  /** The database the build reads (DATABASE_PATH): the main thread reads the event log and the tools' fingerprints from it. */
  dbFile: string;
  /** The origin pages are rendered at; absolute URLs in the data files use it. */
  origin: string;
  /** Set when `origin` is the register's real public address: links to what is not mirrored then lead there. */
  liveOrigin?: string;
  /** Filtered exports: all, none, or only the row formats ("rows"; scripts/mirror/urls.ts FilteredExports). */
  filteredExports: FilteredExports;
  now: Date;
  /** Worker threads rendering pages (default: one per core). */
  workers?: number;
  /**
   * Reuse an earlier export in outDir: render only what may have changed since (scripts/mirror/manifest.ts).
   * Without a usable manifest, or when the change cannot be narrowed down, the directory is emptied and
   * everything is rendered.
   */
  incremental?: boolean;
  /** Called after every batch; throttle in the caller. */
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
  /** Local paths linked from the pages rendered this time but not mirrored, with how often. */
  unmirrored: Map<string, number>;
  seconds: number;
  /** "full", or "incremental" when an earlier export was reused. */
  mode: "full" | "incremental";
  /** Why an incremental export rendered everything, or what changed. */
  reason: string;
  /** Resources rendered this time, and kept from the earlier export. */
  rendered: number;
  reused: number;
  /** Resources of the earlier export no longer reached, whose files were deleted. */
  removed: number;
  /** Kept feeds whose subtitle got the log's new head. */
  patched: number;
  workers: number;
  /** The resources rendered this time by kind (`kindOf`): how many, the workers' milliseconds, the bytes written. */
  byKind: Map<string, { count: number; ms: number; bytes: number }>;
  /** Seconds the main thread spent before the first resource was handed out (the register's state, the manifest, the plan, the workers' start). */
  setupSeconds: number;
};

/**
 * A resource's kind for the export's profile: its key with tool ids, agency slugs, filters and
 * page numbers generalised ("page /tools/<id>", "data /records.json?<filter>", "page /tools?<filter>&<page>").
 */
export function kindOf(r: Resource): string {
  const q = r.key.indexOf("?");
  const pathPart = (q < 0 ? r.key : r.key.slice(0, q)).replace(/\/[A-Z]{2,5}-\d+(?=\/|\.|$)/g, "/<id>").replace(/^(\/agencies\/)[a-z0-9-]+(?=\/|$)/, "$1<slug>");
  const params = q < 0 ? [] : [...new URLSearchParams(r.key.slice(q + 1)).keys()];
  const query = params.map((k) => (k === "page" ? "<page>" : k === "from" || k === "to" ? "<compare>" : "<filter>"));
  return `${r.kind} ${pathPart}${query.length ? `?${[...new Set(query)].sort().join("&")}` : ""}`;
}

/** Marks a directory as a mirror, so --force may empty it and nothing else. */
export const MIRROR_MARKER = ".register-mirror";
export { MANIFEST_FILE };

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

/** The files a resource is written to. */
function filesOf(r: Resource): string[] {
  const langs: readonly Lang[] = r.kind === "page" || (r.kind === "data" && r.perLang) ? MIRROR_LANGS : ["zh"];
  return langs.map((l) => fileFor(r, l));
}

export function defaultWorkers(): number {
  const env = Number(process.env.MIRROR_WORKERS);
  if (Number.isInteger(env) && env >= 1) return env;
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

const registerDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: REGISTER_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

type Slot = { worker: Worker; busy: boolean };

async function startWorkers(n: number, setup: RenderSetup): Promise<Slot[]> {
  const entry = new URL("./worker.mjs", import.meta.url);
  return Promise.all(
    Array.from({ length: n }, () => {
      const worker = new Worker(entry, { workerData: setup });
      return new Promise<Slot>((resolve, reject) => {
        const onMessage = (m: FromWorker) => {
          worker.off("error", reject);
          if (m.type === "ready") resolve({ worker, busy: false });
          else reject(new Error(m.type === "error" ? m.message : `unexpected ${m.type} from a starting worker`));
        };
        worker.once("message", onMessage);
        worker.once("error", reject);
      });
    }),
  );
}

function ask(slot: Slot, message: ToWorker): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    slot.worker.once("message", (m: FromWorker) => {
      slot.worker.off("error", onError);
      if (m.type === "error") reject(new Error(m.message));
      else resolve(m);
    });
    slot.worker.once("error", onError);
    slot.worker.postMessage(message);
  });
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

function removeFile(outDir: string, rel: string): void {
  const abs = path.join(outDir, ...rel.split("/"));
  fs.rmSync(abs, { force: true });
  // Directories left empty go too: a full export would not have them.
  for (let dir = path.dirname(abs); dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      break;
    }
  }
}

function readSums(outDir: string): Map<string, string> {
  const sums = new Map<string, string>();
  let text = "";
  try {
    text = fs.readFileSync(path.join(outDir, "SHA256SUMS"), "utf8");
  } catch {
    return sums;
  }
  for (const line of text.split("\n")) {
    const sep = line.indexOf("  ");
    if (sep === 64) sums.set(line.slice(66), line.slice(0, 64));
  }
  return sums;
}

export async function exportSite(opts: ExportOptions): Promise<ExportStats> {
  const started = Date.now();
  const outDir = path.resolve(opts.outDir);
  const publicDir = path.resolve(opts.publicDir);
  const date = opts.now.toISOString().slice(0, 10);
  const origin = new URL(opts.origin).origin;
  const workerCount = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));

  const fingerprint: Fingerprint = {
    build: buildFingerprint(opts.buildFile, publicDir),
    options: { origin, liveOrigin: opts.liveOrigin ?? null, filteredExports: opts.filteredExports },
    date,
    registerDay: registerDayFormat.format(opts.now),
  };
  const db = openRegister(opts.dbFile);
  const state = readRegisterState(db);
  const old = opts.incremental ? readManifest(outDir) : null;
  const plan = opts.incremental ? planExport(old, state, fingerprint, db) : ({ full: true, reason: "full export" } as const);
  db.close();

  const stats: ExportStats = {
    pages: 0,
    files: 0,
    bytes: 0,
    redirects: 0,
    notFound: [],
    failed: [],
    unmirrored: new Map(),
    seconds: 0,
    mode: plan.full ? "full" : "incremental",
    reason: plan.full ? plan.reason : plan.summary,
    rendered: 0,
    reused: 0,
    removed: 0,
    patched: 0,
    workers: workerCount,
    byKind: new Map(),
    setupSeconds: 0,
  };

  // What of the earlier export is kept: its entries by resource, and its checksums.
  const oldIndex = new Map<string, number>();
  let oldSums = new Map<string, string>();
  if (!plan.full && old) {
    old.resources.forEach((e, i) => oldIndex.set(e[0], i));
    oldSums = readSums(outDir);
  } else if (fs.existsSync(outDir)) {
    // A full export starts from an empty directory (the caller checked that it is a mirror, or empty).
    for (const e of fs.readdirSync(outDir)) fs.rmSync(path.join(outDir, e), { recursive: true, force: true });
  }

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, MIRROR_MARKER), `Public Algorithm Register static mirror, ${opts.now.toISOString()}\n`);
  // An export that breaks off must not leave a manifest describing files it did not write.
  fs.rmSync(path.join(outDir, MANIFEST_FILE), { force: true });

  const setup: RenderSetup = { outDir, buildFile: opts.buildFile, publicDir, origin, liveOrigin: opts.liveOrigin, filteredExports: opts.filteredExports, date };
  const slots = await startWorkers(workerCount, setup);
  try {
    // Optional routes first, so pages rendered later know whether they can link to them.
    const absent = new Set<string>();
    const rules = mirrorRules(publicDir, opts.filteredExports, absent);
    const optional = OPTIONAL.flatMap((p) => {
      const u = new URL(p, origin);
      const res = resolveAddress(u.pathname, u.searchParams, rules);
      return res.ok ? [res.resource] : [];
    });
    const probed = await ask(slots[0]!, { type: "probe", addresses: optional.map((r) => addressFor(r, "zh")) });
    if (probed.type !== "probed") throw new Error(`unexpected ${probed.type} from a worker`);
    optional.forEach((r, i) => {
      if (probed.statuses[i] === 404) absent.add(r.key);
    });
    for (const s of slots) s.worker.postMessage({ type: "absent", keys: [...absent] } satisfies ToWorker);

    // The crawl. Entries of the new manifest, by resource.
    const entries: { id: string; size: number; files: number; found: string[]; redirects: number; problem: 0 | 1 }[] = [];
    const index = new Map<string, number>();
    const sums = new Map<string, string>();
    const queue: Resource[] = [];
    let next = 0;
    // Counted as they come: progress is reported after every batch, and counting the entries
    // again each time made the crawl's own thread quadratic (at 100,000 records it took as much
    // CPU as a render thread).
    let pages = 0;
    const enqueue = (r: Resource) => {
      const id = encodeResource(r);
      if (index.has(id)) return;
      index.set(id, entries.length);
      entries.push({ id, size: 0, files: 0, found: [], redirects: 0, problem: 0 });
      if (id.startsWith("p:")) pages++;
      queue.push(r);
    };
    const enqueuePath = (p: string) => {
      const u = new URL(p, origin);
      const res = resolveAddress(u.pathname, u.searchParams, rules);
      if (res.ok) enqueue(res.resource);
    };
    for (const r of optional) if (!absent.has(r.key)) enqueue(r);
    START_PAGES.forEach(enqueuePath);
    START_DATA.forEach(enqueuePath);
    // Links to these are not recorded: the start resources are reached in every export. (Assets
    // are: a style sheet may be linked only from some pages, the records of standard 1.1 say.)
    const unrecorded = new Set(entries.map((e) => e.id));
    const recordable = (id: string) => !unrecorded.has(id);

    const subtitle = (lang: Lang, head: { id: number; hash: string }) => `<subtitle>${escapeXml(translate(lang, "feedChainHead", { id: head.id, hash: head.hash }))}</subtitle>`;
    /** Writes the new head of the log into a kept feed's subtitle; null when the old one is not there exactly once. */
    const patchFeedHeads = (r: Resource, files: string[]): { sha256: string; delta: number }[] | null => {
      if (!old?.head || !state.head) return null;
      const langs: readonly Lang[] = r.kind === "data" && r.perLang ? MIRROR_LANGS : ["zh"];
      const updates: { abs: string; text: string; sha256: string; delta: number }[] = [];
      for (const [k, rel] of files.entries()) {
        const abs = path.join(outDir, ...rel.split("/"));
        let text: string;
        try {
          text = fs.readFileSync(abs, "utf8");
        } catch {
          return null;
        }
        const from = subtitle(langs[k]!, old.head);
        const at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) return null;
        const next = text.slice(0, at) + subtitle(langs[k]!, state.head) + text.slice(at + from.length);
        const buf = Buffer.from(next, "utf8");
        updates.push({ abs, text: next, sha256: crypto.createHash("sha256").update(buf).digest("hex"), delta: buf.length - Buffer.byteLength(text, "utf8") });
      }
      for (const u of updates) fs.writeFileSync(u.abs, u.text);
      return updates;
    };

    /** Keeps a resource of the earlier export as it is, if its content cannot have changed. */
    const reuse = (r: Resource, id: string): boolean => {
      if (plan.full || !old) return false;
      const i = oldIndex.get(id);
      if (i === undefined || plan.dirty(i)) return false;
      const files = filesOf(r);
      const kept = files.map((f) => oldSums.get(f));
      if (kept.some((s) => s === undefined)) return false;
      const [, oldSize, count, links, redirects] = old.resources[i]! as ManifestEntry;
      if (count !== files.length) return false;
      let size = oldSize;
      if (plan.headMoved && r.kind === "data" && r.key.endsWith(".atom")) {
        // The feed's one line that follows the log's head (app/atom.server.ts), written anew.
        const patched = patchFeedHeads(r, files);
        if (!patched) return false;
        patched.forEach((p, k) => {
          kept[k] = p.sha256;
          size += p.delta;
        });
        stats.patched++;
      }
      files.forEach((f, k) => sums.set(f, kept[k]!));
      const e = entries[index.get(id)!]!;
      Object.assign(e, { size, files: count, redirects, found: links.map((l) => old.resources[l]![0]) });
      for (const l of e.found) enqueue(decodeResource(l));
      stats.reused++;
      return true;
    };

    const accept = (res: RenderResult) => {
      const id = encodeResource(res.resource);
      const kind = kindOf(res.resource);
      const k = stats.byKind.get(kind) ?? { count: 0, ms: 0, bytes: 0 };
      k.count++;
      k.ms += res.ms;
      for (const f of res.files) k.bytes += f.size;
      stats.byKind.set(kind, k);
      const e = entries[index.get(id)!]!;
      for (const f of res.files) {
        // Two URLs mapping to one file would silently lose one of them: a bug in the URL mapping.
        if (sums.has(f.rel)) throw new Error(`two resources map to the same file: ${f.rel}`);
        sums.set(f.rel, f.sha256);
        e.size += f.size;
        e.files++;
      }
      e.redirects = res.redirects;
      e.problem = res.notFound.length || res.failed.length ? 1 : 0;
      const found = new Set<string>();
      for (const f of res.found) {
        enqueue(f);
        const fid = encodeResource(f);
        if (recordable(fid)) found.add(fid);
      }
      e.found = [...found];
      stats.notFound.push(...res.notFound);
      stats.failed.push(...res.failed);
      for (const p of res.unmirrored) {
        const group = p.replace(/\/[A-Z]{2,5}-\d+(?=\/|$)/g, "/<id>");
        stats.unmirrored.set(group, (stats.unmirrored.get(group) ?? 0) + 1);
      }
      stats.rendered++;
    };

    const report = () => {
      stats.pages = pages;
      stats.files = sums.size;
      stats.seconds = (Date.now() - started) / 1000;
      opts.progress?.(stats);
    };

    /** The next resources to render: kept ones are settled on the way. */
    const take = (): Resource[] => {
      const batch: Resource[] = [];
      // Small batches while the queue is short, so every worker has work; larger ones cost fewer messages.
      const size = Math.max(1, Math.min(8, Math.floor((queue.length - next) / (2 * slots.length))));
      while (batch.length < size && next < queue.length) {
        const r = queue[next++]!;
        for (const p of companions(r)) enqueuePath(p);
        if (!reuse(r, encodeResource(r))) batch.push(r);
      }
      // Release what has been processed: the queue of a large register would otherwise keep every entry.
      if (next >= 10_000) {
        queue.splice(0, next);
        next = 0;
      }
      return batch;
    };

    stats.setupSeconds = (Date.now() - started) / 1000;
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const pump = () => {
        if (failed) return;
        try {
          for (const slot of slots) {
            if (slot.busy) continue;
            const batch = take();
            if (!batch.length) break;
            slot.busy = true;
            slot.worker.postMessage({ type: "batch", resources: batch } satisfies ToWorker);
          }
          if (slots.every((s) => !s.busy) && next >= queue.length) resolve();
        } catch (e) {
          failed = true;
          reject(e);
        }
      };
      for (const slot of slots) {
        slot.worker.on("message", (m: FromWorker) => {
          if (failed) return;
          if (m.type === "error") {
            failed = true;
            reject(new Error(m.message));
            return;
          }
          if (m.type !== "done") return;
          slot.busy = false;
          try {
            m.results.forEach(accept);
          } catch (e) {
            failed = true;
            reject(e);
            return;
          }
          report();
          pump();
        });
        slot.worker.on("error", (e) => {
          failed = true;
          reject(e);
        });
      }
      pump();
    });

    // What the earlier export had and this one no longer reaches.
    if (!plan.full && old) {
      for (const e of old.resources) {
        if (index.has(e[0])) continue;
        stats.removed++;
        for (const f of filesOf(decodeResource(e[0]))) if (!sums.has(f)) removeFile(outDir, f);
      }
    }

    await writeStartPage(outDir, date, sums);
    const sizes = entries.reduce((n, e) => n + e.size, 0);
    stats.bytes = sizes + fs.statSync(path.join(outDir, "index.html")).size;
    stats.redirects = entries.reduce((n, e) => n + e.redirects, 0);
    report();
    // Sorted by file name, so the file does not depend on which worker finished first.
    const names = [...sums.keys()].sort();
    fs.writeFileSync(path.join(outDir, "SHA256SUMS"), names.map((n) => `${sums.get(n)}  ${n}\n`).join(""));
    // Written after SHA256SUMS, so it can state the final counts; not itself checksummed.
    // With a BOM, browsers and editors read the Chinese lines as UTF-8 even when a server sends no charset.
    fs.writeFileSync(path.join(outDir, "README.txt"), `\uFEFF${readme(opts, stats, date)}`);
    stats.notFound.sort();
    stats.failed.sort();
    // In resource order, not crawl order, so the manifest too is the same whatever the workers did.
    entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    entries.forEach((e, i) => index.set(e.id, i));
    writeManifest(outDir, {
      ...fingerprint,
      head: state.head,
      pageVersion: state.pageVersion,
      agencies: state.agencies,
      tools: Object.fromEntries([...state.tools].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      resources: entries.map((e) => [e.id, e.size, e.files, e.found.map((f) => index.get(f)!).sort((a, b) => a - b), e.redirects, e.problem] as ManifestEntry),
    });
  } finally {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
  stats.seconds = (Date.now() - started) / 1000;
  return stats;
}

/** index.html at the root: both languages, the main downloads and how the copy was made. */
async function writeStartPage(outDir: string, date: string, sums: Map<string, string>): Promise<void> {
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
  const buf = Buffer.from(html, "utf8");
  fs.writeFileSync(path.join(outDir, "index.html"), buf);
  sums.set("index.html", crypto.createHash("sha256").update(buf).digest("hex"));
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
  - The exports unfiltered and${
    opts.filteredExports === true
      ? " with each single filter a mirrored list page offers"
      : opts.filteredExports === "rows"
        ? " with each single filter a mirrored list page offers, except the whole records\n    (records.json .ndjson) and the other registers' formats (interop/), mirrored unfiltered\n    only: their download links on filtered lists lead to the unfiltered files"
        : " (filtered exports were not mirrored: the download links of filtered lists lead to the unfiltered files)"
  }.

What is not
  Searching, comments, reports of errors or unregistered tools, signing in, and the JSON API
  (/api/v1) work only on the live register. Absolute URLs inside the data files (the record URL
  in every row, feed links) point at the live register's address, ${opts.origin}.
`;
}
