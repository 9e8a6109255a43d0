import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { alternates, isLanguageNeutral, localized, paths, queryString, splitLangPrefix, urlsFor } from "../../registry/shared/urls";
import { STANDARD_VERSION } from "../../registry/standard/v1";
import config from "../../remix.config.js";

const root = path.resolve(__dirname, "../..");

describe("the URL module", () => {
  it("builds addresses with encoded segments and only the set query values", () => {
    expect(paths.tool("ALG-000002")).toBe("/tools/ALG-000002");
    expect(paths.tool("ALG-000002", "comments")).toBe("/tools/ALG-000002#comments");
    expect(paths.agency("a b/c")).toBe("/agencies/a%20b%2Fc");
    expect(paths.tools({ q: "健康码", kind: undefined, page: 2, sort: "" })).toBe("/tools?q=%E5%81%A5%E5%BA%B7%E7%A0%81&page=2");
    expect(paths.login("/tools/ALG-000001/edit?x=1")).toBe("/login?next=%2Ftools%2FALG-000001%2Fedit%3Fx%3D1");
    expect(paths.login()).toBe("/login");
    expect(queryString(new URLSearchParams("a=1&a=2"))).toBe("?a=1&a=2");
    expect(queryString({ a: ["x", "y"] })).toBe("?a=x&a=y");
    expect(paths.standardSchema()).toBe(`/standard/v${STANDARD_VERSION}.schema.json`);
  });

  it("puts pages and feeds under /zh and /en, and leaves language-neutral data alone", () => {
    expect(localized("/", "en")).toBe("/en");
    expect(localized("/?x=1", "en")).toBe("/en?x=1");
    expect(localized("/tools?q=x#r", "zh")).toBe("/zh/tools?q=x#r");
    expect(localized("/changes.atom", "en")).toBe("/en/changes.atom");
    expect(localized("/api", "en")).toBe("/en/api");
    for (const neutral of ["/api/v1/tools", "/api/openapi.json", "/tools.csv", "/tools/data-elements.csv?kind=app", "/tools.json", "/tools.ndjson", "/tools/ALG-1.json", "/standard/v1.schema.json", "/lang", "/logout", "/log.json?page=2"]) {
      expect(localized(neutral, "en")).toBe(neutral);
    }
    expect(localized("/tools", null)).toBe("/tools");
    expect(localized("https://elsewhere.example/tools", "en")).toBe("https://elsewhere.example/tools");
    expect(localized("//elsewhere.example/tools", "en")).toBe("//elsewhere.example/tools");
  });

  it("splits a prefix off only when it is a whole segment", () => {
    expect(splitLangPrefix("/en/tools?q=1")).toEqual({ prefix: "en", path: "/tools?q=1" });
    expect(splitLangPrefix("/zh")).toEqual({ prefix: "zh", path: "/" });
    expect(splitLangPrefix("/en?x=1")).toEqual({ prefix: "en", path: "/?x=1" });
    expect(splitLangPrefix("/english")).toEqual({ prefix: null, path: "/english" });
    expect(splitLangPrefix("/tools/en")).toEqual({ prefix: null, path: "/tools/en" });
    expect(alternates("/en/tools/ALG-000002?v=1")).toEqual({ zh: "/zh/tools/ALG-000002?v=1", en: "/en/tools/ALG-000002?v=1", negotiated: "/tools/ALG-000002?v=1" });
  });

  it("binds every builder to a page's address space", () => {
    const en = urlsFor("en");
    expect(Object.keys(en).sort()).toEqual(Object.keys(paths).sort());
    expect(en.tool("ALG-000002", "comments")).toBe("/en/tools/ALG-000002#comments");
    expect(en.apiTool("ALG-000002")).toBe("/api/v1/tools/ALG-000002");
    expect(en.toolJson("ALG-000002")).toBe("/tools/ALG-000002.json");
    expect(urlsFor(null)).toBe(paths);
  });
});

describe("the routes under /zh and /en", () => {
  it("exist exactly for the addresses the URL module localizes", async () => {
    const routes = await (config as { routes: (d: unknown) => Promise<Record<string, { path?: string; parentId?: string; id: string }>> }).routes(
      (await import("@remix-run/dev/dist/config/routes.js")).defineRoutes,
    );
    const { flatRoutes } = await import("@remix-run/dev/dist/config/flat-routes.js");
    const files = flatRoutes(path.join(root, "app"), ["**/.*", "**/*.test.*"]);
    const copied = new Set(Object.values(routes).filter((r) => r.parentId === "lang-en").map((r) => r.id.slice("en/".length)));
    expect(copied.size).toBeGreaterThan(20);
    for (const r of Object.values(files)) {
      if (r.parentId !== "root") continue;
      // An example address of the route: parameters and splats filled in.
      const example = `/${(r.path ?? "").replace(/:[^/]+/g, "x").replace(/\*$/, "x")}`;
      expect({ route: r.id, copied: copied.has(r.id) }).toEqual({ route: r.id, copied: !isLanguageNeutral(example) });
    }
    expect(Object.values(routes).filter((r) => r.parentId === "lang-zh").length).toBe(copied.size);
  });
});

describe("no hand-written addresses", () => {
  // A string or template literal that starts with one of the register's own top-level paths is an
  // address written by hand. Every such address belongs in registry/shared/urls.ts.
  const SECTIONS = "tools|tools-json|agencies|standard|sunsets|incidents|unregistered|report-unregistered|log|changes|comments|findings|api|login|logout|account|lang|drafts|review|reports|zh|en";
  const HAND_WRITTEN = new RegExp(`["'\`]/(?:${SECTIONS})(?=[/?#.\`"']|\\$\\{)`);
  const SCANNED = ["app", "registry", "scripts", "server.mjs", "server"];
  const EXEMPT = new Set(["registry/shared/urls.ts"]);

  function files(rel: string): string[] {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return [];
    if (fs.statSync(abs).isFile()) return [rel];
    return fs.readdirSync(abs).flatMap((f) => files(path.join(rel, f)));
  }

  it("outside the URL module", () => {
    const found: string[] = [];
    for (const file of SCANNED.flatMap(files)) {
      // Interface strings may mention an address in prose ("the columns of /tools.csv").
      if (!/\.(?:ts|tsx|mjs|js)$/.test(file) || EXEMPT.has(file) || /^app\/i18n\/strings/.test(file)) continue;
      fs.readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          // Comments may name addresses.
          const code = line.replace(/^\s*(?:\/\/|\*|\/\*).*$/, "").replace(/\s\/\/\s.*$/, "");
          if (HAND_WRITTEN.test(code)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("catches the forms it is meant to catch", () => {
    for (const bad of ['to="/tools"', "href={`/tools/${id}`}", "`/agencies/${slug}/changes.atom`", "redirect('/login?next=x')", '"/tools.csv"', "`/en${path}`"]) expect(HAND_WRITTEN.test(bad), bad).toBe(true);
    for (const ok of ['"/favicon.svg"', '"/build/x.js"', "to={u.tools()}", '"/toolsx"']) expect(HAND_WRITTEN.test(ok), ok).toBe(false);
  });
});
