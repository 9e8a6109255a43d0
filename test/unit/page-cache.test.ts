// The page cache's rules: a new version empties it, a page rendered at an older version is not
// kept, the byte budget evicts the least recently used page; and the cache key's language is
// the language the page is rendered in.
import { describe, expect, it } from "vitest";
import { CachedPage, PageCache, etagMatches } from "../../server/page-cache.mjs";
import { langCookie, langFromHeaders, resolveLang } from "~/i18n/lang.server";

const page = (text: string) => new CachedPage(200, { "content-type": "text/html" }, Buffer.from(text));

describe("PageCache", () => {
  it("serves a page only at the version it was rendered at", () => {
    const cache = new PageCache();
    expect(cache.get("v1", "zh /")).toBeUndefined();
    cache.set("v1", "zh /", page("one"));
    expect(cache.get("v1", "zh /")?.body.toString()).toBe("one");
    expect(cache.get("v2", "zh /")).toBeUndefined();
    // Rendered before the change that made v2, stored after: dropped.
    cache.set("v1", "zh /", page("stale"));
    expect(cache.get("v2", "zh /")).toBeUndefined();
    cache.set("v2", "zh /", page("two"));
    expect(cache.get("v2", "zh /")?.body.toString()).toBe("two");
  });

  it("keeps to its byte budget, least recently used out first", () => {
    const cache = new PageCache({ maxBytes: 8 * 1600 });
    for (const k of ["a", "b", "c", "d", "e", "f", "g", "h"]) cache.set("v", k, page("x".repeat(1000)));
    cache.get("v", "a");
    cache.set("v", "i", page("x".repeat(1000)));
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect(cache.get("v", "a")).toBeDefined();
    expect(cache.get("v", "b")).toBeUndefined();
  });

  it("compares ETags weakly", () => {
    const p = page("body");
    expect(etagMatches(p.etag, p.etag)).toBe(true);
    expect(etagMatches(`"x", ${p.etag.replace("W/", "")}`, p.etag)).toBe(true);
    expect(etagMatches('"other"', p.etag)).toBe(false);
    expect(etagMatches(undefined, p.etag)).toBe(false);
  });
});

describe("langFromHeaders", () => {
  it("chooses the language resolveLang chooses", async () => {
    const cases: [string | null, string | null][] = [
      [await langCookie.serialize("en"), "zh-CN"],
      [await langCookie.serialize("zh"), "en-GB,en;q=0.9"],
      [null, "en-US,en;q=0.8,zh;q=0.5"],
      [null, "fr, zh;q=0.2"],
      [null, null],
      ["lang=garbage", "en"],
    ];
    for (const [setCookie, accept] of cases) {
      const cookie = setCookie ? `other=1; ${setCookie.split(";")[0]}` : null;
      const headers = new Headers();
      if (cookie) headers.set("Cookie", cookie);
      if (accept) headers.set("Accept-Language", accept);
      expect(langFromHeaders(cookie, accept), `${cookie} ${accept}`).toBe(await resolveLang(new Request("http://x/", { headers })));
    }
  });
});
