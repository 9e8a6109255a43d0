// Renders documents on the server. Pages are rendered whole (no streaming): they are small, use
// no deferred data, and the page cache needs the finished bytes anyway. Here each document is
// also marked public (cacheable by the server's page cache and by proxies) or private.
import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { PRIVATE_PAGE_CACHE_CONTROL, PUBLIC_PAGE_CACHE_CONTROL } from "./page-cache";
import { startChainWatch } from "../registry/events/watch.server";

// server.mjs reads the page cache's version and key language through the build
// (build.entry.module).
export { pageCacheVersion } from "../registry/page-version.server";
export { langFromHeaders } from "./i18n/lang.server";

const ABORT_DELAY = 5_000;

startChainWatch(); // each worker checks the event log after every append and every minute, off the request path

function isPublicPage(request: Request, status: number, context: EntryContext): boolean {
  if (request.method !== "GET" || status !== 200) return false;
  if (/(?:^|;\s*)__session=/.test(request.headers.get("Cookie") ?? "")) return false;
  const matches = context.staticHandlerContext.matches;
  return matches.length > 1 && matches.every((m) => m.route.id === "root" || (context.routeModules[m.route.id]?.handle as { publicPage?: boolean } | undefined)?.publicPage === true);
}

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />, {
      onAllReady() {
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set("Cache-Control", isPublicPage(request, status, remixContext) ? PUBLIC_PAGE_CACHE_CONTROL : PRIVATE_PAGE_CACHE_CONTROL);
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}
