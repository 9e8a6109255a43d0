// Route matching, remembered per address. Remix matches a document request's address against every
// route several times (the server's routes, the static handler, React Router's <Routes>); each
// call flattens, ranks and compiles all ~150 routes (the /zh and /en copies included) from scratch,
// about a quarter of a cold list render (docs/issue-17-profile.md). The answer depends only on the
// routes, the pathname and the basename, so the calls that go through @remix-run/router's exported
// matchRoutes (server-runtime's matchServerRoutes and React Router's useRoutes look it up on the
// module at each call) are answered from a small cache per routes array. The static handler calls
// its own copy directly and still matches once per request.
import { createRequire } from "node:module";
import type { AgnosticRouteMatch, AgnosticRouteObject, Location } from "@remix-run/router";

type MatchRoutes = (routes: AgnosticRouteObject[], location: Partial<Location> | string, basename?: string) => AgnosticRouteMatch[] | null;

/** Addresses remembered per routes array; the oldest is dropped first. */
export const ROUTE_MATCH_CACHE_ENTRIES = 2000;

const cache = new WeakMap<object, Map<string, AgnosticRouteMatch[] | null>>();

/** The pathname a location argument stands for (as matchRoutes reads it: the part before ? and #). */
function pathnameOf(location: Partial<Location> | string): string | undefined {
  if (typeof location !== "string") return location.pathname;
  const cut = location.search(/[?#]/);
  return cut === -1 ? location : location.slice(0, cut);
}

/** A matchRoutes that remembers its answers; each caller gets its own copies of the match objects. */
export function cachedMatchRoutes(original: MatchRoutes): MatchRoutes {
  const memo: MatchRoutes = (routes, location, basename = "/") => {
    const pathname = pathnameOf(location);
    if (pathname === undefined || !Array.isArray(routes)) return original(routes, location, basename);
    let byPath = cache.get(routes);
    if (!byPath) cache.set(routes, (byPath = new Map()));
    const key = `${basename}\u0000${pathname}`;
    let matches = byPath.get(key);
    if (matches === undefined) {
      matches = original(routes, pathname, basename);
      if (byPath.size >= ROUTE_MATCH_CACHE_ENTRIES) byPath.delete(byPath.keys().next().value!);
      byPath.set(key, matches);
    }
    return matches && matches.map((m) => ({ ...m, params: { ...m.params } }));
  };
  (memo as { original?: MatchRoutes }).original = original;
  return memo;
}

/** Installs the cache on the router module the server build's dependencies share (once). */
export function installRouteMatchCache(): void {
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes & { original?: MatchRoutes } };
  if (!router.matchRoutes.original) router.matchRoutes = cachedMatchRoutes(router.matchRoutes);
}
