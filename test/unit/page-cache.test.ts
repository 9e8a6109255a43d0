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

  it("does not move a popular page on every hit, yet still evicts the pages not asked for first", () => {
    const cache = new PageCache({ maxBytes: 8 * 1600 });
    for (const k of ["a", "b", "c", "d", "e", "f", "g", "h"]) cache.set("v", k, page("x".repeat(1000)));
    // "h" is the newest: a thousand hits leave it where it is.
    const moves = cache.moves;
    for (let i = 0; i < 1000; i++) expect(cache.get("v", "h")).toBeDefined();
    expect(cache.moves).toBe(moves);
    expect([...cache.pages.keys()].at(-1)).toBe("h");
    // "a", the oldest, moves to the newest end on its first hit, once.
    cache.get("v", "a");
    cache.get("v", "a");
    expect(cache.moves).toBe(moves + 1);
    expect([...cache.pages.keys()].at(-1)).toBe("a");
    // Two new pages push out the two least recently used ("b", "c"); "h" and "a" stay.
    cache.set("v", "i", page("x".repeat(1000)));
    cache.set("v", "j", page("x".repeat(1000)));
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes);
    expect([..."bc"].map((k) => cache.get("v", k))).toEqual([undefined, undefined]);
    expect([..."adefghij"].every((k) => cache.get("v", k) !== undefined)).toBe(true);
  });

  it("keeps a page that declared its deps across a version only when carry says the change left it as it was", () => {
    const asked: [string, string, string][] = [];
    const cache = new PageCache({ carry: (p: CachedPage, from: string, to: string) => (asked.push([p.body.toString(), from, to]), p.body.toString() !== "touched") });
    const withDeps = (text: string) => Object.assign(page(text), { deps: { kind: "list" } });
    cache.set("v1", "kept", withDeps("kept"));
    cache.set("v1", "touched", withDeps("touched"));
    cache.set("v1", "plain", page("plain"));
    // A page without deps is never carried; the others are asked about once, from their own version.
    expect(cache.get("v2", "plain")).toBeUndefined();
    expect(cache.get("v2", "kept")?.body.toString()).toBe("kept");
    expect(cache.get("v2", "touched")).toBeUndefined();
    expect(asked).toEqual([
      ["kept", "v1", "v2"],
      ["touched", "v1", "v2"],
    ]);
    expect(cache.get("v2", "kept")?.body.toString()).toBe("kept");
    expect(asked).toHaveLength(2);
    // Not asked for at v2: still waiting at v3, asked from v1 (its own version), and then kept under v3.
    cache.set("v2", "later", withDeps("later"));
    cache.set("v1", "old", withDeps("old"));
    expect(cache.get("v3", "kept")?.body.toString()).toBe("kept");
    expect(asked.at(-1)).toEqual(["kept", "v2", "v3"]);
    expect(cache.get("v3", "later")?.body.toString()).toBe("later");
    expect(cache.stats.carried).toBe(3);
    expect(cache.stats.dropped).toBe(1);
    // Pages set aside count towards the byte budget: the oldest of them leave first.
    const small = new PageCache({ maxBytes: 10 * 1600, carry: () => true });
    const keys = "abcdefghij".split("");
    for (const k of keys) small.set("v1", k, withDeps("x".repeat(1000)));
    expect(small.pages.size).toBe(10);
    small.get("v2", "zz");
    expect(small.previous.size).toBe(10);
    for (const k of ["y", "z"]) small.set("v2", k, withDeps("y".repeat(1000)));
    expect(small.bytes + small.previousBytes).toBeLessThanOrEqual(small.maxBytes);
    expect(small.get("v2", "a")).toBeUndefined();
    expect(small.get("v2", "j")?.body.toString()).toBe("x".repeat(1000));
    expect(small.bytes + small.previousBytes).toBeLessThanOrEqual(small.maxBytes);
    // Without a carry function, a new version empties the cache as before.
    const plain = new PageCache();
    plain.set("v1", "kept", withDeps("kept"));
    expect(plain.get("v2", "kept")).toBeUndefined();
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
