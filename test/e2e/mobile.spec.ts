import { test, expect, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";
import { PUBLIC_PAGES } from "../helpers/public-pages";

// Issue 11, finding 2: every public page fits a phone (360 and 390 px wide, both languages):
// nothing wider than the screen, a menu that opens without JavaScript with every item on one
// line, the language switch and sign-in in reach, search results before the filters, and tables
// that either scroll in their own named, focusable region or fit.

const PHONES = [
  { width: 360, height: 800 },
  { width: 390, height: 844 },
];
const LANGS = [
  { locale: "zh-CN", htmlLang: "zh-Hans", login: "登录", switchTo: "English", filters: "筛选" },
  { locale: "en-GB", htmlLang: "en", login: "Log in", switchTo: "中文", filters: "Filters" },
] as const;

// The 随申码 record is ALG-000002 (scripts/seed/cases/02-suishen-code.ts).
const PAGES = [...PUBLIC_PAGES];

/** What on the page is wider than the screen, for the failure message. */
async function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width) {
      const inScroller = (e: Element) => !!e.parentElement?.closest(".table-region, .table-wrap, .table-scroll, pre");
      const wide = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !inScroller(e))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      problems.push(`page is ${document.documentElement.scrollWidth}px wide (${wide.join(", ")})`);
    }
    // A table either fits or scrolls inside a focusable region with a name (axe: scrollable-region-focusable).
    for (const table of document.querySelectorAll("main table")) {
      if (!table.checkVisibility()) continue;
      const region = table.closest('[role="region"][tabindex="0"][aria-label]');
      if (table.getBoundingClientRect().width > width && !region) problems.push(`a table wider than the screen outside a named scrolling region: ${table.className}`);
      // Squeezed to a character or two per line: the symptom seen on the record's data elements.
      for (const cell of table.querySelectorAll("th, td")) {
        const text = (cell.textContent ?? "").trim();
        const cellWidth = cell.getBoundingClientRect().width;
        // (under 2 px: a visually hidden header row, such as the one of a table shown as cards)
        if (text.length > 3 && cellWidth >= 2 && cellWidth < 48) {
          problems.push(`a table cell squeezed to ${Math.round(cellWidth)}px: "${text.slice(0, 20)}"`);
          break;
        }
      }
    }
    return problems;
  });
}

/** Opens the menu (a <details>, no script needed) and checks every item is visible, in the screen and on one line. */
async function checkMenu(page: Page, login: string, switchTo: string) {
  const summary = page.locator(".nav-menu > summary");
  await expect(summary).toBeVisible();
  const box = await summary.boundingBox();
  expect(box!.height, "the menu button is a comfortable tap target").toBeGreaterThanOrEqual(40);
  await summary.click();
  const nav = page.locator("nav.site-nav");
  await expect(nav.getByRole("link", { name: login })).toBeInViewport();
  const items = await page.locator(".nav-items > li").evaluateAll((lis) =>
    lis.map((li) => {
      // The line boxes of its text: a label broken one character per line has several.
      const lines = new Set<number>();
      const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0) lines.add(Math.round(r.top));
      }
      const r = li.getBoundingClientRect();
      return { text: li.textContent, lines: lines.size, right: r.right, height: r.height };
    }),
  );
  expect(items.length).toBeGreaterThanOrEqual(7);
  const width = await page.evaluate(() => window.innerWidth);
  for (const item of items) {
    expect(item.lines, `"${item.text}" is on one line`).toBe(1);
    expect(item.right, `"${item.text}" is inside the screen`).toBeLessThanOrEqual(width);
    expect(item.height, `"${item.text}" is a comfortable tap target`).toBeGreaterThanOrEqual(40);
  }
  await expect(page.getByRole("link", { name: switchTo === "English" ? "将页面切换为英文" : "Switch the page to Chinese" })).toBeInViewport();
  await summary.click();
  await expect(nav.getByRole("link", { name: login })).toBeHidden();
}

for (const phone of PHONES) {
  for (const lang of LANGS) {
    test.describe(`${phone.width}×${phone.height}, ${lang.locale}`, () => {
      test.use({ viewport: phone, locale: lang.locale });

      test("every public page fits the screen; the menu, language switch and sign-in are in reach", async ({ page }) => {
        const problems: string[] = [];
        for (const path of PAGES) {
          const answer = await page.goto(path);
          expect(answer?.status(), path).toBe(200);
          await expect(page.locator("html")).toHaveAttribute("lang", lang.htmlLang);
          for (const p of await layoutProblems(page)) problems.push(`${path}: ${p}`);
        }
        expect(problems).toEqual([]);

        // The header: the site name, the menu and the language switch share the first row.
        await page.goto("/tools/ALG-000002");
        const header = await page.locator(".site-header").boundingBox();
        expect(header!.height, "the header is one compact row").toBeLessThanOrEqual(100);
        await checkMenu(page, lang.login, lang.switchTo);
      });

      test("a search shows its first result on the first screen, the filters after the results", async ({ page }, testInfo) => {
        await page.goto(`/tools?q=${encodeURIComponent("健康码")}`);
        const first = page.locator(".tool-list > li").first();
        await expect(first).toBeVisible();
        const box = (await first.locator("h3").boundingBox())!;
        expect(box.y + box.height, "the first result's name is on the first screen").toBeLessThanOrEqual(phone.height);
        // The filters are folded after the results and open with a tap.
        const filters = page.locator(".facets-panel");
        const results = (await page.locator(".tool-list").boundingBox())!;
        expect((await filters.boundingBox())!.y).toBeGreaterThan(results.y + results.height);
        await expect(page.locator(".facet").first()).toBeHidden();
        await filters.locator("summary", { hasText: lang.filters }).click();
        await expect(page.locator(".facet").first()).toBeVisible();

        if (phone.width === 390) {
          for (const [name, path] of [
            ["home", "/"],
            ["list", `/tools?q=${encodeURIComponent("健康码")}`],
            ["record", "/tools/ALG-000002"],
          ] as const) {
            await page.goto(path);
            await testInfo.attach(`${name}-${lang.locale}-390.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
          }
        }
      });
    });
  }
}

test.describe("390 px, pages with tables and the menu open", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const locale of ["zh-CN", "en-GB"]) {
    test(`no serious accessibility violation where tables scroll or stack (${locale})`, async ({ page }) => {
      // Seven full axe runs: more than the default 30 s on a busy two-core machine.
      test.setTimeout(120_000);
      await page.context().setExtraHTTPHeaders({ "Accept-Language": locale });
      for (const path of ["/tools/ALG-000002", "/tools/ALG-000002/history", "/standard", "/log", "/incidents", "/api", "/tools?q=健康码"]) {
        await page.goto(path);
        await page.locator(".nav-menu > summary").click();
        await expectNoSeriousAxeViolations(page);
      }
    });
  }

  test("the data elements of a record are cards on a phone, not a squeezed table", async ({ page }) => {
    await page.goto("/tools/ALG-000002");
    const first = page.locator("table.stack-table tbody tr").first();
    const row = (await first.boundingBox())!;
    expect(row.width).toBeGreaterThan(300);
    // Each value is labelled with its column's name.
    const label = await first.locator("td").first().evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).toContain("类别");
  });
});

test.describe("without JavaScript", () => {
  test.use({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });

  test("the menu and the filters open and their links work", async ({ page }) => {
    await page.goto("/tools");
    await checkMenu(page, "登录", "English");
    await page.locator(".nav-menu > summary").click();
    await page.getByRole("navigation").getByRole("link", { name: "机构" }).click();
    await expect(page).toHaveURL(/\/agencies$/);
    await page.goto("/tools");
    await page.locator(".facets-panel > summary").click();
    await page.locator(".facet").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/tools\?kind=/);
  });
});

test("on a wide screen the menu is a row of links and the filters sit open beside the results", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/tools");
  await expect(page.locator(".nav-menu > summary")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "首页" }).getByRole("link", { name: "操作日志" })).toBeVisible();
  await expect(page.locator(".facets-panel > summary")).toBeHidden();
  await expect(page.locator(".facet").first()).toBeVisible();
  const facets = (await page.locator(".facets").boundingBox())!;
  const results = (await page.locator(".results").boundingBox())!;
  expect(facets.x + facets.width).toBeLessThan(results.x);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});
