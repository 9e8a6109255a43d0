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

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const html = `<!DOCTYPE html>${renderToString(<RemixServer context={remixContext} url={request.url} />)}`;
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) responseHeaders.set(name, value);
  responseHeaders.set("Content-Security-Policy", documentCsp(html));
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Cache-Control", isPublicPage(request, responseStatusCode, remixContext) ? PUBLIC_PAGE_CACHE_CONTROL : PRIVATE_PAGE_CACHE_CONTROL);
  return new Response(html, { headers: responseHeaders, status: responseStatusCode });
}
