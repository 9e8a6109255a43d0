// Renders documents on the server. Pages are rendered whole, to a string: they are small, use no
// deferred data, the page cache needs the finished bytes anyway, and the Content Security Policy
// lists the hash of each inline script of the finished page.
// Each document is marked public (cacheable by the server's page cache and by proxies) or private.
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderDocument } from "./render-document.server";
import { installRouteMatchCache } from "./route-match-cache.server";
import { PRIVATE_PAGE_CACHE_CONTROL, PUBLIC_PAGE_CACHE_CONTROL } from "./page-cache";
import { isSignedInRequest } from "./http/request-policy";
import { documentCsp, STATIC_SECURITY_HEADERS } from "./http/security-headers";
import { startChainWatch } from "../registry/log/watch.server";
import { startListIndex } from "../registry/records/list-index.server";
import { startNoticeLoop } from "./notify-mail.server";
import { splitLangPrefix } from "../registry/shared/urls";

// server.mjs reads these through the build (build.entry.module): the page cache's version and
// key language, and the request policy it applies before any route runs.
export { pageCacheVersion } from "../registry/shared/page-version.server";
export { pageUnchanged } from "../registry/records/page-deps.server";
export { langOfRequest } from "./i18n/lang.server";
export { isSignedInRequest, bodyLimit, isCrossSiteRequest } from "./http/request-policy";
export { STATIC_SECURITY_HEADERS } from "./http/security-headers";
export { publicRouteMatcher, canonicalPageUrl } from "./http/public-routes";
export { refusalPage } from "./http/refusals";
export { paths } from "../registry/shared/urls";
export { WARM_UP_ADDRESSES, WARM_UP_LIMITS } from "./http/warm-up";

installRouteMatchCache(); // route matching remembered per address (app/route-match-cache.server.ts)
startChainWatch(); // each worker checks the event log after every append and every minute, off the request path
startNoticeLoop(); // each worker sweeps time-based notices and, with SMTP_URL set, sends the mail outbox
/**
 * Each server worker builds its list index (in a worker thread) before it listens: server.mjs
 * awaits this, so no request waits for the first build; afterwards the index is patched after
 * writes, and rebuilt in the background when it cannot be.
 */
export const warmUp = (): Promise<void> => startListIndex();

function isPublicPage(request: Request, status: number, context: EntryContext): boolean {
  if (request.method !== "GET" || status !== 200) return false;
  if (isSignedInRequest(request.headers.get("Cookie"))) return false;
  const matches = context.staticHandlerContext.matches;
  return matches.length > 1 && matches.every((m) => m.route.id === "root" || (context.routeModules[m.route.id]?.handle as { publicPage?: boolean } | undefined)?.publicPage === true);
}

export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const html = await renderDocument(<RemixServer context={remixContext} url={request.url} />);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) responseHeaders.set(name, value);
  responseHeaders.set("Content-Security-Policy", documentCsp(html));
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // A public page's loader may mark one answer private (app/page-cache.ts staleAnswer).
  const isPublic = isPublicPage(request, responseStatusCode, remixContext) && !/^private\b/.test(responseHeaders.get("Cache-Control") ?? "");
  responseHeaders.set("Cache-Control", isPublic ? PUBLIC_PAGE_CACHE_CONTROL : PRIVATE_PAGE_CACHE_CONTROL);
  // What a shared cache must key a public page on besides its address: a /zh or /en address fixes
  // the language; an unprefixed one is negotiated from Accept-Language and the switch's cookie.
  if (isPublic) responseHeaders.set("Vary", splitLangPrefix(new URL(request.url).pathname).prefix ? "Accept-Encoding, Cookie" : "Accept-Encoding, Accept-Language, Cookie");
  return new Response(html, { headers: responseHeaders, status: responseStatusCode });
}
