// Issue 13: co-responsibility by consent, in Chinese on a phone. A Shanghai official names the
// Zhejiang provincial government as co-responsible and submits; Zhejiang's official finds the tool
// on /drafts, confirms, and the record page then lists the agency. A second tool names the Hangzhou
// health commission, which declines: its name never shows on the record page.
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { login } from "./fixtures";
import { STRINGS } from "../../app/i18n/strings";
import { urlsFor } from "../../registry/shared/urls";

const PORT = Number(process.env.E2E_PORT ?? 3210);
// The submitted records and the Zhejiang official are written straight into the server's database.
process.env.DATABASE_PATH = path.resolve(`test/.tmp/e2e-${PORT}.sqlite`);

const t = STRINGS.zh;
const u = urlsFor(null);
const SH = "shanghai-municipal-government";
const ZJ = "zhejiang-provincial-government";
const HZ = "hangzhou-health-commission";
const PASSWORD = "long-enough-password";
const stamp = Date.now().toString(36);
const ZJ_OFFICIAL = `official.zhejiang.${stamp}@register.example`;
const CONFIRMED = `共同责任确认测试${stamp}`;
const DECLINED = `共同责任拒绝测试${stamp}`;
let ids: { confirmed: string; declined: string };

test.use({ viewport: { width: 390, height: 844 } });

test.beforeAll(async () => {
  // Imported here so that DATABASE_PATH is set before the first connection opens.
  const { createDraft, saveDraftSection } = await import("../../registry/review/drafts.server");
  const { submitDraft } = await import("../../registry/review/submission.server");
  const { createUser } = await import("../../registry/auth/accounts.server");
  const { ctxOf } = await import("../../registry/shared/context");
  const { actorByEmail, completeSections, newIdentity } = await import("../helpers/factories");
  const now = new Date();
  const sunset = new Date(now.getTime() + 6 * 30.5 * 86_400_000).toISOString().slice(0, 10);
  const official = actorByEmail("official.shanghai@register.example");
  const submitNaming = async (slug: string, name: string, agency: string) => {
    const { toolId } = await createDraft(ctxOf({ actor: official, now }), { identity: { ...newIdentity(slug), name: { zh: name } } });
    const sections = completeSections({ level: "III", sunset });
    sections.responsibility = { ...sections.responsibility, agencies: [{ agency: SH, role: "operates" }, { agency, role: "oversees" }] };
    for (const [section, value] of Object.entries(sections)) await saveDraftSection(ctxOf({ actor: official }), { toolId, section: section as never, value });
    await submitDraft(ctxOf({ actor: official, now }), { toolId });
    return toolId;
  };
  ids = { confirmed: await submitNaming(`coresp-confirmed-${stamp}`, CONFIRMED, ZJ), declined: await submitNaming(`coresp-declined-${stamp}`, DECLINED, HZ) };
  await createUser(ctxOf({ now }), { email: ZJ_OFFICIAL, displayName: "浙江省人民政府工作人员", role: "official", agency: ZJ, password: PASSWORD });
});

/** The inbox entry for the tool called `name` on /drafts. */
const inboxItem = (page: Page, name: string) => page.getByRole("region", { name: t.coRespInboxHeading }).getByRole("listitem").filter({ hasText: name });

async function expectPhoneWidth(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test("the named agency confirms on /drafts, and the record page then lists it", async ({ page }) => {
  await login(page, ZJ_OFFICIAL, { password: PASSWORD });
  await page.goto(u.drafts());
  await expect(page.getByRole("heading", { name: "待确认的共同责任" })).toBeVisible();
  const item = inboxItem(page, CONFIRMED);
  await expect(item.getByRole("link", { name: CONFIRMED })).toHaveAttribute("href", u.tool(ids.confirmed));
  await expect(item).toContainText(`${t.coRespInboxRole}: 监督`);
  await expectPhoneWidth(page);
  await item.getByRole("button", { name: t.coRespConfirmShort, exact: true }).click();
  await expect(page).toHaveURL(/\/drafts\?coresp=confirmed$/);
  await expect(page.getByRole("status")).toContainText(t.coRespConfirmed);
  await expect(inboxItem(page, CONFIRMED)).toHaveCount(0);

  await page.context().clearCookies();
  await page.goto(u.tool(ids.confirmed));
  await expect(page.getByRole("link", { name: "浙江省人民政府" })).toHaveAttribute("href", u.agency(ZJ));
  await expect(page.getByText(t.agencyNotConfirmed)).toHaveCount(0);
  await expectPhoneWidth(page);
});

test("an agency that declines is never shown on the record page", async ({ page }) => {
  await login(page, "official.hangzhou@register.example");
  await page.goto(u.drafts());
  const item = inboxItem(page, DECLINED);
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: t.coRespDecline, exact: true }).click();
  await expect(page).toHaveURL(/\/drafts\?coresp=declined$/);
  await expect(page.getByRole("status")).toContainText(t.coRespDeclined);
  await expect(inboxItem(page, DECLINED)).toHaveCount(0);
  await expectPhoneWidth(page);

  await page.context().clearCookies();
  await page.goto(u.tool(ids.declined));
  await expect(page.getByRole("heading", { level: 1, name: DECLINED })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("杭州市卫生健康委员会");
  await expect(page.getByText(t.agencyNotConfirmed)).toHaveCount(0);
});
