// Which requests are public pages, and which query parameters each public page reads. A page's
// routes declare both with `export const handle = publicPage([...params])` (app/page-cache.ts).
// The server matches a request against the build's routes exactly as Remix will (the router's
// own matchRoutes), so a public page asked for with parameters its routes do not read is sent to
// its canonical address instead of being rendered and cached once per invented parameter.
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";

/** A route of the server build (build.routes), as far as matching needs it. */
export type BuildRoute = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  module: { handle?: unknown };
};

type Declared = { publicPage?: unknown; params?: unknown; repeatable?: unknown };

/** The parameters a public page reads, and those of them it reads every value of. */
export type PageParams = { readonly names: readonly string[]; readonly repeatable: readonly string[] };

/** The parameters a public page's routes read, or null when the address is not a public page. */
export type PublicRouteMatcher = (pathname: string) => PageParams | null;

export function publicRouteMatcher(routes: Record<string, BuildRoute>): PublicRouteMatcher {
  const children = new Map<string | undefined, BuildRoute[]>();
  for (const r of Object.values(routes)) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const tree = (parentId: string | undefined): AgnosticRouteObject[] =>
    (children.get(parentId) ?? []).map((r) =>
      r.index
        ? { id: r.id, index: true, path: r.path, caseSensitive: r.caseSensitive }
        : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: tree(r.id) },
    );
  const routeTree = tree(undefined);
  // The router flattens and ranks every route on each call: remember recent answers, since the
  // server asks on every request, cached ones included. Bounded, so invented paths cannot grow it.
  const memo = new Map<string, PageParams | null>();
  return (pathname) => {
    let answer = memo.get(pathname);
    if (answer === undefined) {
      answer = match(pathname);
      if (memo.size >= 10_000) memo.clear();
      memo.set(pathname, answer);
    }
    return answer;
  };

  function match(pathname: string): PageParams | null {
    let matches;
    try {
      matches = matchRoutes(routeTree, pathname);
    } catch {
      return null;
    }
    if (!matches || matches.length < 2) return null;
    const params = new Set<string>();
    const repeatable = new Set<string>();
    for (const m of matches) {
      if (m.route.id === "root") continue;
      const handle = routes[m.route.id!]?.module.handle as Declared | undefined;
      if (handle?.publicPage !== true) return null;
      if (Array.isArray(handle.params)) for (const p of handle.params) if (typeof p === "string") params.add(p);
      if (Array.isArray(handle.repeatable)) for (const p of handle.repeatable) if (typeof p === "string") repeatable.add(p);
    }
    return { names: [...params], repeatable: [...repeatable].filter((p) => params.has(p)) };
  }
}

/**
 * The canonical form of a public page's address: only the parameters the page reads, each once
 * (pages read the first), or each distinct value once for a repeatable one, in the order given.
 * Null when the address is canonical already.
 */
export function canonicalPageUrl(url: string, params: PageParams | readonly string[]): string | null {
  const { names, repeatable } = "names" in params ? params : { names: params, repeatable: [] as readonly string[] };
  const q = url.indexOf("?");
  if (q < 0) return null;
  const search = new URLSearchParams(url.slice(q + 1));
  const kept = new URLSearchParams();
  let changed = false;
  for (const [k, v] of search) {
    const keep = names.includes(k) && (repeatable.includes(k) ? !kept.getAll(k).includes(v) : !kept.has(k));
    if (keep) kept.append(k, v);
    else changed = true;
  }
  if (!changed) return null;
  const s = kept.toString();
  return url.slice(0, q) + (s ? `?${s}` : "");
}
