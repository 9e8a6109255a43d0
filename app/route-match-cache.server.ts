// Route matching, remembered per address. Remix matches a document request's address against every
// route several times (the server's routes, the static handler, React Router's <Routes>); each
// call flattens, ranks and compiles all ~150 routes (the /zh and /en copies included) from scratch,
// about a quarter of a cold list render (docs/issue-17-profile.md). The answer depends only on the
// routes, the pathname and the basename, so the calls that go through @remix-run/router's exported
// matchRoutes (server-runtime's matchServerRoutes and React Router's useRoutes look it up on the
// module at each call) are answered from a small cache per shape of route tree (Remix builds the
// tree React Router renders anew for each request). The static handler calls its own copy
// directly and still matches once per request.
import { createRequire } from "node:module";
import type { AgnosticRouteMatch, AgnosticRouteObject, Location } from "@remix-run/router";

type MatchRoutes = (routes: AgnosticRouteObject[], location: Partial<Location> | string, basename?: string) => AgnosticRouteMatch[] | null;

/** Addresses remembered per shape of route tree; the oldest is dropped first. */
export const ROUTE_MATCH_CACHE_ENTRIES = 2000;
/** Shapes of route tree remembered (the server's routes, the data routes React Router renders). */
const SHAPES = 8;

/** A remembered match: where its route sits in the tree (child indexes), and what it matched. */
type Remembered = { at: number[]; params: Record<string, string | undefined>; pathname: string; pathnameBase: string };

/**
 * A route tree's shape: what matching reads of each route (path, index, case sensitivity, and the
 * id to tell routes apart), nested as the tree is, and where each route object sits. Remix builds
 * some trees anew for every request (the data routes React Router renders), so answers are
 * remembered per shape, not per array, and handed out with the asking tree's own route objects.
 */
type Shape = { key: string; at: Map<object, number[]> };
const shapeOfTree = new WeakMap<object, Shape>();

function shapeOf(routes: AgnosticRouteObject[]): Shape {
  let shape = shapeOfTree.get(routes);
  if (shape) return shape;
  const parts: string[] = [];
  const at = new Map<object, number[]>();
  const walk = (list: AgnosticRouteObject[], prefix: number[]) => {
    parts.push("[");
    list.forEach((r, i) => {
      const here = [...prefix, i];
      at.set(r, here);
      parts.push(`${r.id ?? ""}\u0001${r.path ?? ""}\u0001${r.index ? 1 : 0}${r.caseSensitive ? 1 : 0}`);
      if (r.children) walk(r.children, here);
    });
    parts.push("]");
  };
  walk(routes, []);
  shapeOfTree.set(routes, (shape = { key: parts.join("\u0002"), at }));
  return shape;
}

/** The route object at child indexes `at` of a tree. */
function routeAt(routes: AgnosticRouteObject[], at: number[]): AgnosticRouteObject {
  let list = routes;
  let route: AgnosticRouteObject | undefined;
  for (const i of at) {
    route = list[i]!;
    list = route.children ?? [];
  }
  return route!;
}

/** The pathname a location argument stands for (as matchRoutes reads it: the part before ? and #). */
function pathnameOf(location: Partial<Location> | string): string | undefined {
  if (typeof location !== "string") return location.pathname;
  const cut = location.search(/[?#]/);
  return cut === -1 ? location : location.slice(0, cut);
}

/** A matchRoutes that remembers its answers; each caller gets its own copies of the match objects. */
export function cachedMatchRoutes(original: MatchRoutes): MatchRoutes {
  const byShape = new Map<string, Map<string, Remembered[] | null>>();
  const memo: MatchRoutes = (routes, location, basename = "/") => {
    const pathname = pathnameOf(location);
    if (pathname === undefined || !Array.isArray(routes)) return original(routes, location, basename);
    const shape = shapeOf(routes);
    let byPath = byShape.get(shape.key);
    if (!byPath) {
      if (byShape.size >= SHAPES) byShape.delete(byShape.keys().next().value!);
      byShape.set(shape.key, (byPath = new Map()));
    }
    const key = `${basename}\u0000${pathname}`;
    let remembered = byPath.get(key);
    if (remembered === undefined) {
      const matches = original(routes, pathname, basename);
      if (matches && matches.some((m) => !shape.at.has(m.route))) return matches;
      remembered = matches && matches.map((m) => ({ at: shape.at.get(m.route)!, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase }));
      if (byPath.size >= ROUTE_MATCH_CACHE_ENTRIES) byPath.delete(byPath.keys().next().value!);
      byPath.set(key, remembered);
    }
    return remembered && remembered.map((m) => ({ params: { ...m.params }, pathname: m.pathname, pathnameBase: m.pathnameBase, route: routeAt(routes, m.at) }));
  };
  (memo as { original?: MatchRoutes }).original = original;
  return memo;
}

/** Installs the cache on the router module the server build's dependencies share (once). */
export function installRouteMatchCache(): void {
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes & { original?: MatchRoutes } };
  if (!router.matchRoutes.original) router.matchRoutes = cachedMatchRoutes(router.matchRoutes);
}
