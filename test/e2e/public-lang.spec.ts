// Issue 11, finding 6: a page asked for under /en (or /zh) links in that language's address space,
// so a shared link keeps its language; an unprefixed page keeps unprefixed links. Text in the other
// language (a search snippet, an agency's name) says which language it is in.
import { test, expect, type Page } from "@playwright/test";
import { isLanguageNeutral, splitLangPrefix } from "../../registry/shared/urls";

/** Every address on the page the register serves (links, forms, head links), but not the build's files. */
async function ownAddresses(page: Page): Promise<{ address: string; switch: boolean }[]> {
  const found = await page.$$eval("a[href], link[href], form[action]", (els) =>
    els.map((e) => ({ address: e.getAttribute(e.tagName === "FORM" ? "action" : "href") ?? "", switch: e.hasAttribute("hreflang") })),
  );
  return found.filter((f) => f.address.startsWith("/") && !f.address.startsWith("//") && !/^\/(build|favicon)/.test(f.address));
}

const pathname = (address: string) => address.split(/[?#]/)[0]!;

const EN_PAGES = [
  "/en/tools/ALG-000002",
  "/en/tools?q=%E5%81%A5%E5%BA%B7%E7%A0%81",
  "/en/tools?agency=shanghai-municipal-government",
  "/en/tools/ALG-000002/history",
  "/en/tools/ALG-000002/report",
  "/en/agencies/shanghai-municipal-government",
  "/en/sunsets",
  "/en/incidents",
  "/en/log",
  "/en/api",
];

for (const path of EN_PAGES) {
  test(`${decodeURI(path)} links stay under /en, except language-neutral data`, async ({ page }) => {
    // The page also hydrates without an error (a mismatch between server and browser rendering).
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    expect((await page.goto(path))?.status()).toBe(200);
    await page.waitForLoadState("networkidle");
    const wrong = (await ownAddresses(page))
      .filter((a) => !a.switch)
      .filter((a) => (isLanguageNeutral(pathname(a.address)) ? splitLangPrefix(a.address).prefix !== null : splitLangPrefix(a.address).prefix !== "en"))
      .map((a) => a.address);
    expect(wrong).toEqual([]);
    expect(errors).toEqual([]);
  });
}

for (const path of ["/tools/ALG-000002", "/tools?q=%E5%81%A5%E5%BA%B7%E7%A0%81"]) {
  test(`${decodeURI(path)} links stay unprefixed`, async ({ page }) => {
    await page.goto(path);
    const prefixed = (await ownAddresses(page)).filter((a) => !a.switch && splitLangPrefix(a.address).prefix !== null).map((a) => a.address);
    expect(prefixed).toEqual([]);
  });
}

test("a search snippet in the other language carries that language", async ({ page }) => {
  // English page, Chinese query: the highlighted snippets are from the Chinese summaries.
  await page.goto("/en/tools?q=%E5%81%A5%E5%BA%B7%E7%A0%81");
  const en = await page.$$eval(".tool-card .summary:has(mark)", (els) => els.map((e) => ({ lang: e.getAttribute("lang"), text: e.textContent ?? "" })));
  expect(en.length).toBeGreaterThan(0);
  for (const s of en) expect(s.lang, s.text).toBe(/\p{Script=Han}/u.test(s.text) ? "zh-Hans" : "en");
  expect(en.some((s) => s.lang === "zh-Hans")).toBe(true);
  // Chinese page, English query: English snippets.
  await page.goto("/zh/tools?q=code");
  const zh = await page.$$eval(".tool-card .summary:has(mark)", (els) => els.map((e) => e.getAttribute("lang")));
  expect(zh.length).toBeGreaterThan(0);
  expect(zh.every((lang) => lang === "en")).toBe(true);
});

test("an agency's name in a filter says its language", async ({ page }) => {
  await page.goto("/en/tools?agency=shanghai-municipal-government");
  await expect(page.locator(".active-filters [lang]").first()).toHaveAttribute("lang", "en");
  const facetNames = await page.$$eval("#facet-agency ~ ul li", (els) => els.map((e) => e.querySelector("[lang]")?.getAttribute("lang") ?? null));
  expect(facetNames.length).toBeGreaterThan(0);
  expect(facetNames.every((l) => l === "en")).toBe(true);
});
