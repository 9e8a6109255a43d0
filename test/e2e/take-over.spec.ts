// Issue 13, claiming editor-registered records, in Chinese on a 390 px phone: the Shanghai
// official finds 随申码 (registered by the register's editors, operated by the Shanghai government)
// on /drafts, takes it over without JavaScript and lands on its draft; the public record then says
// the editors registered it and the Shanghai government took it over. The edit page of 随申拍
// offers the same take-over instead of refusing access.
import { test, expect, type Page } from "./fixtures";
import { STRINGS } from "../../app/i18n/strings";
import { urlsFor } from "../../registry/shared/urls";
import { seedId } from "../helpers/seed";
import { expectNoSeriousAxeViolations } from "./axe";

const t = STRINGS.zh;
const u = urlsFor(null);
const OFFICIAL = "official.shanghai@register.example";
const SUISHEN = seedId("shanghai-suishen-code");
const SUISHEN_PAI = seedId("shanghai-suishen-pai");

test.use({ viewport: { width: 390, height: 844 } });

/** No English on the Chinese page: no Latin word in <main> outside elements marked lang="en", record ids and impact levels (I-IV) aside. */
async function expectChineseOnly(page: Page, scope = "main") {
  const text = await page.locator(scope).evaluate((main) => {
    const clone = main.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[lang="en"], [lang^="en-"]').forEach((e) => e.remove());
    return clone.textContent ?? "";
  });
  expect(text.replace(/ALG-\d{6}/g, "").match(/[A-Za-z]{2,}/g)?.filter((w) => !/^[IV]+$/.test(w)) ?? []).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the official takes over 随申码 from /drafts and its draft opens; the public record names the agency", async ({ page, login }) => {
    await login(page, OFFICIAL);
    await page.goto(u.drafts());
    const list = page.getByRole("region", { name: t.takeOverHeading });
    const item = list.getByRole("listitem").filter({ hasText: "随申码" });
    await expect(item.getByRole("link", { name: "随申码" })).toHaveAttribute("href", u.tool(SUISHEN));
    await expect(item).toContainText(`${t.takeOverRole}: 运营`);
    // (Only the take-over list: other specs add drafts with Latin test names to this agency.)
    await expectChineseOnly(page, 'section[aria-labelledby="takeover-h"]');
    await item.getByRole("button", { name: t.takeOverButton }).click();

    await expect(page).toHaveURL(new RegExp(`${u.toolEdit(SUISHEN)}$`));
    await expect(page.getByRole("heading", { level: 1, name: "随申码（草稿）" })).toBeVisible();
    // The draft opens on its task list, every section listed with its status.
    await expect(page.locator(".task-list .task-list-item")).toHaveCount(13);
    // (The draft form itself is the task-list and field-label work's page, checked there.)
    // Taken over: no longer offered on /drafts, listed among the agency's own records instead.
    await page.goto(u.drafts());
    await expect(page.getByRole("region", { name: t.takeOverHeading }).getByRole("listitem").filter({ hasText: "随申码" })).toHaveCount(0);
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: SUISHEN })).toBeVisible();

    await page.context().clearCookies();
    await page.goto(u.tool(SUISHEN));
    const registration = page.locator("dd.provenance");
    await expect(registration).toContainText("由登记簿编辑于");
    await expect(registration).toContainText(/上海市人民政府于\d{4}年\d{1,2}月\d{1,2}日接管本记录，现由该机构负责/);
    await expect(registration.getByRole("link", { name: "上海市人民政府" })).toHaveAttribute("href", u.agency("shanghai-municipal-government"));
    await expect(page.locator("main")).not.toContainText("shanghai-municipal-government");
    // (Only the registration line: the record's own texts are the editors'.)
    await expectChineseOnly(page, "dl:has(dd.provenance)");
  });
});

test("the edit page of an editors' record offers the take-over instead of refusing access", async ({ page, login }) => {
  await login(page, OFFICIAL);
  await page.goto(u.drafts());
  await expect(page.getByRole("region", { name: t.takeOverHeading })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.goto(u.toolEdit(SUISHEN_PAI));
  await expect(page.getByRole("heading", { level: 1, name: "随申拍" })).toBeVisible();
  await expect(page.getByRole("heading", { name: t.takeOverOfferHeading })).toBeVisible();
  await expect(page.locator("main")).toContainText("记录中本机构的角色为：运营");
  await expect(page.locator("main")).not.toContainText("无权访问");
  await expectChineseOnly(page);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: t.takeOverButton }).click();
  await expect(page).toHaveURL(new RegExp(`${u.toolEdit(SUISHEN_PAI)}$`));
  await expect(page.getByRole("heading", { level: 1, name: "随申拍（草稿）" })).toBeVisible();
  // A second take-over (another tab, a double click) is refused with a worded message.
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const refused = await page.request.post(u.drafts(), { form: { intent: "take_over", toolId: SUISHEN_PAI, csrf }, maxRedirects: 0 });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain(t.err_takeover_done);
});
