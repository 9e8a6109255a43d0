// Issue 11, finding 4: a citizen who heard that the Suishen code leaked (ALG-000002) gets the five
// answers at the top of its record: what it collects, the legal basis, who reviewed it, how to
// complain, when it ends; each links to its section and to the field's definition. The record
// discloses no appeal route, so the card offers the register's own routes instead.
import { test, expect, type Page } from "@playwright/test";

const QUESTIONS = ["collects", "basis", "review", "complain", "end"];

async function answers(page: Page) {
  return page.$$eval(".answer-card .answer", (els) =>
    els.map((e) => {
      const box = e.getBoundingClientRect();
      const links = [...e.querySelectorAll(".answer-links a")].map((a) => a.getAttribute("href") ?? "");
      return { id: e.id, top: box.top, bottom: box.bottom, links };
    }),
  );
}

for (const locale of ["zh-CN", "en-GB"]) {
  test.describe(`${locale}`, () => {
    test.use({ locale });

    test("the five answers are above the fold on a desktop, each linking to its section and its definition", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto("/tools/ALG-000002");
      const found = await answers(page);
      expect(found.map((a) => a.id)).toEqual(QUESTIONS.map((q) => `answer-${q}`));
      for (const a of found) {
        expect(a.bottom, a.id).toBeLessThanOrEqual(720);
        const [section, definition] = a.links;
        expect(section).toMatch(/^#/);
        expect(await page.locator(section!).count(), `${a.id} -> ${section}`).toBe(1);
        expect(definition).toMatch(/^\/standard#field-/);
      }
      // The definitions exist on the standard page.
      const fields = found.map((a) => a.links[1]!.split("#")[1]!);
      await page.goto("/standard");
      for (const id of fields) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    });

    test("on a phone the answers start within the first screen", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/tools/ALG-000002");
      const found = await answers(page);
      expect(found).toHaveLength(5);
      expect(found[0]!.top).toBeLessThan(844);
    });

    test("with no appeal route disclosed, the card offers the register's own routes", async ({ page }) => {
      await page.goto("/tools/ALG-000002");
      const complain = page.locator("#answer-complain");
      await expect(complain.locator('a[href="#comments"]')).toHaveCount(1);
      await expect(complain.locator('a[href="/tools/ALG-000002/report"]')).toHaveCount(1);
      await complain.locator('a[href="/tools/ALG-000002/report"]').click();
      await expect(page).toHaveURL(/\/tools\/ALG-000002\/report$/);
    });
  });
}
