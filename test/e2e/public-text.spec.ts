// What a reader sees on the public pages (document.body.innerText) carries no internal text: no
// seed source keys ([seed-000]), no seed file names, no agency slugs, and no time of day without
// its time zone. Every public page type, in both languages.
import { test, expect, type Page } from "@playwright/test";
import { SEED_AGENCIES } from "../helpers/seed";
import { PUBLIC_PAGES } from "../helpers/public-pages";

const PAGES = [...PUBLIC_PAGES];

const ZONE_LABEL = { zh: "北京时间", en: "Beijing time" } as const;
const SLUGS = SEED_AGENCIES.map((a) => a.slug);

/** Every problem in one page's visible text, as short quotes a person can find on the page. */
function problems(text: string, lang: "zh" | "en"): string[] {
  const found: string[] = [];
  const quote = (i: number, n: number) => JSON.stringify(text.slice(Math.max(0, i - 20), i + n + 20));
  for (const m of text.matchAll(/\[seed-/g)) found.push(`source key ${quote(m.index, 6)}`);
  for (const m of text.matchAll(/\d{3}_[0-9a-f]{16}\.txt/g)) found.push(`seed file ${quote(m.index, m[0].length)}`);
  // A slug inside an address the page prints for developers (/api's example
  // /api/v1/agencies/<slug>) is part of a URL, not a name shown to a reader.
  for (const slug of SLUGS) {
    const re = new RegExp(`(?<![\\w/=-])${slug}(?![\\w-])`, "g");
    for (const m of text.matchAll(re)) found.push(`agency slug ${quote(m.index, slug.length)}`);
  }
  // Who acted is a role and an agency's name, not the log's stored actor ("editors", "official@…").
  for (const m of text.matchAll(/(?<=^|[\t(])(?:editors|register)(?=$|[\t)])|\b(?:official|reviewer|admin)@/gm)) found.push(`stored actor ${quote(m.index, m[0].length)}`);
  // A time of day is followed by its zone label within a few characters ("14:05 北京时间").
  // Not a port in an address (127.0.0.1:3000).
  for (const m of text.matchAll(/(?<![\d.:])\d{1,2}:\d{2}(?::\d{2})?(?!\d)/g)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4 + ZONE_LABEL[lang].length);
    if (!after.includes(ZONE_LABEL[lang])) found.push(`time without zone ${quote(m.index, m[0].length)}`);
  }
  return found;
}

async function visibleText(page: Page, path: string): Promise<string> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  return page.evaluate(() => document.body.innerText);
}

for (const lang of ["zh", "en"] as const) {
  test(`public pages show no internal identifiers and no unlabelled time (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang === "zh" ? "zh-CN" : "en-GB" });
    const page = await context.newPage();
    const report: Record<string, string[]> = {};
    let times = 0;
    for (const path of PAGES) {
      const text = await visibleText(page, path);
      times += text.split(ZONE_LABEL[lang]).length - 1;
      const p = problems(text, lang);
      if (p.length) report[path] = p;
    }
    expect(report).toEqual({});
    // The check above is not vacuous: the log and the history show labelled times.
    expect(times).toBeGreaterThan(0);
    await context.close();
  });
}

test("a record's sources show their title and citation, numbered in the order shown", async ({ page }) => {
  await page.goto("/tools/ALG-000001");
  const items = page.locator("ol.sources > li");
  const n = await items.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const text = await items.nth(i).innerText();
    expect(text).toMatch(new RegExp(`^\\[${i + 1}\\]`));
  }
});

test("a retired tool shows the retired badge once, on its card and on its record", async ({ page }) => {
  await page.goto("/tools?status=retired");
  const card = page.locator(".tool-card", { hasText: "ALG-000010" });
  expect((await card.innerText()).split("已停用").length - 1).toBe(1);
  await page.goto("/tools/ALG-000010");
  await expect(page.locator(".badge", { hasText: "已停用" })).toHaveCount(1);
});

test("the home page says which tools without a lawful end date are suspended and which are running", async ({ page }) => {
  await page.goto("/");
  const section = page.locator('section[aria-labelledby="unlawful-h"]');
  const groups = section.locator(":scope > h3");
  expect(await groups.count()).toBeGreaterThan(0);
  const expected: Record<string, string[]> = {
    "已暂停，且没有合法的终止日期": ["已暂停"],
    "正在使用或试点，且没有合法的终止日期": ["使用中", "试点"],
    "拟议中，且没有合法的终止日期": ["拟议"],
  };
  let cards = 0;
  for (const h of await groups.all()) {
    const heading = await h.innerText();
    expect(Object.keys(expected)).toContain(heading);
    const list = h.locator("xpath=following-sibling::ul[1]");
    for (const c of await list.locator(".tool-card").all()) {
      cards++;
      const text = await c.innerText();
      expect(expected[heading]!.some((s) => text.includes(s)), `${heading}: ${text}`).toBe(true);
    }
  }
  expect(cards).toBe(await section.locator(".tool-card").count());
});
