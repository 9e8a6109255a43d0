// Public pages say so with `export const handle = publicPage([...params])` (or PUBLIC_PAGE when
// they read no query parameter). A page is served from the server's page cache (and marked
// cacheable for proxies) only when every route it is made of says so and the visitor has no
// session: default private, so a new page is never cached by accident. The parameters are the
// only query parameters the page reads; an address with others is redirected to its canonical
// form before anything is rendered (app/http/public-routes.ts).
export type PublicPageHandle = { readonly publicPage: true; readonly params: readonly string[]; readonly repeatable: readonly string[] };

/**
 * `params`: the query parameters the page reads (the first value of each); `repeatable`: those of
 * them it reads every value of (the list's multi-value filters, `?sunset=lapsed&sunset=no_sunset`).
 */
export function publicPage(params: readonly string[] = [], repeatable: readonly string[] = []): PublicPageHandle {
  return { publicPage: true, params, repeatable };
}

export const PUBLIC_PAGE = publicPage();

/** Cache-Control of a public page: proxies may keep it briefly and refresh it in the background. */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=5, stale-while-revalidate=60";
/** Everything else rendered as a document: never stored by anyone. */
export const PRIVATE_PAGE_CACHE_CONTROL = "private, no-store";

/** A route's `headers`: its loader's headers reach the document (the private mark of app/page-cache.server.ts staleAware). */
export const loaderCacheControl = ({ loaderHeaders }: { loaderHeaders: Headers }): Headers => loaderHeaders;
