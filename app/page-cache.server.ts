// A public page's loader answer made from data being rebuilt (`stale`: a list index rebuilt in the
// background, registry/records/list-index.server.ts) is marked private for that one answer, so
// neither the page cache (server.mjs keeps only what is marked public) nor a proxy keeps a page
// the register has already moved past. The route exports `headers = loaderCacheControl`
// (app/page-cache.ts), and app/entry.server.tsx keeps a route's private mark.
import { data } from "@remix-run/node";
import { PRIVATE_PAGE_CACHE_CONTROL } from "./page-cache";
import type { PageDeps } from "../registry/records/page-deps.server";

/**
 * The loader's value, private when `stale`. Typed as the value itself: that is what the page
 * receives (Remix unwraps `data()`; this project's loaders are typed without single fetch's types).
 */
export function staleAware<T>(value: T, stale: boolean): T {
  return (stale ? data(value, { headers: { "Cache-Control": PRIVATE_PAGE_CACHE_CONTROL } }) : value) as T;
}

/**
 * Tells the server what a public page was made from, so its page cache may keep the page across a
 * write that did not touch it (server.mjs asks `pageUnchanged`, app/entry.server.tsx). The loader's
 * context is the one object server.mjs made for this request.
 */
export function declarePageDeps(context: unknown, deps: PageDeps | undefined): void {
  if (deps && context && typeof context === "object") (context as { pageDeps?: PageDeps }).pageDeps = deps;
}
