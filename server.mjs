// The production server: Express around the Remix build, one worker process per core
// (node:cluster), with a cache of rendered public pages in each worker.
//
// It exists (instead of remix-serve) so loaders and actions learn the client's address, which
// rate limiting needs, so "behind HTTPS" is decided in one place, and for the page cache: a
// public page (one whose routes declare PUBLIC_PAGE, asked for without a session) is rendered
// once per version of the register and language and then answered from memory, before Express
// is even entered. The version is a counter the database bumps on every public change (from
// any process), plus the day. A cache hit reads nothing from the database: each worker holds the
// version and reads it again at most every 5 ms, and at once after a request it rendered (which
// may have written); a worker that saw it move tells its siblings through the primary. So a
// change shows on the next request in the worker that made it, at once in its siblings, and
// within 5 ms (plus the next request) when another process made it. See docs/scaling.md and
// server/page-version.mjs. A page missing from the cache is rendered once per machine: the first
// worker to ask renders it, the others wait for that render and keep its page too
// (server/render-share.mjs; RENDER_SHARE=off turns it off).
//
//   PORT             port to listen on (default 3000)
//   HOST             address to bind (default all)
//   WEB_CONCURRENCY  worker processes (default: one per core; 1 runs without cluster)
//   PAGE_CACHE_MB    page cache budget per worker (default 128; 0 turns the cache off)
//   PAGE_VERSION_MAX_AGE_MS  how old the page cache's version a worker holds may grow before it
//                    reads it again (default 5): the bound on how late another process's change
//                    shows. Tests raise it to show that siblings learn of a change by message.
//   TRUST_PROXY      set when a reverse proxy terminates TLS: the number of proxies in front
//                    (e.g. 1), "loopback", or the proxies' addresses/subnets, comma-separated
//                    (see Express "trust proxy"). Then X-Forwarded-For gives the client address
//                    and X-Forwarded-Proto=https makes session cookies Secure. Checked at start:
//                    a value Express would choke on stops the server with a message.
//   RENDER_CONCURRENCY, RENDER_QUEUE  renders one worker runs at once (default 4) and may keep
//                    waiting (default 64); more are answered 503 with Retry-After.
//   WARM_UP          "off" skips the renders a worker makes before it listens (app/http/warm-up.ts)
//   JOINED_HEADS     "off" has node:http write every cache hit's head anew (server/whole-head.mjs)
//
// Before any route runs, every request passes the request policy (app/http/): a body over its
// limit is refused with 413 before it is read (chunked bodies too), a form a browser says came
// from another site with 403, a public page asked for with parameters it does not read is
// redirected to its canonical address, and every answer carries the security headers.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler as createFetchHandler } from "@remix-run/node";
import { CachedPage, PageCache, sendCachedPage } from "./server/page-cache.mjs";
import { PAGE_VERSION_MESSAGE, PageVersionClock } from "./server/page-version.mjs";
import { RenderQueue, restartDelay, sendBody, trustProxySetting } from "./server/limits.mjs";
import { RenderShare, renderShareRelay, sharedPage } from "./server/render-share.mjs";
import { useJoinedHeads } from "./server/whole-head.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()));
const versionMaxAgeMs = Number(process.env.PAGE_VERSION_MAX_AGE_MS ?? 5);
if (!Number.isFinite(versionMaxAgeMs) || versionMaxAgeMs < 0 || versionMaxAgeMs > 3_600_000) {
  console.error(`PAGE_VERSION_MAX_AGE_MS must be a number of milliseconds from 0 to 3600000, got "${process.env.PAGE_VERSION_MAX_AGE_MS}"`);
  process.exit(1);
}

let trustProxy;
try {
  trustProxy = trustProxySetting(process.env.TRUST_PROXY);
} catch (e) {
  // Checked before any worker starts: a bad value stops the server once, with the reason,
  // instead of killing every worker on start-up forever.
  console.error(e.message);
  process.exit(1);
}

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  // A worker that dies soon after starting is started again after a growing pause (up to 30 s),
  // so a fault on start-up does not become a busy loop.
  let quickDeaths = 0;
  const startedAt = new Map();
  // Rendered pages travel between workers as buffers (server/render-share.mjs), not as JSON.
  cluster.setupPrimary({ serialization: "advanced" });
  const fork = () => startedAt.set(cluster.fork().id, Date.now());
  const live = () => Object.values(cluster.workers ?? {}).flatMap((w) => (w?.isConnected() ? [{ id: w.id, send: (m) => w.send(m, () => {}) }] : []));
  const renders = renderShareRelay({ workers: live });
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    renders.onExit(worker.id);
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    quickDeaths = lived < 10_000 ? quickDeaths + 1 : 0;
    const delay = restartDelay(quickDeaths);
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another${delay ? ` in ${delay} ms` : ""}`);
    setTimeout(() => !stopping && fork(), delay);
  });
  // A worker that changed the register tells the primary, which tells the others: they read the
  // page cache's version again on their next request (server/page-version.mjs).
  cluster.on("message", (from, message) => {
    // A worker claims the render of a page, or shares the page it rendered.
    if (renders.onMessage({ id: from.id, send: (m) => from.isConnected() && from.send(m, () => {}) }, message)) return;
    if (message?.type !== PAGE_VERSION_MESSAGE) return;
    for (const w of Object.values(cluster.workers ?? {})) if (w && w !== from && w.isConnected()) w.send(message, () => {});
  });
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === workers) console.log(`Public Algorithm Register on http://localhost:${port} (${process.env.NODE_ENV ?? "development"}, ${workers} workers)`);
  });
  for (const signal of ["SIGINT", "SIGTERM"])
    process.on(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill(signal);
      setTimeout(() => process.exit(0), 5000).unref();
      cluster.on("exit", () => {
        if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      });
    });
} else {
  await startWorker();
}

async function startWorker() {
  const build = await import(path.join(here, "build/index.js"));
  const entry = build.entry.module;
  // The list index is built before the worker listens (app/entry.server.tsx).
  await entry.warmUp();
  const cacheBytes = Number(process.env.PAGE_CACHE_MB ?? 128) * 1024 * 1024;
  // A page that declared what it was made from is kept across a change that did not touch it
  // (server/page-cache.mjs); PAGE_CARRY=off renders every page again after any change.
  const carry = process.env.PAGE_CARRY === "off" ? undefined : (page, from, to) => entry.pageUnchanged(page.deps, from, to);
  const cache = cacheBytes > 0 ? new PageCache({ maxBytes: cacheBytes, carry }) : null;
  const versions = new PageVersionClock({ read: () => entry.pageCacheVersion(), maxAgeMs: versionMaxAgeMs });
  // Renders shared with the sibling workers (server/render-share.mjs): a page a sibling rendered
  // is kept here too when it is of the version this worker holds (read again if it lags).
  const share =
    cache && cluster.isWorker && process.env.RENDER_SHARE !== "off"
      ? new RenderShare({
          send: (m) => process.send(m, () => {}),
          receive: (p) => {
            const page = new CachedPage(p.status, p.headers, p.body, p.vary, p.etag);
            page.deps = p.deps ?? null;
            try {
              if (versions.current() !== p.version) versions.stale();
              if (versions.current() === p.version) cache.set(p.version, p.key, page);
            } catch {
              // No version to trust: the page still answers the requests that waited for it.
            }
            return page;
          },
        })
      : null;
  if (cluster.isWorker)
    process.on("message", (message) => {
      // A sibling changed the register: read the version again on the next request.
      if (message?.type === PAGE_VERSION_MESSAGE) versions.stale();
      else share?.onMessage(message);
    });
  /** After a render: this worker may have written; if the version moved, the siblings hear of it. */
  const afterRender = () => {
    if (cache && versions.refresh() && cluster.isWorker && process.connected) process.send({ type: PAGE_VERSION_MESSAGE }, () => {});
  };
  const publicParams = entry.publicRouteMatcher(build.routes);
  const renders = new RenderQueue({ concurrency: Number(process.env.RENDER_CONCURRENCY ?? 4), maxWaiting: Number(process.env.RENDER_QUEUE ?? 64) });
  // The page language is worked out once per request (pageLang) and handed to every loader.
  const loadContext = (req) => ({
    clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    secure: req.secure ?? false,
    lang: req.lang.lang,
    langPrefix: req.lang.prefix,
  });
  const securityHeaders = Object.entries(entry.STATIC_SECURITY_HEADERS);

  /**
   * Whether the page cache may answer a request at all: a GET or HEAD from someone not signed in.
   * Anyone signed in (or with anything resembling a session cookie) gets their own page, never
   * a cached one, and never fills the cache. The renderer applies the same rule.
   */
  const mayUseCache = (req) => cache !== null && (req.method === "GET" || req.method === "HEAD") && !entry.isSignedInRequest(req.headers.cookie);

  /**
   * The page cache's key: the page's language, the address as the client gave it, and the host.
   * The host is part of the key: some pages write absolute links from it, and a request with a
   * forged Host must not plant its page for everyone else.
   */
  function pageKey(req) {
    const h = req.headers;
    return `${req.lang.lang} ${h["x-forwarded-proto"] ?? ""}://${h["x-forwarded-host"] ?? ""}|${h.host ?? ""} ${req.url}`;
  }

  /**
   * What the page cache may do with a request: nothing (null), redirect it to its canonical
   * address, or look it up (and store it) under a key.
   */
  function pageRequest(req) {
    if (!mayUseCache(req)) return null;
    const q = req.url.indexOf("?");
    const pathname = q < 0 ? req.url : req.url.slice(0, q);
    const params = publicParams(pathname);
    if (params === null) return null;
    const canonical = entry.canonicalPageUrl(req.url, params);
    if (canonical !== null) return { redirect: canonical };
    return { key: pageKey(req) };
  }

  // The request's language: its /zh or /en prefix, else the switch's cookie, else Accept-Language.
  // Most visitors send one of a few Accept-Language headers: remember what each means.
  const langOfAccept = new Map();
  function pageLang(req) {
    const h = req.headers;
    const url = req.url;
    // A /zh or /en prefix (the same test as /^\/(?:zh|en)(?:[/?#]|$)/ on the path, without a regex).
    const prefixed = url.length >= 3 && url.charCodeAt(0) === 47 && (url.startsWith("zh", 1) || url.startsWith("en", 1)) && (url.length === 3 || url[3] === "/" || url[3] === "?" || url[3] === "#");
    if (prefixed || (h.cookie !== undefined && h.cookie.includes("lang="))) return entry.langOfRequest(url.split("?", 1)[0], h.cookie, h["accept-language"]);
    const key = h["accept-language"] ?? "";
    let lang = langOfAccept.get(key);
    if (lang === undefined) {
      lang = entry.langOfRequest("/", undefined, h["accept-language"]);
      if (langOfAccept.size > 1000) langOfAccept.clear();
      langOfAccept.set(key, lang);
    }
    return lang;
  }

  /** The Fetch request Remix sees: the body, if any, was read (and limited) already. */
  function remixRequest(req, res) {
    const controller = new AbortController();
    res.on("close", () => res.writableFinished || controller.abort());
    // The host as the Remix Express adapter works it out (X-Forwarded-Host when proxies are trusted).
    const host = req.get("x-forwarded-host") && trustProxy !== undefined ? req.get("x-forwarded-host").split(",")[0].trim() : (req.get("host") ?? "localhost");
    return new Request(`${req.protocol}://${host}${req.originalUrl}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])),
      body: req.body,
      signal: controller.signal,
    });
  }

  /** One of the server's own refusals (413, 403, 415, 503), in the reader's language first. */
  function refuse(req, res, kind, vars) {
    const page = entry.refusalPage(kind, { path: req.url, cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] }, vars);
    res.statusCode = page.status;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", page.csp);
    res.setHeader("Cache-Control", "no-store");
    if (kind === "busy") res.setHeader("Retry-After", "2");
    // A refused body is not read: close the connection rather than drain it.
    if (kind === "too_large") res.setHeader("Connection", "close");
    res.end(req.method === "HEAD" ? undefined : page.html);
  }

  const app = express();
  app.disable("x-powered-by");
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);
  app.use(compression());
  // Fingerprinted assets can be cached for a year; everything else in public/ for an hour.
  app.use("/build", express.static(path.join(here, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(here, "public"), { maxAge: "1h" }));

  // /tools/<id>.json is served by the route tools-json.$id: a Remix route segment cannot mix a
  // parameter with ".json".
  app.get(/^\/tools\/([A-Za-z0-9-]{1,40})\.json$/, (req, _res, next) => {
    const q = req.url.indexOf("?");
    // The Remix adapter reads originalUrl.
    req.url = req.originalUrl = entry.paths.toolJsonRoute(req.params[0], q >= 0 ? req.url.slice(q) : "");
    next();
  });

  // A request with a body: from this site, form data, within its limit, read before any route.
  // (The API under /api takes no bodies and answers its own 405.)
  app.use(async (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" || req.path.startsWith(`${entry.paths.api()}/`)) return next();
    const h = req.headers;
    if (entry.isCrossSiteRequest({ origin: h.origin, host: h.host, forwardedHost: h["x-forwarded-host"], fetchSite: h["sec-fetch-site"] })) return refuse(req, res, "cross_site");
    if (req.method === "POST" && !/^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(h["content-type"] ?? "")) return refuse(req, res, "not_form");
    const limit = entry.bodyLimit(req.path, h.cookie);
    const declared = Number(h["content-length"] ?? 0);
    if (declared > limit) return refuse(req, res, "too_large", { limit });
    const chunks = [];
    let size = 0;
    const refused = await new Promise((resolve, reject) => {
      req.on("data", (chunk) => {
        size += chunk.length;
        if (size <= limit) return chunks.push(chunk);
        // Stop reading; the refusal closes the connection once it is sent.
        req.removeAllListeners("data").pause();
        resolve(true);
      });
      req.on("end", () => resolve(false));
      req.on("error", reject);
    }).catch((e) => e);
    if (refused instanceof Error) return next(refused);
    if (refused) return refuse(req, res, "too_large", { limit });
    req.body = Buffer.concat(chunks, size);
    next();
  });

  // Everything else is rendered by Remix, a bounded number at a time; an anonymous public page
  // is kept in the page cache.
  const fetchHandler = createFetchHandler(build, process.env.NODE_ENV);
  // Renders of public pages in progress, by version and key: after a change, the crowd asking for
  // the same page waits for one render of it instead of each request rendering it again.
  const rendering = new Map();
  app.use(async (req, res, next) => {
    const page = req.page;
    let version = null;
    let shared = null;
    if (page?.key) {
      try {
        // Read before rendering: a page is never stored under a version newer than its data.
        version = versions.current();
      } catch (e) {
        return next(e);
      }
      if (req.method === "GET") {
        const at = `${version} ${page.key}`;
        const pending = rendering.get(at);
        // Stored since this request missed the cache (Express's static files look first).
        const ready = pending ? null : cache.get(version, page.key);
        if (ready) return sendCachedPage(req, res, ready);
        if (pending) {
          const cached = await pending;
          if (cached) return sendCachedPage(req, res, cached);
          // That render gave no page to share (an error, a page not cached): render this one.
        } else {
          let resolve;
          rendering.set(at, new Promise((r) => (resolve = r)));
          shared = { at, resolve, claimed: false };
        }
      }
    }
    let release = await renders.enter();
    if (!release) {
      if (shared) {
        rendering.delete(shared.at);
        shared.resolve(null);
      }
      return refuse(req, res, "busy");
    }
    if (shared && share) {
      // One render per machine, claimed once this worker is free to render it (so a sibling with
      // a free slot takes the pages this worker has no time for): a sibling may be rendering this
      // page at this version already, or may have sent it meanwhile.
      let got = cache.get(version, page.key);
      if (!got) {
        const claim = await share.claim(shared.at);
        if (claim.render) {
          // Arrived while the claim was answered (the sibling's render had just ended)?
          got = cache.get(version, page.key);
          if (got) share.finished(shared.at, sharedPage(version, page.key, got));
          else shared.claimed = true;
        } else {
          // No slot is held while a sibling renders; if its render gives no page, render here.
          release();
          got = await claim.page;
          if (!got && !(release = await renders.enter())) {
            rendering.delete(shared.at);
            shared.resolve(null);
            return refuse(req, res, "busy");
          }
        }
      }
      if (got) {
        release();
        rendering.delete(shared.at);
        shared.resolve(got);
        shared = null;
        return sendCachedPage(req, res, got);
      }
    }
    try {
      const request = remixRequest(req, res);
      // The loaders' context: a public page's loader may leave its deps on it (app/page-cache.server.ts).
      const context = loadContext(req);
      let response;
      try {
        response = await fetchHandler(request, context);
      } finally {
        // Before anything is sent: the client's next request must find this one's writes.
        afterRender();
      }
      const cacheable =
        page?.key &&
        req.method === "GET" &&
        response.status === 200 &&
        /^public\b/.test(response.headers.get("Cache-Control") ?? "") &&
        (response.headers.get("Content-Type") ?? "").startsWith("text/html") &&
        !response.headers.has("Set-Cookie");
      if (cacheable) {
        const headers = {};
        for (const [k, v] of response.headers) if (k !== "content-length" && k !== "content-encoding" && k !== "vary") headers[k] = v;
        // The page's Vary (app/entry.server.tsx: a /zh or /en address does not vary by Accept-Language).
        const cached = new CachedPage(response.status, headers, Buffer.from(await response.arrayBuffer()), response.headers.get("Vary") ?? undefined);
        cached.deps = context.pageDeps ?? null;
        cache.set(version, page.key, cached);
        shared?.resolve(cached);
        if (shared?.claimed) {
          shared.claimed = false;
          share.finished(shared.at, sharedPage(version, page.key, cached));
        }
        // Compressed here, once; the compression middleware leaves an encoded answer alone.
        return sendCachedPage(req, res, cached, "miss");
      }
      res.status(response.status);
      // The route's own headers replace the defaults (a document's CSP replaces the strict one).
      for (const [k, v] of response.headers) if (k !== "set-cookie") res.setHeader(k, v);
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.setHeader("Set-Cookie", cookies);
      if (!response.body || req.method === "HEAD") return res.end();
      await sendBody(response.body, res);
    } catch (e) {
      next(e);
    } finally {
      release();
      if (shared) {
        rendering.delete(shared.at);
        shared.resolve(null);
        // No page to share: whoever waited for this render renders on its own.
        if (shared.claimed) share.finished(shared.at, null);
      }
    }
  });

  /**
   * Before listening, the worker renders the pages of app/http/warm-up.ts a few times (WARM_UP=off
   * skips it), so its first renders run in optimized code. Nothing is cached; a failure is logged
   * and the worker starts anyway.
   */
  async function warmUpRenders() {
    if (process.env.WARM_UP === "off") return;
    const started = performance.now();
    const { renders: most, ms } = entry.WARM_UP_LIMITS;
    try {
      for (let n = 0; n < most && performance.now() - started < ms; n++) {
        const url = new URL(entry.WARM_UP_ADDRESSES[n % entry.WARM_UP_ADDRESSES.length], "http://localhost");
        // The loaders' context of a request from this machine, made the way every request's is.
        const context = loadContext({ ip: "127.0.0.1", secure: false, lang: entry.langOfRequest(url.pathname, undefined, undefined) });
        const response = await fetchHandler(new Request(url), context);
        await response.arrayBuffer();
      }
    } catch (e) {
      console.error(`warm-up render failed: ${e?.message ?? e}`);
    }
  }

  // A cached page is answered before Express: this path is what a crisis-day crowd hits. It reads
  // nothing from the database (the version is held in memory) and looks the page up before
  // anything else: a page is stored only under the key of a public page at its canonical address
  // (pageRequest), so a hit needs no route matching and no canonical check.
  const server = http.createServer((req, res) => {
    req.lang = pageLang(req);
    if (mayUseCache(req)) {
      let cached;
      try {
        cached = cache.get(versions.current(), pageKey(req));
      } catch (e) {
        // No version to trust (say, a database not migrated yet): render as if uncached.
        console.error(e);
      }
      // A cached page carries its own security headers.
      if (cached) return sendCachedPage(req, res, cached);
    }
    const page = pageRequest(req);
    req.page = page;
    for (const [k, v] of securityHeaders) res.setHeader(k, v);
    if (page?.redirect) {
      res.writeHead(302, { Location: page.redirect, "Cache-Control": "public, max-age=0, s-maxage=5" });
      return res.end();
    }
    app(req, res);
  });
  server.keepAliveTimeout = 65_000;
  useJoinedHeads(process.env.JOINED_HEADS !== "off");
  await warmUpRenders();
  server.listen(port, process.env.HOST, () => {
    if (!cluster.isWorker) console.log(`Public Algorithm Register on http://localhost:${port} (${process.env.NODE_ENV ?? "development"})`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
  // A worker whose primary died (even by SIGKILL) ends too, instead of lingering.
  if (cluster.isWorker) process.on("disconnect", () => process.exit(0));
}
