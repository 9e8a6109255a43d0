import { test, expect } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";

test("a person searches, filters, opens a record, switches language and meets a 404", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Failed requests are checked by URL below; the console only repeats them without the URL.
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("公共算法登记簿");

  // Search a Chinese two-character word from the home page.
  await page.getByLabel("搜索登记簿").fill("门磁");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/tools\?q=%E9%97%A8%E7%A3%81/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("门磁");
  const hit = page.locator(".tool-card", { hasText: "ALG-000007" });
  await expect(hit).toBeVisible();
  await expect(hit.locator("mark").first()).toHaveText("门磁");

  // Filter by a facet: the count next to it is the number of results we get.
  await page.goto("/tools");
  const facet = page.locator('section[aria-labelledby="facet-kind"] a', { hasText: "“码”系统" });
  const count = Number((await facet.locator(".count").innerText()).replace(/\D/g, ""));
  await facet.click();
  await expect(page).toHaveURL(/kind=code_system/);
  await expect(page.locator(".tool-card")).toHaveCount(count);
  await expect(page.getByRole("status").first()).toContainText(String(count));

  // Open a record.
  await page.locator(".tool-card a", { hasText: "通信行程卡" }).click();
  await expect(page).toHaveURL(/\/tools\/ALG-000003$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("通信行程卡");
  await expect(page.locator(".sunset-banner")).toContainText("2022年12月13日");
  await expect(page.getByRole("heading", { name: "来源" })).toBeVisible();

  // Switch language: same page, now in English, at its English address.
  await page.getByRole("link", { name: "将页面切换为英文" }).click();
  await expect(page).toHaveURL(/\/en\/tools\/ALG-000003$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
  await expect(page.locator(".sunset-banner")).toContainText("13 Dec 2022");

  // A bad id is a real 404 page, in the language of its address.
  const res = await page.goto("/en/tools/ALG-999999");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  expect(errors).toEqual([]);
  expect(failed).toEqual(["404 /en/tools/ALG-999999"]);
});

test("exports download through the production server", async ({ request }) => {
  const record = await request.get("/tools/ALG-000003.json");
  expect(record.status()).toBe(200);
  expect(((await record.json()) as { record: { identity: { name: { zh: string } } } }).record.identity.name.zh).toBe("通信行程卡");
  const csv = await request.get("/tools.csv?kind=code_system");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("通信行程卡");
});

test("search and filters work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Search the register").fill("红码");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.locator(".tool-card", { hasText: "ALG-000004" })).toBeVisible();
  await page.getByRole("link", { name: "Switch the page to Chinese" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page).toHaveURL(/\/zh\/tools\?q=%E7%BA%A2%E7%A0%81/);
  await context.close();
});

test("lapsed or endless tools are shown in red on the record", async ({ page }) => {
  await page.goto("/tools/ALG-000001");
  const banner = page.locator(".sunset-banner");
  await expect(banner).toBeVisible();
  const color = await banner.evaluate((el) => getComputedStyle(el).color);
  expect(color).toBe("rgb(164, 22, 26)");
});

for (const [name, path] of [
  ["home", "/"],
  ["list", "/tools?q=健康码"],
  ["detail", "/tools/ALG-000001"],
  ["standard", "/standard"],
  ["login", "/login"],
  ["event log", "/log"],
  ["incidents", "/incidents"],
  ["sunsets", "/sunsets"],
  ["report a problem", "/tools/ALG-000002/report"],
  ["report an unregistered tool", "/report-unregistered"],
  ["unregistered tools", "/unregistered"],
  ["API documentation", "/api"],
] as const) {
  test(`${name} page has no serious accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousAxeViolations(page);
  });
}

test("the home page advertises the changes feed to feed readers, in the reader's language", async ({ request }) => {
  for (const [lang, title] of [
    ["zh-CN", "变更的 Atom 订阅"],
    ["en", "Atom feed of changes"],
  ] as const) {
    const html = await (await request.get("/", { headers: { "Accept-Language": lang } })).text();
    const link = html.match(/<link[^>]*type="application\/atom\+xml"[^>]*>/)?.[0] ?? "";
    expect(link).toContain('href="/changes.atom"');
    expect(link).toContain('rel="alternate"');
    expect(link).toContain(`title="${title}"`);
  }
});
