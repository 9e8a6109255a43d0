// The server's cache of rendered public pages. A page is rendered once per version of the
// register (see registry/shared/page-version.server.ts) and language, then served from memory: the
// first request that sees a new version empties the cache, so no page outlives a change. Kept
// to a byte budget, least recently used first out (nearly: a page among the newer half is not
// moved to the newest end again on every hit, see get()).
//
// A page may say what it was made from (`deps`, a list page's selection: app/page-cache.server.ts).
// Such pages are not dropped when the version moves: they wait in `previous`, and the first
// request for one at the new version asks `carry(page, from, to)` whether the change left it as it
// was (registry/records/page-deps.server.ts); if so it is kept under the new version, else
// rendered again. So a write in one county does not empty the cached lists of every other.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { joinHead, sendWhole } from "./whole-head.mjs";

export class PageCache {
  /**
   * @param {{ maxBytes?: number, carry?: (page: CachedPage, from: string, to: string) => boolean }} [opts]
   *   carry: whether a page made at version `from` (and declaring its deps) is the same at `to`
   */
  constructor(opts = {}) {
    this.maxBytes = opts.maxBytes ?? 128 * 1024 * 1024;
    this.carry = opts.carry ?? null;
    /** @type {Map<string, CachedPage>} pages of earlier versions that declared deps */
    this.previous = new Map();
    /** Bytes of the pages in `previous`: they count towards the budget too. */
    this.previousBytes = 0;
    this.version = null;
    this.bytes = 0;
    /** @type {Map<string, CachedPage>} insertion order is recency order */
    this.pages = new Map();
    /** Pages added or moved to the newest end so far (see get()). */
    this.moves = 0;
    this.stats = { hits: 0, misses: 0, stores: 0, clears: 0, carried: 0, dropped: 0 };
  }

  #useVersion(version) {
    if (version === this.version) return;
    if (this.pages.size) this.stats.clears++;
    if (this.carry) {
      // This version's pages, then earlier versions' not asked for since, within the budget
      // (the oldest are the first out when new pages need the room, see set()).
      const previous = new Map();
      let bytes = 0;
      for (const m of [this.previous, this.pages])
        for (const [k, p] of m) {
          if (!p.deps) continue;
          if (previous.has(k)) {
            bytes -= previous.get(k).size();
            previous.delete(k);
          }
          previous.set(k, p);
          bytes += p.size();
        }
      this.previous = previous;
      this.previousBytes = bytes;
    }
    this.pages.clear();
    this.bytes = 0;
    this.version = version;
  }

  /** The page for `key` if it was rendered at `version`. */
  get(version, key) {
    if (version !== this.version) this.#useVersion(version);
    const page = this.pages.get(key) ?? this.#carried(version, key);
    if (page === undefined) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    // Recency: the page moves to the newest end, unless fewer pages than half the cache were
    // added or moved since it last was (then it is in the newer half already, and the oldest
    // are evicted first): a popular page is not re-inserted on every hit.
    if (this.moves - page.movedAt > this.pages.size >>> 1) {
      this.pages.delete(key);
      this.pages.set(key, page);
      page.movedAt = ++this.moves;
    }
    return page;
  }

  /** A page of an earlier version that the change left as it was, now kept under `version`. */
  #carried(version, key) {
    const old = this.previous.get(key);
    if (old === undefined) return undefined;
    this.previous.delete(key);
    this.previousBytes -= old.size();
    if (!this.carry(old, old.version, version)) {
      this.stats.dropped++;
      return undefined;
    }
    this.stats.carried++;
    this.set(version, key, old);
    return old;
  }

  /**
   * Stores a page rendered at `version` (read before rendering: if the register changed while
   * the page was rendered, the page is stored under the old version and never served).
   */
  set(version, key, page) {
    if (this.version === null) this.#useVersion(version);
    // Rendered before a change another request has already seen: do not keep it.
    if (version !== this.version) return;
    const old = this.pages.get(key);
    if (old) {
      this.bytes -= old.size();
      this.pages.delete(key);
    }
    if (page.size() > this.maxBytes / 8) return;
    page.version = version;
    this.pages.set(key, page);
    page.movedAt = ++this.moves;
    this.bytes += page.size();
    this.stats.stores++;
    for (const [k, p] of this.previous) {
      if (this.bytes + this.previousBytes <= this.maxBytes) break;
      this.previous.delete(k);
      this.previousBytes -= p.size();
    }
    for (const [k, p] of this.pages) {
      if (this.bytes + this.previousBytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= p.size();
    }
  }
}

export class CachedPage {
  /**
   * @param {number} status
   * @param {Record<string, string>} headers without Content-Length and Content-Encoding
   * @param {Buffer} body
   * @param {string} vary what the page's bytes depend on besides its address: a /zh or /en page
   *   does not depend on Accept-Language (server.mjs)
   * @param {string} [etag] the ETag made from these bytes already (a page a sibling worker rendered)
   */
  constructor(status, headers, body, vary = "Accept-Encoding, Accept-Language, Cookie", etag = undefined) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.vary = vary;
    // Weak: the same page is sent plain or compressed.
    this.etag = etag ?? `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    /** @type {Buffer | null} made on first use */
    this.gzipped = null;
    // Raw header lists, built once: the hit path only writes them out.
    const base = Object.entries({ ...headers, ETag: this.etag, Vary: vary }).flat();
    this.notModifiedHead = [...base, "X-Page-Cache", "hit"];
    this.plainHead = [...base, "X-Page-Cache", "hit", "Content-Length", String(body.length)];
    this.gzipHead = null;
    // The same heads checked and joined once (server/whole-head.mjs); null: writeHead writes it.
    this.plainText = joinedHead(status, this.plainHead);
    this.gzipText = null;
    /** When the cache last moved it to its newest end (PageCache.moves). */
    this.movedAt = 0;
    /** The version it was stored under, and what it was made from (null: anything). */
    this.version = null;
    this.deps = null;
  }

  size() {
    return this.body.length + (this.gzipped?.length ?? 0) + 512;
  }

  gzip() {
    if (!this.gzipped) {
      this.gzipped = gzipSync(this.body, { level: 6 });
      this.gzipHead = [...this.notModifiedHead, "Content-Encoding", "gzip", "Content-Length", String(this.gzipped.length)];
      this.gzipText = joinedHead(this.status, this.gzipHead);
    }
    return this.gzipped;
  }
}

/** joinHead, or null for a head writeHead would refuse (it then refuses it, as before). */
function joinedHead(status, head) {
  try {
    return joinHead(status, head);
  } catch {
    return null;
  }
}

/** Whether an If-None-Match header matches the ETag (weak comparison). */
export function etagMatches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  const bare = (t) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => bare(t) === bare(etag));
}

// Whether an Accept-Encoding header accepts gzip, for the last header seen: clients of one kind
// send the same one.
let lastAcceptEncoding = "";
let lastAcceptsGzip = false;
function acceptsGzip(header = "") {
  if (header !== lastAcceptEncoding) [lastAcceptEncoding, lastAcceptsGzip] = [header, /\bgzip\b/.test(header)];
  return lastAcceptsGzip;
}

/** Sends a cached page on a node:http response: 304 to a matching If-None-Match, gzip when accepted. */
export function sendCachedPage(req, res, page, state = "hit") {
  const h = req.headers;
  const inm = h["if-none-match"];
  const fresh = inm !== undefined && etagMatches(inm, page.etag);
  const gzip = !fresh && page.body.length > 1024 && acceptsGzip(h["accept-encoding"]);
  const body = gzip ? page.gzip() : page.body;
  let head = fresh ? page.notModifiedHead : gzip ? page.gzipHead : page.plainHead;
  if (fresh || state !== "hit") {
    if (state !== "hit") head = head.map((v, i) => (head[i - 1] === "X-Page-Cache" ? state : v));
    res.writeHead(fresh ? 304 : page.status, head);
    res.end(fresh || req.method === "HEAD" ? undefined : body);
    return;
  }
  // A hit: its head was joined when the page was stored.
  sendWhole(req, res, page.status, gzip ? page.gzipText : page.plainText, head, body);
}
