// Playwright's `test` with the register's own fixtures. `login` signs a demo account in through
// the login form (the negotiated /login, Chinese under the suite's zh-CN locale, or /en/login)
// and waits for the account page.
import { test as base, expect, type Page } from "@playwright/test";
import { STRINGS, type Lang } from "../../app/i18n/strings";
import { urlsFor } from "../../registry/shared/urls";
import { DEMO_PASSWORD } from "../helpers/seed";
import { completeSections } from "../helpers/factories";

export type LoginOptions = { lang?: Lang; password?: string };

/** Logs `email` in with the demo password through the form at /login (or /en/login for `lang: "en"`). */
export async function login(page: Page, email: string, opts: LoginOptions = {}): Promise<void> {
  const lang = opts.lang ?? "zh";
  const t = STRINGS[lang];
  await page.goto(urlsFor(lang === "en" ? "en" : null).login());
  await page.getByLabel(t.loginEmail).fill(email);
  await page.getByLabel(t.loginPassword).fill(opts.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: t.loginButton }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/**
 * Answers the impact questionnaire on an open assessments form with the answers of a level III
 * record (the same as test/helpers/factories.ts `completeSections({ level: "III" })`).
 */
export async function answerLevelIIIQuestionnaire(page: Page): Promise<void> {
  const { mitigations: _none, ...answers } = completeSections({ level: "III", sunset: "2027-01-01" }).assessments.impact!;
  for (const [field, value] of Object.entries(answers)) await page.selectOption(`#f-assessments-impact-${field}`, String(value));
}

export const test = base.extend<{ login: (page: Page, email: string, opts?: LoginOptions) => Promise<void> }>({
  // eslint-disable-next-line no-empty-pattern
  login: async ({}, use) => {
    await use(login);
  },
});

export { expect };
export type { Page };
