// The incremental export's memory: `.mirror-manifest.json` in the mirror, written by every
// export, and the plan that decides which resources a later export into the same directory must
// render again.
//
// What a mirrored resource shows depends on (a) the code that renders it (the build), (b) the
// export's options, (c) the day (sunset states, consultation windows and the mirror's banner
// date change at midnight with nothing written), (d) the agencies, and (e) the tools and what
// hangs off them (revisions, decisions, comments, incidents, findings). The manifest keeps, as of
// the last export: a fingerprint of (a)-(d), the head of the event log (id and hash), the
// page_version counter, two hashes per tool (its whole projection row with its agencies and data
// categories; and the part that decides where it lands in lists and facet counts: everything
// but its summary, place, retirement reason, counts, other-language texts and timestamps), and
// per resource its size, file count and the conditional resources it links to.
//
// The plan (correctness first):
//   - Everything is rendered again (a full export) when there is no usable manifest, or the build,
//     the options, the day or any agency changed, or the event log does not continue the one the
//     manifest names (a restore, a rewritten log), or an event that names no tool and is not an
//     account event (which only the log shows) was appended, or page_version moved while no event
//     was appended and no tool changed (a public change the log does not name).
//   - Otherwise the changed tools T are those named by new events plus those whose row hash
//     changed. Rendered again are:
//       * the cross-cutting resources, always: home, /agencies, /standard (and its schemas),
//         /sunsets, /incidents and /log (every page), /unregistered, /api, the unfiltered
//         exports and the register-wide feeds. Their content moves with any change anywhere
//         (counts, ordering, paging), and they are few, except the unfiltered exports;
//       * every resource of a tool in T (page, history and its comparisons, JSON, feed);
//       * no kept Atom feed is rendered again only because events were appended, although each
//         names the log's head in its subtitle (app/atom.server.ts): the export replaces the old
//         head's subtitle with the new one in the file (exactly once, else it renders the feed);
//       * every resource whose recorded links include a resource of a tool in T (a list page
//         showing its card, an agency page listing it, another tool page naming it);
//       * the agency pages and feeds of T's agencies now;
//       * if a tool's list hash changed, or a tool appeared or went: every /tools list page,
//         every filtered export and every agency page (counts, order and paging can move
//         anywhere); otherwise the filtered exports whose filter's list pages link to a tool in T;
//       * every resource that is new, or that reported a problem last time.
//     Everything else is kept as it is on disk. The crawl runs as in a full export: a kept
//     resource contributes its recorded links, so the set of resources is exactly the set a full
//     export reaches, and resources no longer reached are deleted with their files.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import Database from "better-sqlite3";
import type { Resource } from "./urls";

export const MANIFEST_FILE = ".mirror-manifest.json";
const FORMAT = 1;

/** A resource as one string: kind letter and key ("p:/tools", "D:/changes.atom" for per-language data). */
export function encodeResource(r: Resource): string {
  return `${r.kind === "page" ? "p" : r.kind === "asset" ? "a" : r.perLang ? "D" : "d"}:${r.key}`;
}

export function decodeResource(s: string): Resource {
  const key = s.slice(2);
  switch (s[0]) {
    case "p":
      return { kind: "page", key };
    case "a":
      return { kind: "asset", key };
    case "D":
      return { kind: "data", key, perLang: true };
    default:
      return { kind: "data", key, perLang: false };
  }
}

/** [resource, bytes, files, indices of the conditional resources it links to, redirects, 1 if it reported a problem] */
export type ManifestEntry = [string, number, number, number[], number, 0 | 1];

export type Fingerprint = {
  build: string;
  options: { origin: string; liveOrigin: string | null; filteredExports: boolean | "rows" };
  /** The export date (UTC, as the banner shows it) and the register's day (its time zone). */
  date: string;
  registerDay: string;
};

export type Manifest = Fingerprint & {
  format: number;
  head: { id: number; hash: string } | null;
  pageVersion: number;
  agencies: string;
  /** Tool id -> [row hash, list hash]. */
  tools: Record<string, [string, string]>;
  resources: ManifestEntry[];
};

export type RegisterState = {
  head: { id: number; hash: string } | null;
  pageVersion: number;
  agencies: string;
  tools: Map<string, [string, string]>;
};

/** Columns of `tools` that only a tool's own card and pages show: a change to them moves no list. */
const CARD_ONLY_COLUMNS = new Set(["summary_zh", "summary_en", "place_zh", "place_en", "retirement_reason_zh", "retirement_reason_en", "texts_other", "incident_count", "comment_count", "created_at", "updated_at"]);

const h = (s: string) => crypto.createHash("sha1").update(s).digest("base64url").slice(0, 16);

export function openRegister(dbFile: string): Database.Database {
  return new Database(dbFile, { readonly: true, fileMustExist: true });
}

/** The register as the manifest fingerprints it, read in one read transaction. */
export function readRegisterState(db: Database.Database): RegisterState {
  return db.transaction(() => {
    const head = (db.prepare(`SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`).get() as { id: number; hash: string } | undefined) ?? null;
    const pageVersion = (db.prepare(`SELECT version FROM page_version WHERE id = 1`).get() as { version: number } | undefined)?.version ?? 0;
    const agencies = h(JSON.stringify(db.prepare(`SELECT * FROM agencies ORDER BY id`).raw().all()));
    const links = new Map<number, string[]>();
    for (const r of db.prepare(`SELECT tool_seq, agency_id, role FROM tool_agencies ORDER BY tool_seq, agency_id, role`).all() as { tool_seq: number; agency_id: number; role: string }[]) {
      const l = links.get(r.tool_seq) ?? [];
      l.push(`a${r.agency_id}/${r.role}`);
      links.set(r.tool_seq, l);
    }
    for (const r of db.prepare(`SELECT tool_seq, category FROM tool_data_categories ORDER BY tool_seq, category`).all() as { tool_seq: number; category: string }[]) {
      const l = links.get(r.tool_seq) ?? [];
      l.push(`c${r.category}`);
      links.set(r.tool_seq, l);
    }
    const tools = new Map<string, [string, string]>();
    const stmt = db.prepare(`SELECT * FROM tools`);
    const columns = stmt.columns().map((c) => c.name);
    const listColumns = columns.map((c) => !CARD_ONLY_COLUMNS.has(c) && c !== "published_revision_id");
    const publishedAt = columns.indexOf("published_revision_id");
    const idAt = columns.indexOf("id");
    const seqAt = columns.indexOf("seq");
    for (const row of stmt.raw().iterate() as Iterable<unknown[]>) {
      const extra = (links.get(row[seqAt] as number) ?? []).join(",");
      const all = JSON.stringify(row);
      // Which revision is published does not move a list; whether one is, does.
      const list = JSON.stringify([row[publishedAt] !== null, ...row.filter((_, i) => listColumns[i])]);
      tools.set(String(row[idAt]), [h(`${all}|${extra}`), h(`${list}|${extra}`)]);
    }
    return { head, pageVersion, agencies, tools };
  })();
}

export function readManifest(outDir: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), "utf8")) as Manifest;
    return m.format === FORMAT && Array.isArray(m.resources) ? m : null;
  } catch {
    return null;
  }
}

export function writeManifest(outDir: string, m: Omit<Manifest, "format">): void {
  const tmp = path.join(outDir, `${MANIFEST_FILE}.tmp`);
  // One resource a line: the file stays readable and diffable.
  const { resources, tools, ...head } = m;
  const out = fs.openSync(tmp, "w");
  try {
    fs.writeSync(out, `{"format":${FORMAT},${JSON.stringify(head).slice(1, -1)},"tools":${JSON.stringify(tools)},"resources":[\n`);
    let chunk: string[] = [];
    resources.forEach((e, i) => {
      chunk.push(JSON.stringify(e) + (i < resources.length - 1 ? ",\n" : "\n"));
      if (chunk.length >= 5000) {
        fs.writeSync(out, chunk.join(""));
        chunk = [];
      }
    });
    fs.writeSync(out, chunk.join("") + "]}\n");
  } finally {
    fs.closeSync(out);
  }
  fs.renameSync(tmp, path.join(outDir, MANIFEST_FILE));
}

// ---------------------------------------------------------------- families of resources

const TOOL_RESOURCE = /^\/tools\/([A-Za-z0-9-]{1,40})(?:\.json|\/history(?:\.json)?|\/changes\.atom)?(?:\?|$)/;
const AGENCY_RESOURCE = /^\/agencies\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/changes\.atom)?$/;
const LIST_PAGE = /^\/tools(?:\?|$)/;
/** Exports that take the list's filters (scripts/mirror/urls.ts `toolExport`). */
const FILTERED_EXPORT = /^\/(?:tools\.(?:csv|json|ndjson)|records\.(?:json|ndjson)|interop\/[a-z0-9-]+\.(?:csv|json)|(?:tools\/data-elements|agencies|incidents|findings|comments)\.csv)\?/;

export type Family = { type: "tool"; id: string } | { type: "agency"; slug: string } | { type: "list"; filter: string } | { type: "export"; filter: string } | { type: "always" };

function filterOf(key: string): string {
  const q = key.indexOf("?");
  if (q < 0) return "";
  const params = new URLSearchParams(key.slice(q + 1));
  params.delete("page");
  return params.toString();
}

export function familyOf(encoded: string): Family {
  const kind = encoded[0];
  const key = encoded.slice(2);
  if (kind === "a") return { type: "always" };
  const tool = TOOL_RESOURCE.exec(key);
  if (tool) return { type: "tool", id: tool[1]! };
  const agency = AGENCY_RESOURCE.exec(key);
  if (agency) return { type: "agency", slug: agency[1]! };
  if (kind === "p" && LIST_PAGE.test(key)) return { type: "list", filter: filterOf(key) };
  if (kind !== "p" && FILTERED_EXPORT.test(key)) return { type: "export", filter: filterOf(key) };
  return { type: "always" };
}

// ---------------------------------------------------------------- the plan

export type Plan =
  | { full: true; reason: string }
  | {
      full: false;
      changedTools: Set<string>;
      listChanged: boolean;
      /** True for an entry of the old manifest that must be rendered again. */
      dirty: (index: number) => boolean;
      /**
       * Events were appended: every Atom feed names the log's head in its subtitle
       * (app/atom.server.ts), so a kept feed gets the new head written into it (export.ts).
       */
      headMoved: boolean;
      summary: string;
    };

export function planExport(old: Manifest | null, cur: RegisterState, fp: Fingerprint, db: Database.Database): Plan {
  if (!old) return { full: true, reason: "no manifest of an earlier export" };
  if (old.build !== fp.build) return { full: true, reason: "the build changed" };
  if (JSON.stringify(old.options) !== JSON.stringify(fp.options)) return { full: true, reason: "the export options changed" };
  if (old.date !== fp.date || old.registerDay !== fp.registerDay) return { full: true, reason: "the day changed (sunset states and the banner date move with it)" };
  if (old.agencies !== cur.agencies) return { full: true, reason: "an agency changed" };
  if (old.head) {
    const at = db.prepare(`SELECT hash FROM events WHERE id = ?`).get(old.head.id) as { hash: string } | undefined;
    if (at?.hash !== old.head.hash) return { full: true, reason: "the event log does not continue the one of the last export" };
  }
  const changed = new Set<string>();
  const events = db.prepare(`SELECT id, kind, tool_id FROM events WHERE id > ? ORDER BY id`).all(old.head?.id ?? 0) as { id: number; kind: string; tool_id: string | null }[];
  for (const e of events) {
    if (e.tool_id) changed.add(e.tool_id);
    // Account events appear on the log pages only, which are always rendered.
    else if (!e.kind.startsWith("account_")) return { full: true, reason: `event ${e.id} (${e.kind}) names no single tool` };
  }
  let listChanged = false;
  for (const [id, [row, list]] of cur.tools) {
    const was = old.tools[id];
    if (!was) {
      changed.add(id);
      listChanged = true;
    } else {
      if (was[0] !== row) changed.add(id);
      if (was[1] !== list) listChanged = true;
    }
  }
  for (const id of Object.keys(old.tools)) {
    if (!cur.tools.has(id)) {
      changed.add(id);
      listChanged = true;
    }
  }
  if (!events.length && !changed.size && old.pageVersion !== cur.pageVersion) {
    return { full: true, reason: "a public change the event log does not name (page_version moved)" };
  }

  // The agencies of the changed tools now (their pages list them).
  const dirtyAgencies = new Set<string>();
  const agencyOf = db.prepare(`SELECT a.slug FROM tools t JOIN tool_agencies ta ON ta.tool_seq = t.seq JOIN agencies a ON a.id = ta.agency_id WHERE t.id = ?`).pluck();
  for (const id of changed) for (const slug of agencyOf.all(id) as string[]) dirtyAgencies.add(slug);

  const families = old.resources.map((e) => familyOf(e[0]));
  const linksChanged = old.resources.map((e) => e[3].some((i) => {
    const f = families[i];
    return f?.type === "tool" && changed.has(f.id);
  }));
  const dirtyFilters = new Set<string>();
  old.resources.forEach((_, i) => {
    const f = families[i]!;
    if (f.type === "list" && linksChanged[i]) dirtyFilters.add(f.filter);
    if (f.type === "agency" && linksChanged[i]) dirtyAgencies.add(f.slug);
  });
  const dirty = (i: number): boolean => {
    const e = old.resources[i]!;
    if (e[5] || linksChanged[i]) return true;
    const f = families[i]!;
    switch (f.type) {
      case "always":
        return true;
      case "tool":
        return changed.has(f.id);
      case "agency":
        return listChanged || dirtyAgencies.has(f.slug);
      case "list":
        return listChanged;
      case "export":
        return listChanged || dirtyFilters.has(f.filter);
    }
  };
  const summary = `${events.length} new event${events.length === 1 ? "" : "s"}, ${changed.size} changed tool${changed.size === 1 ? "" : "s"}${listChanged ? ", lists moved" : ""}`;
  return { full: false, changedTools: changed, listChanged, dirty, headMoved: events.length > 0, summary };
}

/** The build's identity: its server bundle and the names of its fingerprinted assets. */
export function buildFingerprint(buildFile: string, publicDir: string): string {
  const hash = crypto.createHash("sha256").update(fs.readFileSync(buildFile));
  const assets = path.join(publicDir, "build");
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.relative(assets, path.join(dir, e.name))]));
  if (fs.existsSync(assets)) hash.update(walk(assets).sort().join("\n"));
  return hash.digest("hex").slice(0, 32);
}
