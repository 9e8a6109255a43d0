// The remembered route matches (app/route-match-cache.server.ts) answer exactly what React Router's
// matchRoutes answers, for the register's real route tree (remix.config.js, /zh and /en copies
// included), asked again and with query strings, and hand each caller its own objects.
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { cachedMatchRoutes, ROUTE_MATCH_CACHE_ENTRIES } from "../../app/route-match-cache.server";
import config from "../../remix.config.js";

type ConfigRoute = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; parentId?: string };

/** The route tree as Remix's server builds it: nested objects with id, path, index and children. */
async function routeTree(): Promise<AgnosticRouteObject[]> {
  const defined = await (config as { routes: (d: unknown) => Promise<Record<string, ConfigRoute>> }).routes((await import("@remix-run/dev/dist/config/routes.js")).defineRoutes);
  const { flatRoutes } = await import("@remix-run/dev/dist/config/flat-routes.js");
  const files = flatRoutes(new URL("../../app", import.meta.url).pathname, ["**/.*", "**/*.test.*"]) as Record<string, ConfigRoute>;
  const all: ConfigRoute[] = [...Object.values(files), ...Object.values(defined)];
  const build = (parentId: string | undefined): AgnosticRouteObject[] =>
    all
      .filter((r) => (r.parentId ?? "root") === (parentId ?? "root") && r.id !== "root")
      .map((r) => {
        const children = build(r.id);
        return r.index ? { id: r.id, index: true, path: r.path } : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children };
      });
  return [{ id: "root", path: "", children: build("root") }];
}

const shape = (m: ReturnType<typeof matchRoutes>) => m && m.map((x) => ({ id: x.route.id, params: x.params, pathname: x.pathname, pathnameBase: x.pathnameBase }));

describe("cachedMatchRoutes", () => {
  it("matches every kind of address exactly as matchRoutes does, first time and again", async () => {
    const routes = await routeTree();
    expect(routes[0]!.children!.length).toBeGreaterThan(50);
    const cached = cachedMatchRoutes(matchRoutes as never);
    const addresses = [
      "/",
      "/tools",
      "/tools/ALG-000123",
      "/tools/ALG-000123/history",
      "/tools/ALG-000123.json",
      "/tools.csv",
      "/zh/tools",
      "/en/tools/ALG-000001",
      "/en",
      "/zh/",
      "/agencies/national-health",
      "/api/v1/tools/ALG-000002",
      "/standard/v1.schema.json",
      "/no/such/page",
      "/EN/tools",
      "/tools/%E5%81%A5%E5%BA%B7",
    ];
    for (const a of addresses) {
      const expected = shape(matchRoutes(routes, a));
      expect({ a, m: shape(cached(routes, a)) }).toEqual({ a, m: expected });
      expect({ a, m: shape(cached(routes, a)) }).toEqual({ a, m: expected }); // from the cache
      expect({ a, m: shape(cached(routes, { pathname: a, search: "?q=x", hash: "" })) }).toEqual({ a, m: expected });
      expect({ a, m: shape(cached(routes, `${a}?kind=app#top`)) }).toEqual({ a, m: expected });
    }
    // A different basename is a different question.
    expect(shape(cached(routes, "/base/tools", "/base"))).toEqual(shape(matchRoutes(routes, "/base/tools", "/base")));
  });

  it("hands out copies, so a caller changing its matches does not change the next caller's", async () => {
    const routes = await routeTree();
    const cached = cachedMatchRoutes(matchRoutes as never);
    const first = cached(routes, "/tools/ALG-000009")!;
    (first[first.length - 1]!.params as Record<string, string>).id = "changed";
    first.pop();
    const again = cached(routes, "/tools/ALG-000009")!;
    expect(again.length).toBe(first.length + 1);
    expect(again[again.length - 1]!.params.id).toBe("ALG-000009");
  });

  it("remembers a bounded number of addresses per route tree", () => {
    const routes: AgnosticRouteObject[] = [{ id: "root", path: "", children: [{ id: "tool", path: "tools/:id" }] }];
    let calls = 0;
    const counting = ((r: AgnosticRouteObject[], l: string, b?: string) => (calls++, matchRoutes(r, l, b))) as never;
    const cached = cachedMatchRoutes(counting);
    for (let i = 0; i <= ROUTE_MATCH_CACHE_ENTRIES; i++) cached(routes, `/tools/ALG-${i}`);
    expect(calls).toBe(ROUTE_MATCH_CACHE_ENTRIES + 1);
    cached(routes, `/tools/ALG-${ROUTE_MATCH_CACHE_ENTRIES}`); // still remembered
    expect(calls).toBe(ROUTE_MATCH_CACHE_ENTRIES + 1);
    cached(routes, "/tools/ALG-0"); // the oldest was dropped
    expect(calls).toBe(ROUTE_MATCH_CACHE_ENTRIES + 2);
  });

  it("answers a tree built anew for each request from its cache, with that tree's own route objects", () => {
    const tree = (): AgnosticRouteObject[] => [{ id: "root", path: "", children: [{ id: "list", path: "tools" }, { id: "tool", path: "tools/:id", children: [{ id: "tool-index", index: true }] }] }];
    let calls = 0;
    const counting = ((r: AgnosticRouteObject[], l: string, b?: string) => (calls++, matchRoutes(r, l, b))) as never;
    const cached = cachedMatchRoutes(counting);
    const first = tree();
    expect(shape(cached(first, "/tools/ALG-1"))).toEqual(shape(matchRoutes(first, "/tools/ALG-1")));
    for (let i = 0; i < 3; i++) {
      const again = tree();
      const m = cached(again, "/tools/ALG-1")!;
      expect(shape(m)).toEqual(shape(matchRoutes(again, "/tools/ALG-1")));
      // The asking tree's objects, never an earlier request's.
      expect(m[1]!.route).toBe(again[0]!.children![1]);
      expect(m[2]!.route).toBe(again[0]!.children![1]!.children![0]);
    }
    expect(calls).toBe(1);
    // A tree of another shape (a path changed) is asked afresh.
    const other = tree();
    other[0]!.children![1]!.path = "records/:id";
    expect(shape(cached(other, "/tools/ALG-1"))).toEqual(shape(matchRoutes(other, "/tools/ALG-1")));
    expect(cached(other, "/tools/ALG-1")).toBeNull();
    expect(calls).toBe(2);
  });
});
