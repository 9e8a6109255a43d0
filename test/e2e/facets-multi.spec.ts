import { test, expect, type Page } from "@playwright/test";

// Issue 14: a filter takes several values (alternatives), each chosen value shows as a chip that
// removes it, and the counts follow. With JavaScript and without, in Chinese at phone width.

/** Opens the folded filters on a phone (a client-side navigation keeps them open). */
async function openFilters(page: Page) {
  const summary = page.locator(".facets-panel > summary");
  const open = await page.locator(".facets-panel").evaluate((d) => (d as HTMLDetailsElement).open);
  if (!open && (await summary.isVisible())) await summary.click();
}

for (const js of [true, false]) {
  test(`several deployment states of code systems, chosen and removed one by one (${js ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto("/tools");
    // With JavaScript the list's links (plain <a>s, app/components/plain-link.tsx) navigate on the
    // client: the document is not loaded again, so what the page held stays.
    if (js) await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await openFilters(page);
    await page.locator('section[aria-labelledby="facet-kind"] a', { hasText: "“码”系统" }).click();
    await expect(page).toHaveURL(/\/tools\?kind=code_system$/);
    await expect(page.locator(".active-filters a")).toHaveCount(2); // the kind, clear all

    const status = page.locator('section[aria-labelledby="facet-status"]');
    const countOf = async (label: string) => Number((await status.locator("li", { hasText: label }).locator(".count").innerText()).replace(/\D/g, ""));
    await openFilters(page);
    const suspended = await countOf("已暂停");
    const inUse = await countOf("使用中");
    expect(suspended * inUse).toBeGreaterThan(0);

    await status.locator("a", { hasText: "已暂停" }).click();
    await expect(page).toHaveURL(/kind=code_system&status=suspended$/);
    await expect(page.locator(".results-count")).toHaveText(new RegExp(`\\b${suspended}\\b`));
    await openFilters(page);
    // With one value chosen, the other values are offered as alternatives, with their counts.
    await expect(status.locator(".facet-hint")).toHaveText("可多选，显示符合其中任一项的工具。");
    await status.locator("a", { hasText: "使用中" }).first().click();
    await expect(page).toHaveURL(/kind=code_system&status=in_use&status=suspended$/);
    await expect(page.locator(".results-count")).toHaveText(new RegExp(`\\b${suspended + inUse}\\b`));
    const chips = page.locator(".active-filters a");
    await expect(chips).toHaveCount(4); // the kind, two states, clear all
    await expect(chips.nth(1)).toContainText("部署状态");

    // Removing one value keeps the other.
    await page.getByRole("link", { name: /取消筛选：部署状态：使用中/ }).click();
    await expect(page).toHaveURL(/kind=code_system&status=suspended$/);
    await expect(page.locator(".results-count")).toHaveText(new RegExp(`\\b${suspended}\\b`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (js) {
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
      // A click with a modifier is the browser's (a new tab), not a navigation of this page.
      await page.locator(".tool-card h3 a").first().click({ modifiers: ["Control"] });
      await expect(page).toHaveURL(/kind=code_system&status=suspended$/);
      // And a plain click on a card opens the record, still in the same document.
      await page.locator(".tool-card h3 a").first().click();
      await expect(page).toHaveURL(/\/tools\/ALG-\d{6}$/);
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    }
    await context.close();
  });
}

test("/sunsets narrows by kind, and the address is shareable", async ({ page }) => {
  await page.goto("/sunsets");
  const none = page.locator("#none-h");
  const all = Number((await none.innerText()).replace(/\D/g, ""));
  await page.locator(".sunset-kinds a", { hasText: "“码”系统" }).click();
  await expect(page).toHaveURL(/\/sunsets\?kind=code_system$/);
  await expect(page.locator("#none-h")).not.toHaveText(new RegExp(`（${all}）`));
  const codes = Number((await page.locator("#none-h").innerText()).replace(/\D/g, ""));
  expect(codes).toBeGreaterThan(0);
  expect(codes).toBeLessThan(all);
  await page.goto("/sunsets?kind=code_system&sunset=lapsed");
  // A parameter the page does not read is dropped from its address.
  await expect(page).toHaveURL(/\/sunsets\?kind=code_system$/);
});
