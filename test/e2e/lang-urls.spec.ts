// Shareable language addresses: /zh/... and /en/... fix the page language whatever the cookie or
// Accept-Language say; unprefixed addresses keep negotiating; every public page names both
// language versions (hreflang); the switch keeps the reader on the same page; a prefixed page
// links within its own language.
import http from "node:http";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { PUBLIC_PAGES } from "../helpers/public-pages";
import { isLanguageNeutral, localized, splitLangPrefix } from "../../registry/shared/urls";
import { spamPostedComments } from "../helpers/e2e-comments";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB = path.resolve(`test/.tmp/e2e-${PORT}.sqlite`);

/** A GET with exactly the given headers (fetch would add Accept-Language: *). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: PORT, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      })
      .on("error", reject);
  });
}

const htmlLang = (body: string) => /<html lang="([^"]+)"/.exec(body)?.[1];
// The lang cookie as the switch's old form wrote it (base64 JSON).
const cookieFor = (lang: "zh" | "en") => `lang=${encodeURIComponent(Buffer.from(JSON.stringify(lang)).toString("base64"))}`;

test("a /en or /zh address fixes the language without cookies or Accept-Language, and wins over both", async () => {
  const en = await get("/en/tools/ALG-000002");
  expect(en.status).toBe(200);
  expect(htmlLang(en.body)).toBe("en");
  expect(en.body).toContain("Suishen code");
  const variants: Record<string, string>[] = [{ "Accept-Language": "zh-CN,zh;q=0.9" }, { Cookie: cookieFor("zh") }, { Cookie: cookieFor("zh"), "Accept-Language": "zh-CN" }];
  for (const headers of variants) {
    expect(htmlLang((await get("/en/tools/ALG-000002", headers)).body), JSON.stringify(headers)).toBe("en");
    expect(htmlLang((await get("/zh/tools/ALG-000002", { ...headers, "Accept-Language": "en-GB", Cookie: cookieFor("en") })).body)).toBe("zh-Hans");
  }
  // The home page of each language, and a query on a prefixed list.
  expect(htmlLang((await get("/en")).body)).toBe("en");
  expect(htmlLang((await get("/zh", { "Accept-Language": "en" })).body)).toBe("zh-Hans");
  const list = await get(`/en/tools?q=${encodeURIComponent("健康码")}`);
  expect(htmlLang(list.body)).toBe("en");
  expect(list.body).toContain('class="tool-card');
  // Unprefixed addresses keep negotiating.
  expect(htmlLang((await get("/tools/ALG-000002")).body)).toBe("zh-Hans");
  expect(htmlLang((await get("/tools/ALG-000002", { "Accept-Language": "en-GB" })).body)).toBe("en");
  expect(htmlLang((await get("/tools/ALG-000002", { "Accept-Language": "en-GB", Cookie: cookieFor("zh") })).body)).toBe("zh-Hans");
  // The page cache keeps each language apart: the same prefixed address asked for with other
  // headers, and the unprefixed one, never get each other's bytes.
  for (let i = 0; i < 2; i++) {
    // Shared caches are told the same: a prefixed page does not vary by Accept-Language.
    const prefixed = await get("/en/sunsets", { "Accept-Language": "zh" });
    expect(prefixed.headers.vary).toBe("Accept-Encoding, Cookie");
    expect((await get("/sunsets")).headers.vary).toBe("Accept-Encoding, Accept-Language, Cookie");
    expect(htmlLang(prefixed.body)).toBe("en");
    expect(htmlLang((await get("/zh/sunsets", { "Accept-Language": "en" })).body)).toBe("zh-Hans");
    expect(htmlLang((await get("/sunsets", { "Accept-Language": "en" })).body)).toBe("en");
    expect(htmlLang((await get("/sunsets", { "Accept-Language": "zh" })).body)).toBe("zh-Hans");
  }
});

test("addresses that are not pages in a language", async () => {
  // An unknown language segment is not a language: a 404 in the negotiated language.
  const fr = await get("/fr/tools", { "Accept-Language": "zh" });
  expect(fr.status).toBe(404);
  expect(htmlLang(fr.body)).toBe("zh-Hans");
  // The prefix is exact, as the server reads it: /EN is not a language either.
  expect((await get("/EN/tools")).status).toBe(404);
  // An unknown page under /en is a 404 in English.
  const missing = await get("/en/tools/ALG-999999", { "Accept-Language": "zh" });
  expect(missing.status).toBe(404);
  expect(htmlLang(missing.body)).toBe("en");
  // Feeds follow the address too: English titles at /en/changes.atom whatever the browser says.
  const feed = await get("/en/changes.atom", { "Accept-Language": "zh" });
  expect(feed.status).toBe(200);
  expect(/<feed[^>]*xml:lang="([^"]+)"/.exec(feed.body)?.[1]).toBe("en");
  expect(/<title[^>]*>([^<]*)/.exec(feed.body)?.[1]).not.toMatch(/[\u4e00-\u9fff]/);
  const feedZh = await get("/zh/changes.atom", { "Accept-Language": "en" });
  expect(/<feed[^>]*xml:lang="([^"]+)"/.exec(feedZh.body)?.[1]).toBe("zh-Hans");
  expect(/<title[^>]*>([^<]*)/.exec(feedZh.body)?.[1]).toMatch(/[\u4e00-\u9fff]/);
  // Data has one address: CSV and JSON are not copied under a language.
  expect((await get("/en/tools.csv")).status).toBe(404);
  expect((await get("/en/tools.json")).status).toBe(404);
});

test("every public page names its Chinese, English and negotiated addresses (hreflang), in both languages", async () => {
  const missing: string[] = [];
  for (const path of PUBLIC_PAGES) {
    for (const lang of ["zh", "en"] as const) {
      const address = localized(path, lang);
      const res = await get(address);
      expect(res.status, address).toBe(200);
      const links = [...res.body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/?>/g)].map((m) => {
        const href = new URL(m[2]!.replaceAll("&amp;", "&"));
        return [m[1], href.pathname + href.search];
      });
      const want = [
        ["zh-Hans", localized(path, "zh")],
        ["en", localized(path, "en")],
        ["x-default", path],
      ];
      for (const w of want) if (!links.some((l) => l[0] === w[0] && l[1] === w[1])) missing.push(`${address}: ${w.join(" ")} (has ${JSON.stringify(links)})`);
    }
  }
  expect(missing).toEqual([]);
});

/** Internal links on the page that leave its language's address space. */
async function linksOutside(page: Page, prefix: "zh" | "en" | null): Promise<string[]> {
  const hrefs = await page.locator("a[href^='/'], form[action^='/']").evaluateAll((els) =>
    els.filter((e) => !e.closest(".lang-switch")).map((e) => e.getAttribute("href") ?? e.getAttribute("action") ?? ""),
  );
  return hrefs.filter((h) => {
    const { prefix: p, path } = splitLangPrefix(h);
    const pathname = path.split(/[?#]/)[0]!;
    if (isLanguageNeutral(pathname)) return p !== null; // data has one address
    return p !== prefix;
  });
}

test("a prefixed page links within its language; an unprefixed page stays unprefixed", async ({ page }) => {
  for (const path of ["/", "/tools?q=%E5%81%A5%E5%BA%B7%E7%A0%81", "/tools/ALG-000002", "/agencies/shanghai-municipal-government", "/log", "/standard"]) {
    for (const prefix of ["en", "zh", null] as const) {
      const address = localized(path, prefix);
      await page.goto(address);
      expect(await linksOutside(page, prefix), address).toEqual([]);
    }
  }
});

for (const js of [true, false]) {
  test(`the switch keeps the reader on the same page (JavaScript ${js ? "on" : "off"})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: js, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto("/tools?q=%E5%81%A5%E5%BA%B7%E7%A0%81");
    const count = await page.locator(".tool-card").count();
    expect(count).toBeGreaterThan(0);
    await page.getByRole("link", { name: "将页面切换为英文" }).click();
    await expect(page).toHaveURL(/\/en\/tools\?q=%E5%81%A5%E5%BA%B7%E7%A0%81$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator(".tool-card")).toHaveCount(count);
    // Moving on keeps English (client-side navigation with JavaScript, a new document without).
    await page.locator(".tool-card a").first().click();
    await expect(page).toHaveURL(/\/en\/tools\/ALG-\d{6}$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation").getByRole("link", { name: "Tools", exact: true })).toHaveAttribute("href", "/en/tools");
    // And back to Chinese on the same record.
    const record = new URL(page.url()).pathname.replace(/^\/en/, "");
    // The address changes before the new page has rendered (a client-side navigation renders in a
    // transition): wait until the switch names this record, so the click is not on the old link.
    const toChinese = page.getByRole("link", { name: "Switch the page to Chinese" });
    await expect(toChinese).toHaveAttribute("href", new RegExp(`/zh${record}$`));
    await toChinese.click();
    await expect(page).toHaveURL(new RegExp(`/zh${record}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    // Going back in history returns to the English record, in English.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/en${record}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await context.close();
  });
}

const posted: string[] = [];
// Leave the moderation queue as it was for the other specs: the comment is marked as spam.
test.afterAll(() => spamPostedComments(DB, posted));

test("a comment posted on an English address comes back to the English address (no JavaScript)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/en/tools/ALG-000010");
  const body = `A question asked in English ${Date.now()}: who can see the collected locations?`;
  posted.push(body);
  await page.getByLabel(/Your comment/).fill(body);
  await page.getByRole("button", { name: /Send for moderation/ }).click();
  await expect(page).toHaveURL(/\/en\/tools\/ALG-000010(?:\?[^#]*)?#/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("#comment-result")).toBeVisible();
  await expect(page.locator("#comments").getByRole("status")).toHaveCount(1);
  await context.close();
});
