// "Data on this page" on a phone, in Chinese: the list, a record, an agency, the incidents and the
// sunsets pages each show the block; every link answers 200 with the right kind of file; the
// block fits 390 px without sideways scrolling and shows no codes or English words.
import { test, expect } from "@playwright/test";
import { SEED_AGENCIES } from "../helpers/seed";
import { chineseTextProblems, englishTextProblems } from "./zh-text";

const SLUGS = SEED_AGENCIES.map((a) => a.slug);
const PAGES = ["/tools?kind=code_system", "/tools/ALG-000002", "/agencies/shanghai-municipal-government", "/incidents", "/sunsets"];
// The list feed (/tools.atom) is added on the FEEDS branch; until it is merged it answers 404 here.
const PENDING = [/^\/tools\.atom/];

test.use({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });

for (const path of PAGES) {
  test(`the data block on ${path}`, async ({ page, request }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    const block = page.locator("section.data-downloads");
    await expect(block).toBeVisible();
    await expect(block.getByRole("heading", { level: 2 })).toHaveText("本页数据");

    // Fits the screen: nothing in the block is wider than the page.
    const overflow = await page.evaluate(() => {
      const b = document.querySelector("section.data-downloads")!;
      return { doc: document.documentElement.scrollWidth, win: window.innerWidth, right: Math.max(...Array.from(b.querySelectorAll("*")).map((e) => e.getBoundingClientRect().right)) };
    });
    expect(overflow.doc).toBeLessThanOrEqual(overflow.win);
    expect(overflow.right).toBeLessThanOrEqual(overflow.win);

    // No codes, slugs or English words in the block (format names are marked lang="en").
    const blockText = await block.innerText();
    expect((await chineseTextProblems(page, SLUGS)).filter((p) => blockText.includes(p.context))).toEqual([]);
    expect(blockText).not.toMatch(/[a-z]+_[a-z_]+/);

    const hrefs = await block.locator("a").evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href")!, download: a.hasAttribute("download") })));
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const { href, download } of hrefs) {
      if (PENDING.some((re) => re.test(href))) continue;
      const answer = await request.get(href, { maxRedirects: 0 });
      expect(answer.status(), href).toBe(200);
      const type = answer.headers()["content-type"] ?? "";
      if (/\.csv(\?|$)/.test(href)) {
        expect(type, href).toContain("text/csv");
        expect(answer.headers()["content-disposition"], href).toMatch(/^attachment; filename="[\w+.-]+"; filename\*=UTF-8''/);
      } else if (/\.atom(\?|$)/.test(href)) expect(type, href).toContain("atom");
      else expect(type, href).toMatch(/json/);
      expect(download || /\.atom|\/api\//.test(href), href).toBe(true);
    }
  });
}

test.describe("in English", () => {
  test.use({ locale: "en-GB" });
  for (const path of ["/en/tools?kind=code_system&sunset=lapsed&sunset=no_sunset", "/en/tools/ALG-000002", "/en/incidents"]) {
    test(`the data block on ${path} is English, and its table with names is English`, async ({ page, request }) => {
      await page.goto(path);
      const block = page.locator("section.data-downloads");
      await expect(block.getByRole("heading", { level: 2 })).toHaveText("Data on this page");
      const blockText = await block.innerText();
      expect((await englishTextProblems(page)).filter((t) => blockText.includes(t))).toEqual([]);
      const labelled = block.getByRole("link", { name: "Table with names" });
      if (await labelled.count()) {
        const csv = await request.get((await labelled.getAttribute("href"))!);
        expect(csv.status()).toBe(200);
        expect((await csv.text()).split("\r\n")[0]).toContain("kind,kind_label");
      }
    });
  }
});
