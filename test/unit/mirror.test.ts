// The static mirror's URL -> file mapping and link rewriting (scripts/mirror). The whole export
// is checked end to end in test/e2e/mirror.spec.ts.
import { describe, expect, it } from "vitest";
import { addressFor, fileFor, relativeHref, resolveAddress, resolveLocal, safeName, type MirrorRules, type Resource } from "../../scripts/mirror/urls";
import { mapLink, rewritePage, type PageContext } from "../../scripts/mirror/rewrite";
import { kindOf } from "../../scripts/mirror/export";
import { localized, paths } from "../../registry/shared/urls";

const rules: MirrorRules = { filteredExports: true, isAsset: (p) => p === "/favicon.svg" || p.startsWith("/build/") };

function resolve(url: string, r: MirrorRules = rules) {
  const u = new URL(url, "http://register.test");
  return resolveLocal(u.pathname, u.searchParams, r);
}

/** The file an address lands in: the language its prefix names, else `lang`. */
function fileOf(url: string, lang: "zh" | "en" = "zh"): string | null {
  const u = new URL(url, "http://register.test");
  const res = resolveAddress(u.pathname, u.searchParams, rules);
  return res.ok ? fileFor(res.resource, res.prefix ?? lang) : null;
}

describe("which URLs are mirrored", () => {
  it("mirrors the public pages and refuses everything that needs a session or a form", () => {
    for (const u of ["/", "/tools", "/tools/ALG-000001", "/tools/ALG-000001/history", "/agencies", "/agencies/miit", "/incidents", "/log", "/standard", "/sunsets", "/unregistered", "/api"]) {
      expect(resolve(u), u).toMatchObject({ ok: true, resource: { kind: "page" } });
    }
    for (const u of ["/login", "/logout", "/account", "/drafts", "/drafts/new", "/review", "/review/ALG-000001", "/review/comments", "/reports", "/lang", "/report-unregistered", "/tools/ALG-000001/edit", "/tools/ALG-000001/report", "/tools/ALG-000001/facts", "/api/v1/tools", "/anything-else"]) {
      expect(resolve(u), u).toEqual({ ok: false, reason: "not-public" });
    }
  });

  it("keeps one filter and its pages, drops the sort order, and refuses searches and filter combinations", () => {
    expect(resolve("/tools?kind=app&page=2")).toEqual({ ok: true, resource: { kind: "page", key: "/tools?kind=app&page=2" }, reduced: false });
    expect(resolve("/tools?page=2&kind=app")).toMatchObject({ resource: { key: "/tools?kind=app&page=2" } });
    expect(resolve("/tools?sunset=lapsed&sort=sunset")).toEqual({ ok: true, resource: { kind: "page", key: "/tools?sunset=lapsed" }, reduced: true });
    expect(resolve("/tools?page=1")).toMatchObject({ resource: { key: "/tools" }, reduced: true });
    expect(resolve("/tools?kind=app&status=in_use")).toEqual({ ok: false, reason: "too-many-filters" });
    expect(resolve("/tools?kind=app&kind=platform")).toEqual({ ok: false, reason: "too-many-filters" });
    expect(resolve("/tools?q=健康码")).toEqual({ ok: false, reason: "search" });
    expect(resolve("/incidents?year=2022&page=3")).toMatchObject({ resource: { key: "/incidents?page=3&year=2022" } });
    expect(resolve("/incidents?year=2022&kind=data_breach")).toEqual({ ok: false, reason: "too-many-filters" });
  });

  it("maps filtered exports to their own file, or to the unfiltered one when they cannot be mirrored", () => {
    expect(resolve("/tools.csv?kind=app&page=3")).toEqual({ ok: true, resource: { kind: "data", key: "/tools.csv?kind=app", perLang: false }, reduced: true });
    expect(resolve("/tools.csv?kind=app&status=in_use")).toMatchObject({ resource: { key: "/tools.csv" }, reduced: true });
    expect(resolve("/tools.json?kind=app", { ...rules, filteredExports: false })).toMatchObject({ resource: { key: "/tools.json" }, reduced: true });
    // The whole records are mirrored like the tool exports; there is no /records.csv.
    expect(resolve("/records.ndjson?kind=app")).toEqual({ ok: true, resource: { kind: "data", key: "/records.ndjson?kind=app", perLang: false }, reduced: false });
    expect(resolve("/records.json")).toMatchObject({ ok: true, resource: { kind: "data", key: "/records.json" } });
    expect(resolve("/records.csv")).toMatchObject({ ok: false });
    expect(resolve("/agencies.csv")).toMatchObject({ resource: { kind: "data", key: "/agencies.csv" } });
    // The other registers' formats (issue 16), and the crosswalk page that explains them.
    expect(resolve("/interop/omb-2025.csv?regime=us-omb-ai-inventory")).toEqual({ ok: true, resource: { kind: "data", key: "/interop/omb-2025.csv?regime=us-omb-ai-inventory", perLang: false }, reduced: false });
    expect(resolve("/interop/omb-2025.csv?kind=app&status=in_use")).toMatchObject({ resource: { key: "/interop/omb-2025.csv" }, reduced: true });
    expect(resolve("/interop/omb-2025.tsv")).toMatchObject({ ok: false });
    expect(resolve("/standard/crosswalk")).toMatchObject({ ok: true, resource: { kind: "page", key: "/standard/crosswalk" } });
  });

  it("mirrors filtered whole-record and foreign-format exports only when every export is filtered", () => {
    const rows: MirrorRules = { ...rules, filteredExports: "rows" };
    expect(resolve("/tools.csv?kind=app", rows)).toMatchObject({ resource: { key: "/tools.csv?kind=app" }, reduced: false });
    expect(resolve("/tools/data-elements.csv?kind=app", rows)).toMatchObject({ resource: { key: "/tools/data-elements.csv?kind=app" }, reduced: false });
    expect(resolve("/records.json?kind=app", rows)).toMatchObject({ resource: { key: "/records.json" }, reduced: true });
    expect(resolve("/records.ndjson?agency=beijing-transport", rows)).toMatchObject({ resource: { key: "/records.ndjson" }, reduced: true });
    expect(resolve("/interop/omb-2025.csv?level=III", rows)).toMatchObject({ resource: { key: "/interop/omb-2025.csv" }, reduced: true });
    expect(resolve("/records.json?kind=app")).toMatchObject({ resource: { key: "/records.json?kind=app" }, reduced: false });
    expect(resolve("/interop/omb-2025.csv?level=III")).toMatchObject({ resource: { key: "/interop/omb-2025.csv?level=III" }, reduced: false });
  });

  it("tells the log's newest page (no page) from page 1, but not for log.json", () => {
    expect(resolve("/log")).toMatchObject({ resource: { key: "/log" } });
    expect(resolve("/log?page=1")).toMatchObject({ resource: { key: "/log?page=1" } });
    expect(resolve("/log.json?page=1")).toMatchObject({ resource: { key: "/log.json" }, reduced: true });
    expect(resolve("/log.json?page=4")).toMatchObject({ resource: { key: "/log.json?page=4" } });
  });

  it("mirrors comparisons of two revisions in order, not arbitrary ones", () => {
    expect(resolve("/tools/ALG-000001/history?to=3&from=2")).toMatchObject({ resource: { key: "/tools/ALG-000001/history?from=2&to=3" } });
    expect(resolve("/tools/ALG-000001/history?from=3&to=2")).toEqual({ ok: false, reason: "comparison" });
    expect(resolve("/tools/ALG-000001/history?from=2")).toEqual({ ok: false, reason: "comparison" });
  });

  it("treats per-record files, feeds, the schema and assets as data", () => {
    expect(resolve("/tools/ALG-000001.json")).toMatchObject({ resource: { kind: "data", perLang: false } });
    expect(resolve("/tools/ALG-000001/history.json")).toMatchObject({ resource: { kind: "data", perLang: false } });
    expect(resolve("/tools/ALG-000001/changes.atom")).toMatchObject({ resource: { kind: "data", perLang: true } });
    expect(resolve("/agencies/miit/changes.atom")).toMatchObject({ resource: { kind: "data", perLang: true } });
    expect(resolve("/standard/v1.schema.json")).toMatchObject({ resource: { kind: "data" } });
    expect(resolve("/build/_assets/styles-X.css?url")).toEqual({ ok: true, resource: { kind: "asset", key: "/build/_assets/styles-X.css" }, reduced: true });
  });

  it("leaves out optional routes the build does not have", () => {
    expect(resolve("/api", { ...rules, isAbsent: (k) => k === "/api" })).toEqual({ ok: false, reason: "absent" });
  });

  it("reads the language prefix of an address apart from the resource it names", () => {
    const address = (url: string) => {
      const u = new URL(url, "http://register.test");
      return resolveAddress(u.pathname, u.searchParams, rules);
    };
    expect(address("/en/tools/ALG-000002")).toEqual({ ok: true, resource: { kind: "page", key: "/tools/ALG-000002" }, reduced: false, prefix: "en" });
    expect(address("/zh")).toMatchObject({ ok: true, resource: { kind: "page", key: "/" }, prefix: "zh" });
    expect(address("/en?x=1")).toMatchObject({ ok: true, resource: { key: "/" }, prefix: "en", reduced: true });
    expect(address("/en/tools?page=2&kind=app")).toMatchObject({ resource: { key: "/tools?kind=app&page=2" }, prefix: "en" });
    expect(address("/en/changes.atom")).toMatchObject({ resource: { kind: "data", key: "/changes.atom", perLang: true }, prefix: "en" });
    expect(address("/tools.json")).toMatchObject({ resource: { kind: "data", key: "/tools.json" }, prefix: null });
    expect(address("/tools/ALG-000002")).toMatchObject({ resource: { key: "/tools/ALG-000002" }, prefix: null });
    // Addresses the register does not serve: no language copy of neutral data or of assets.
    expect(address("/en/tools.json")).toEqual({ ok: false, reason: "not-public", prefix: "en" });
    expect(address("/en/tools.csv?kind=app")).toEqual({ ok: false, reason: "not-public", prefix: "en" });
    expect(address("/tools.csv?kind=app")).toMatchObject({ resource: { kind: "data", key: "/tools.csv?kind=app", perLang: false }, prefix: null });
    expect(address("/en/favicon.svg")).toEqual({ ok: false, reason: "not-public", prefix: "en" });
    expect(address("/en/login")).toEqual({ ok: false, reason: "not-public", prefix: "en" });
    // Not a prefix: a whole first segment only.
    expect(address("/english")).toMatchObject({ ok: false, prefix: null });
  });

  it("renders pages and feeds at their language address, shared data as it is", () => {
    expect(addressFor({ kind: "page", key: "/" }, "en")).toBe("/en");
    expect(addressFor({ kind: "page", key: "/tools?kind=app" }, "zh")).toBe("/zh/tools?kind=app");
    expect(addressFor({ kind: "data", key: "/changes.atom", perLang: true }, "en")).toBe("/en/changes.atom");
    expect(addressFor({ kind: "data", key: "/tools.csv?kind=app", perLang: false }, "zh")).toBe("/tools.csv?kind=app");
    expect(addressFor({ kind: "data", key: "/tools.json", perLang: false }, "zh")).toBe("/tools.json");
    expect(addressFor({ kind: "asset", key: "/favicon.svg" }, "en")).toBe("/favicon.svg");
  });
});

describe("file names", () => {
  it("puts pages under the language as index files and keeps data extensions last", () => {
    expect(fileOf("/")).toBe("zh/index.html");
    expect(fileOf("/", "en")).toBe("en/index.html");
    expect(fileOf("/tools")).toBe("zh/tools/index.html");
    expect(fileOf("/tools/")).toBe("zh/tools/index.html");
    expect(fileOf("/tools?page=2&kind=app")).toBe("zh/tools/index__kind=app&page=2.html");
    expect(fileOf("/tools/ALG-000001/history")).toBe("zh/tools/ALG-000001/history/index.html");
    expect(fileOf("/tools.csv?kind=code_system")).toBe("tools__kind=code_system.csv");
    expect(fileOf("/tools/ALG-000001.json", "en")).toBe("tools/ALG-000001.json");
    expect(fileOf("/log.json?page=2")).toBe("log__page=2.json");
    expect(fileOf("/standard/v1.schema.json")).toBe("standard/v1.schema.json");
    expect(fileOf("/changes.atom", "en")).toBe("en/changes.atom");
    expect(fileOf("/build/_assets/styles-X.css?url")).toBe("build/_assets/styles-X.css");
  });

  it("files what exists per language exactly where the register's language address puts it", () => {
    const pages = [paths.home(), paths.tool("ALG-000002"), paths.toolHistory("ALG-000002"), paths.agencies(), paths.agency("miit"), paths.standard(), paths.log(), paths.api()];
    for (const lang of ["zh", "en"] as const) {
      for (const key of pages) expect(fileFor({ kind: "page", key }, lang), key).toBe(`${localized(key, lang).slice(1)}/index.html`);
      for (const key of [paths.changesAtom(), paths.sunsetsAtom(), paths.toolChangesAtom("ALG-000002"), paths.agencyChangesAtom("miit")]) {
        expect(fileFor({ kind: "data", key, perLang: true }, lang), key).toBe(localized(key, lang).slice(1));
      }
    }
    expect(fileOf("/en/tools/ALG-000002")).toBe("en/tools/ALG-000002/index.html");
    // Shared files keep the layout they always had, whichever language links them.
    expect(fileOf("/tools.csv")).toBe("tools.csv");
    expect(fileOf("/tools/data-elements.csv", "en")).toBe("tools/data-elements.csv");
    // Something without a language address cannot be filed per language.
    expect(() => fileFor({ kind: "data", key: "/tools.json", perLang: true }, "en")).toThrow(/no address per language/);
  });

  it("spells unsafe characters as ~XX of their UTF-8 bytes, deterministically", () => {
    expect(safeName("kind=app")).toBe("kind~3Dapp");
    expect(safeName("门磁 a/b~")).toBe("~E9~97~A8~E7~A3~81~20a~2Fb~7E");
    expect(safeName("ALG-000001.json")).toBe("ALG-000001.json");
    const page: Resource = { kind: "page", key: "/agencies?x=%E9%97%A8%20a%26b" };
    expect(fileFor(page, "zh")).toBe("zh/agencies/index__x=~E9~97~A8~20a~26b.html");
  });

  it("links files to each other with relative paths", () => {
    expect(relativeHref("zh/tools/index.html", "zh/tools/ALG-1/index.html")).toBe("ALG-1/index.html");
    expect(relativeHref("zh/tools/ALG-1/index.html", "zh/tools/index.html")).toBe("../index.html");
    expect(relativeHref("zh/tools/ALG-1/history/index.html", "tools.csv")).toBe("../../../../tools.csv");
    expect(relativeHref("zh/index.html", "en/index.html")).toBe("../en/index.html");
    expect(relativeHref("index.html", "zh/index.html")).toBe("zh/index.html");
  });
});

describe("rewriting a page", () => {
  // As the register renders /zh/tools?kind=app: every link in the page's language space.
  const page = (html: string, over: Partial<PageContext> = {}, head = "") => {
    const resource: Resource = { kind: "page", key: "/tools?kind=app" };
    const ctx: PageContext = {
      pageUrl: new URL("http://register.test/zh/tools?kind=app"),
      lang: "zh",
      resource,
      file: fileFor(resource, "zh"),
      date: "2026-01-02",
      rules,
      ...over,
    };
    return rewritePage(`<!DOCTYPE html><html lang="zh-Hans"><head>${head}<link rel="stylesheet" href="/build/_assets/s.css?url"><link rel="modulepreload" href="/build/root.js"><script>window.x=1</script></head><body><main>${html}</main><script src="/build/entry.js"></script></body></html>`, ctx);
  };

  it("rewrites local links, keeps external and fragment links, and reports what it found", () => {
    const out = page('<a href="/zh/tools/ALG-000001">t</a><a href="/tools.csv?kind=app" download>csv</a><a href="https://example.org/x">ext</a><a href="mailto:a@b.c">m</a><a href="#x">f</a><a href="/zh/tools/ALG-000001#incidents">i</a><a href="/tools.json?kind=app">json</a>');
    expect(out.html).toContain('href="ALG-000001/index.html"');
    expect(out.html).toContain('href="../../tools__kind=app.csv" download=""');
    expect(out.html).toContain('href="https://example.org/x"');
    expect(out.html).toContain('href="mailto:a@b.c"');
    expect(out.html).toContain('href="#x"');
    expect(out.html).toContain('href="ALG-000001/index.html#incidents"');
    expect(out.html).toContain('href="../../tools__kind=app.json"');
    expect(out.html).toContain('href="../../build/_assets/s.css"');
    expect(out.found.map((r) => r.key)).toEqual(expect.arrayContaining(["/tools/ALG-000001", "/tools.csv?kind=app", "/tools.json?kind=app", "/build/_assets/s.css"]));
  });

  it("maps each language's addresses to that language's files, and shared files to the one copy", () => {
    const out = page('<a href="/en/tools/ALG-000001">en</a><a href="/zh/changes.atom">feed</a><a href="/en/changes.atom">en feed</a><a href="/tools.csv">csv</a><a href="/zh">home</a>');
    expect(out.html).toContain('<a href="../../en/tools/ALG-000001/index.html">en</a>');
    expect(out.html).toContain('<a href="../changes.atom">feed</a>');
    expect(out.html).toContain('<a href="../../en/changes.atom">en feed</a>');
    expect(out.html).toContain('<a href="../../tools.csv">csv</a>');
    expect(out.html).toContain('<a href="../index.html">home</a>');
    // A link the page left unprefixed stays in the page's language.
    expect(page('<a href="/tools/ALG-000001">t</a>').html).toContain('href="ALG-000001/index.html"');
  });

  it("removes scripts and modulepreload links", () => {
    const out = page("<p>x</p>");
    expect(out.html).not.toMatch(/<script|modulepreload/);
  });

  it("drops scripts whole and leaves everything around them where it was", () => {
    const resource: Resource = { kind: "page", key: "/tools" };
    const ctx: PageContext = { pageUrl: new URL("http://register.test/zh/tools"), lang: "zh", resource, file: fileFor(resource, "zh"), date: "2026-01-02", rules };
    const html = `<!DOCTYPE html><html lang="zh-Hans"><head></head><body><main><p>x</p></main><!--$--></body></html><!--$--><script type="module">import("/build/x.js"); const a = '<a href="/tools/ALG-000001">';</script ><!--/$--><!--/$-->`;
    const out = rewritePage(html, ctx);
    // The link inside the script is script text, not a link: not found, not rewritten.
    expect(out.found).toEqual([]);
    expect(out.html).not.toMatch(/ALG-000001|<script/);
    expect(out.html).toMatch(/<p>x<\/p><\/main><!--\$--><\/body><\/html><!--\$--><!--\/\$--><!--\/\$-->$/);
  });

  it("reads the page as tags: a link made text closes as text, style text stays text, SVG keeps its spelling", () => {
    const out = page(
      '<a href="/zh/login" class="nav" data-discover="true"><b>登录</b> <i>x</i></a><style>.a>.b{content:"<a href=/zh/login>"}</style><svg viewBox="0 0 2 2"><path d="M0 0L1 1"/></svg><iframe src="/zh/login"><a href="/zh/tools">in</a></iframe><p title="a &amp; b &quot;c&quot;">t</p>',
    );
    expect(out.html).toContain('<span class="nav"><b>登录</b> <i>x</i></span>');
    expect(out.html).toContain('<style>.a>.b{content:"<a href=/zh/login>"}</style>');
    expect(out.html).toContain('<svg viewBox="0 0 2 2"><path d="M0 0L1 1"/></svg>');
    // An element other than a link whose address is not mirrored goes whole, with what it holds.
    expect(out.html).not.toMatch(/iframe|>in</);
    expect(out.html).toContain('<p title="a &amp; b &quot;c&quot;">t</p>');
    expect(out.html).not.toContain("data-discover");
    expect(out.unmirrored).toEqual(["/login", "/login"]);
  });

  it("turns links to what is not mirrored into text, or into links to the live register", () => {
    const html = '<a href="/zh/login" class="nav">Log in</a><a href="/zh/tools?kind=app&amp;status=in_use">two</a><a href="/en/tools.json">none</a>';
    const text = page(html);
    expect(text.html).toContain('<span class="nav">Log in</span>');
    expect(text.html).toContain("<span>two</span>");
    expect(text.unmirrored).toEqual(["/login", "/tools", "/tools.json"]);
    const live = page(html, { liveOrigin: "http://register.test" });
    expect(live.html).toContain('href="http://register.test/zh/login"');
    // An unprefixed link leads to the live page in this page's language; neutral ones stay as they are.
    const unprefixed = page('<a href="/tools/ALG-000001/report?x=1#f">report</a><a href="/api/v1/tools">api</a>', { liveOrigin: "http://register.test" });
    expect(unprefixed.html).toContain('href="http://register.test/zh/tools/ALG-000001/report?x=1#f"');
    expect(unprefixed.html).toContain('href="http://register.test/api/v1/tools"');
    // The live copy of the page is its shareable language address.
    expect(live.html).toContain('<link rel="canonical" href="http://register.test/zh/tools?kind=app">');
  });

  it("drops a link that only changed the sort order of the page it is on", () => {
    const out = page('<a href="/zh/tools?kind=app&amp;sort=updated">by date</a><a href="/zh/tools?kind=app">same</a>');
    expect(out.html).toContain("<span>by date</span>");
    expect(out.html).toContain('<a href="index__kind=app.html">same</a>');
  });

  it("turns the language switch into a link to the twin page", () => {
    const out = page(
      '<header><p class="lang-switch"><a hreflang="en" aria-label="将页面切换为英文" href="/en/tools?kind=app"><span lang="en">English</span></a></p></header>',
    );
    expect(out.html).toContain('<p class="lang-switch"><a hreflang="en" aria-label="将页面切换为英文" href="../../en/tools/index__kind=app.html"><span lang="en">English</span></a></p>');
    // From the English page back, the same way.
    const resource: Resource = { kind: "page", key: "/tools/ALG-000002" };
    const en = page('<p class="lang-switch"><a hreflang="zh-Hans" aria-label="Switch the page to Chinese" href="/zh/tools/ALG-000002"><span lang="zh-Hans">中文</span></a></p>', {
      resource,
      lang: "en",
      file: fileFor(resource, "en"),
      pageUrl: new URL("http://register.test/en/tools/ALG-000002"),
    });
    expect(en.html).toContain('href="../../../zh/tools/ALG-000002/index.html"><span lang="zh-Hans">中文</span></a>');
    expect(en.found).toEqual([expect.objectContaining({ key: "/build/_assets/s.css" })]);
  });

  it("points the zh-Hans and en alternates at the twin files and leaves x-default out", () => {
    const out = page(
      "<p>x</p>",
      {},
      '<link rel="alternate" hreflang="zh-Hans" href="http://register.test/zh/tools?kind=app"><link rel="alternate" hreflang="en" href="http://register.test/en/tools?kind=app"><link rel="alternate" hreflang="x-default" href="http://register.test/tools?kind=app"><link rel="alternate" type="application/atom+xml" href="/zh/changes.atom">',
    );
    expect(out.html).toContain('<link rel="alternate" hreflang="zh-Hans" href="index__kind=app.html">');
    expect(out.html).toContain('<link rel="alternate" hreflang="en" href="../../en/tools/index__kind=app.html">');
    expect(out.html).not.toContain("x-default");
    expect(out.html).not.toContain("register.test");
    expect(out.html).toContain('<link rel="alternate" type="application/atom+xml" href="../changes.atom">');
  });

  it("replaces other forms with a note, and the revision comparison with links to each step", () => {
    const resource: Resource = { kind: "page", key: "/tools/ALG-000001/history" };
    const out = page(
      '<form method="get" action="/en/tools" role="search"><input name="q"></form><form method="get" class="compare-form"><select name="from"><option value="1">1</option><option value="2">2</option><option value="3">3</option></select><select name="to"></select></form>',
      { resource, file: fileFor(resource, "en"), lang: "en", pageUrl: new URL("http://register.test/en/tools/ALG-000001/history") },
    );
    expect(out.html).not.toContain("<form");
    expect(out.html).toContain("static mirror of 2026-01-02");
    expect(out.html).toContain('href="index__from=1&amp;to=2.html#compare"');
    expect(out.html).toContain('href="index__from=2&amp;to=3.html#compare"');
    expect(out.html).toContain("revision 2 → 3");
    expect(out.found.map((r) => r.key)).toEqual(expect.arrayContaining(["/tools/ALG-000001/history?from=1&to=2", "/tools/ALG-000001/history?from=2&to=3"]));
  });

  it("marks every page as a dated copy", () => {
    expect(page("<h1>x</h1>").html).toContain('<main><p class="mirror-banner" role="note">这是本登记簿于 2026-01-02 制作的静态副本');
  });

  it("maps a same-page link with a fragment to the fragment alone", () => {
    const resource: Resource = { kind: "page", key: "/tools/ALG-000001" };
    const ctx: PageContext = { pageUrl: new URL("http://register.test/zh/tools/ALG-000001"), lang: "zh", resource, file: fileFor(resource, "zh"), date: "2026-01-02", rules };
    expect(mapLink("/zh/tools/ALG-000001#comments", ctx)).toEqual({ type: "href", href: "#comments" });
    // The same page in the other language is another file, fragment kept.
    expect(mapLink("/en/tools/ALG-000001#comments", ctx)).toMatchObject({ type: "href", href: "../../../en/tools/ALG-000001/index.html#comments" });
  });
});

describe("the export's profile", () => {
  it("groups resources by kind: ids, agencies, filters, pages and comparisons generalised", () => {
    expect(kindOf({ kind: "page", key: "/tools/ALG-000012" })).toBe("page /tools/<id>");
    expect(kindOf({ kind: "page", key: "/tools/ALG-000012/history?from=1&to=2" })).toBe("page /tools/<id>/history?<compare>");
    expect(kindOf({ kind: "data", key: "/tools/ALG-000012.json", perLang: false })).toBe("data /tools/<id>.json");
    expect(kindOf({ kind: "page", key: "/tools?kind=app&page=3" })).toBe("page /tools?<filter>&<page>");
    expect(kindOf({ kind: "page", key: "/tools?page=3&status=live" })).toBe("page /tools?<filter>&<page>");
    expect(kindOf({ kind: "data", key: "/interop/atrs-3.json?kind=app", perLang: false })).toBe("data /interop/atrs-3.json?<filter>");
    expect(kindOf({ kind: "page", key: "/tools?page=3" })).toBe("page /tools?<page>");
    expect(kindOf({ kind: "data", key: "/records.json?agency=beijing-transport", perLang: false })).toBe("data /records.json?<filter>");
    expect(kindOf({ kind: "page", key: "/agencies/beijing-transport" })).toBe("page /agencies/<slug>");
    expect(kindOf({ kind: "data", key: "/agencies/beijing-transport/changes.atom", perLang: true })).toBe("data /agencies/<slug>/changes.atom");
    expect(kindOf({ kind: "data", key: "/agencies.csv?kind=app", perLang: false })).toBe("data /agencies.csv?<filter>");
    expect(kindOf({ kind: "page", key: "/" })).toBe("page /");
  });
});
