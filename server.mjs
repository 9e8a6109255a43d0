// The production server: Express around the Remix build, one worker process per core
// (node:cluster), with a cache of rendered public pages in each worker.
//
// It exists (instead of remix-serve) so loaders and actions learn the client's address, which
// rate limiting needs, so "behind HTTPS" is decided in one place, and for the page cache: a
// public page (one whose routes declare PUBLIC_PAGE, asked for without a session) is rendered
// once per version of the register and language and then answered from memory, before Express
// is even entered. The version is a counter the database bumps on every public change (from
// any process), plus the day, so the next request after a change, in every worker, renders
// afresh. See docs/scaling.md.
//
//   PORT             port to listen on (default 3000)
//   HOST             address to bind (default all)
//   WEB_CONCURRENCY  worker processes (default: one per core; 1 runs without cluster)
//   PAGE_CACHE_MB    page cache budget per worker (default 128; 0 turns the cache off)
//   TRUST_PROXY      set when a reverse proxy terminates TLS: "loopback", a number of hops or a
//                    list of addresses (see Express "trust proxy"). Then X-Forwarded-For gives the
//                    client address and X-Forwarded-Proto=https makes session cookies Secure.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import { createRequestHandler as createFetchHandler } from "@remix-run/node";
import { CachedPage, PageCache, sendCachedPage } from "./server/page-cache.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()));

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork();
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
  const cacheBytes = Number(process.env.PAGE_CACHE_MB ?? 128) * 1024 * 1024;
  const cache = cacheBytes > 0 ? new PageCache({ maxBytes: cacheBytes }) : null;
  const loadContext = (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", secure: req.secure ?? false });

  /** The cache key of a request that may be answered from the page cache, or null. */
  function pageKey(req) {
    if (!cache || (req.method !== "GET" && req.method !== "HEAD")) return null;
    const cookie = req.headers.cookie;
    // Anyone signed in gets their own page, never a cached one, and never fills the cache.
    if (cookie && /(?:^|;\s*)__session=/.test(cookie)) return null;
    // Remix's client-side data requests are answered by the loaders, uncached.
    if (req.url.includes("_data=")) return null;
    // The host is part of the key: some pages write absolute links from it, and a request with a
    // forged Host must not plant its page for everyone else.
    const h = req.headers;
    return `${pageLang(cookie, h["accept-language"])} ${h["x-forwarded-proto"] ?? ""}://${h["x-forwarded-host"] ?? ""}|${h.host ?? ""} ${req.url}`;
  }

  // Most visitors send one of a few Accept-Language headers: remember what each means.
  const langOfAccept = new Map();
  function pageLang(cookie, accept) {
    if (cookie && cookie.includes("lang=")) return entry.langFromHeaders(cookie, accept);
    const key = accept ?? "";
    let lang = langOfAccept.get(key);
    if (lang === undefined) {
      lang = entry.langFromHeaders(undefined, accept);
      if (langOfAccept.size > 1000) langOfAccept.clear();
      langOfAccept.set(key, lang);
    }
    return lang;
  }

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) {
    const v = process.env.TRUST_PROXY;
    app.set("trust proxy", /^\d+$/.test(v) ? Number(v) : v);
  }
  app.use(compression());
  // Fingerprinted assets can be cached for a year; everything else in public/ for an hour.
  app.use("/build", express.static(path.join(here, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(here, "public"), { maxAge: "1h" }));

  // /tools/<id>.json is served by the route tools-json.$id: a Remix route segment cannot mix a
  // parameter with ".json".
  app.get(/^\/tools\/([A-Za-z0-9-]{1,40})\.json$/, (req, _res, next) => {
    const q = req.url.indexOf("?");
    // The Remix adapter reads originalUrl.
    req.url = req.originalUrl = `/tools-json/${req.params[0]}${q >= 0 ? req.url.slice(q) : ""}`;
    next();
  });

  // Every form of the site posts form data; anything else would fail deep inside an action
  // with a 500. Say what is wrong instead. (The API under /api answers its own 405.)
  app.use((req, res, next) => {
    const form = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(req.headers["content-type"] ?? "");
    if (req.method !== "POST" || form || req.path.startsWith("/api/")) return next();
    res
      .status(415)
      .type("text/plain; charset=utf-8")
      .send("This address takes form submissions only (application/x-www-form-urlencoded or multipart/form-data).\n此地址只接受表单提交。\n");
  });

  // Anonymous GETs: rendered here so a public page can be kept; anything else streams through.
  const fetchHandler = createFetchHandler(build, process.env.NODE_ENV);
  app.use(async (req, res, next) => {
    const key = pageKey(req);
    if (!key) return next();
    try {
      const version = entry.pageCacheVersion();
      const controller = new AbortController();
      res.on("close", () => controller.abort());
      const request = new Request(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])),
        signal: controller.signal,
      });
      const response = await fetchHandler(request, loadContext(req));
      const cacheable =
        req.method === "GET" &&
        response.status === 200 &&
        /^public\b/.test(response.headers.get("Cache-Control") ?? "") &&
        (response.headers.get("Content-Type") ?? "").startsWith("text/html") &&
        !response.headers.has("Set-Cookie");
      if (cacheable) {
        const headers = {};
        for (const [k, v] of response.headers) if (k !== "content-length" && k !== "content-encoding") headers[k] = v;
        const page = new CachedPage(response.status, headers, Buffer.from(await response.arrayBuffer()));
        cache.set(version, key, page);
        // Compressed here, once; the compression middleware leaves an encoded answer alone.
        return sendCachedPage(req, res, page, "miss");
      }
      res.status(response.status);
      for (const [k, v] of response.headers) if (k !== "set-cookie") res.setHeader(k, v);
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.setHeader("Set-Cookie", cookies);
      if (!response.body || req.method === "HEAD") return res.end();
      Readable.fromWeb(response.body).on("error", (e) => res.destroy(e)).pipe(res);
    } catch (e) {
      next(e);
    }
  });

  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: loadContext }));

  // A cached page is answered before Express: this path is what a crisis-day crowd hits.
  const server = http.createServer((req, res) => {
    const key = pageKey(req);
    if (key) {
      let page;
      try {
        page = cache.get(entry.pageCacheVersion(), key);
      } catch (e) {
        // No version to trust (say, a database not migrated yet): render as if uncached.
        console.error(e);
      }
      if (page) return sendCachedPage(req, res, page);
    }
    app(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, process.env.HOST, () => {
    if (!cluster.isWorker) console.log(`Public Algorithm Register on http://localhost:${port} (${process.env.NODE_ENV ?? "development"})`);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
  // A worker whose primary died (even by SIGKILL) ends too, instead of lingering.
  if (cluster.isWorker) process.on("disconnect", () => process.exit(0));
}
