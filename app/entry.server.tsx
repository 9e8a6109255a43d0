// Renders documents on the server. Pages are rendered whole, to a string: they are small, use no
// deferred data, the page cache needs the finished bytes anyway, and the Content Security Policy
// lists the hash of each inline script of the finished page. (React 18's streaming renderer also
// writes NUL bytes into Chinese pages when a character straddles its buffer; see STACK.md.)
// Each document is marked public (cacheable by the server's page cache and by proxies) or private.
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { PRIVATE_PAGE_CACHE_CONTROL, PUBLIC_PAGE_CACHE_CONTROL } from "./page-cache";
import { isSignedInRequest } from "./http/request-policy";
import { documentCsp, STATIC_SECURITY_HEADERS } from "./http/security-headers";
import { startChainWatch } from "../registry/events/watch.server";

// server.mjs reads these through the build (build.entry.module): the page cache's version and
// key language, and the request policy it applies before any route runs.
export { pageCacheVersion } from "../registry/page-version.server";
export { langFromHeaders } from "./i18n/lang.server";
export { isSignedInRequest, bodyLimit, isCrossSiteRequest } from "./http/request-policy";
export { STATIC_SECURITY_HEADERS } from "./http/security-headers";
export { publicRouteMatcher, canonicalPageUrl } from "./http/public-routes";
export { refusalPage } from "./http/refusals";

startChainWatch(); // each worker checks the event log after every append and every minute, off the request path

function isPublicPage(request: Request, status: number, context: EntryContext): boolean {
  if (request.method !== "GET" || status !== 200) return false;
  if (isSignedInRequest(request.headers.get("Cookie"))) return false;
  const matches = context.staticHandlerContext.matches;
  return matches.length > 1 && matches.every((m) => m.route.id === "root" || (context.routeModules[m.route.id]?.handle as { publicPage?: boolean } | undefined)?.publicPage === true);
}

/**
 * The document, rendered to a string with the loader data in it. With single fetch, <Scripts>
 * hands the data to the browser in chunks (window.__remixContext.streamController) read from a
 * data stream, each in a Suspense boundary that suspends until its chunk is read; renderToString
 * does not wait for a suspended part and writes nothing there, and the browser then waits for
 * ever and never hydrates. So the data is read whole first and handed to Remix as its one,
 * final chunk (the cache Remix keeps in renderMeta.streamCache): one render, the data inline.
 */
async function renderDocument(request: Request, remixContext: EntryContext): Promise<string> {
  const stream = remixContext.serverHandoffStream;
  const meta = remixContext.renderMeta as { streamCache?: Record<number, Promise<void> & { result?: { done: boolean; value: string } }> } | undefined;
  if (stream && meta) {
    const value = await new Response(stream).text();
    meta.streamCache = { 0: Object.assign(Promise.resolve(), { result: { done: true, value } }) };
    // RemixServer still asks the (now read) stream for a reader: give it an empty one.
    remixContext.serverHandoffStream = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  }
  return renderToString(<RemixServer context={remixContext} url={request.url} />);
}

export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const html = `<!DOCTYPE html>${await renderDocument(request, remixContext)}`;
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) responseHeaders.set(name, value);
  responseHeaders.set("Content-Security-Policy", documentCsp(html));
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Cache-Control", isPublicPage(request, responseStatusCode, remixContext) ? PUBLIC_PAGE_CACHE_CONTROL : PRIVATE_PAGE_CACHE_CONTROL);
  return new Response(html, { headers: responseHeaders, status: responseStatusCode });
}
