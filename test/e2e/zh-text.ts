// What a Chinese reader must never see on a Chinese page: a Latin word outside an element
// marked lang="en" (record ids such as ALG-000002 excepted), a sentence from the English string
// table, or an agency's code (slug). Read from the rendered page, visible text only, so a
// control's value or a hidden element does not count, and a tooltip or label does.
import { STRINGS } from "../../app/i18n/strings";
import type { Page } from "@playwright/test";

/** English interface strings long enough not to be a shared term (e.g. "ALG"). */
const ENGLISH_STRINGS = [...new Set(Object.values(STRINGS.en).filter((s): s is string => typeof s === "string"))]
  .map((s) => s.replace(/\{[^}]+\}/g, "").trim())
  .filter((s) => s.length >= 12 && /\s/.test(s) && /^[\x20-\x7e]+$/.test(s));

export type ZhTextProblem = { kind: "latin" | "english_string" | "agency_code"; text: string; context: string };

/** The problems on the page now; `agencyCodes` are the slugs that must not appear (from the seed). */
export async function chineseTextProblems(page: Page, agencyCodes: readonly string[]): Promise<ZhTextProblem[]> {
  const pieces = await page.evaluate(() => {
    const out: { text: string; latinAllowed: boolean }[] = [];
    // Shown, or read out (a visually hidden text is heard); never what is hidden from everyone.
    const visible = (el: Element) => !el.closest("[aria-hidden='true']") && el.checkVisibility({ visibilityProperty: true });
    const enAncestor = (el: Element | null) => {
      const tagged = el?.closest("[lang]");
      return Boolean(tagged && /^en\b/i.test(tagged.getAttribute("lang") ?? ""));
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION"].includes(el.tagName) || !visible(el)) continue;
      const text = (n.textContent ?? "").trim();
      if (text) out.push({ text, latinAllowed: enAncestor(el) });
    }
    // Visible option texts of selects (the chosen one and the list a person opens).
    for (const o of Array.from(document.querySelectorAll("select option"))) {
      const text = (o.textContent ?? "").trim();
      if (text) out.push({ text, latinAllowed: enAncestor(o) });
    }
    // Words people hear or see without them being text nodes.
    for (const el of Array.from(document.querySelectorAll("[title], [placeholder], [aria-label], img[alt], input[type=submit][value], button[value]"))) {
      for (const attr of ["title", "placeholder", "aria-label", "alt"]) {
        const v = el.getAttribute(attr);
        if (v) out.push({ text: v, latinAllowed: enAncestor(el) });
      }
      if (el.matches("input[type=submit]")) out.push({ text: (el as HTMLInputElement).value, latinAllowed: enAncestor(el) });
    }
    out.push({ text: document.title, latinAllowed: false });
    return out;
  });
  const problems: ZhTextProblem[] = [];
  const codes = agencyCodes.map((c) => new RegExp(`(^|[^a-z0-9-])${c.replace(/[-]/g, "\\-")}($|[^a-z0-9-])`));
  for (const { text, latinAllowed } of pieces) {
    const context = text.slice(0, 120);
    for (const [i, re] of codes.entries()) if (re.test(text)) problems.push({ kind: "agency_code", text: agencyCodes[i]!, context });
    if (latinAllowed) continue;
    for (const s of ENGLISH_STRINGS) if (text.includes(s)) problems.push({ kind: "english_string", text: s, context });
    const withoutIds = text.replace(/\bALG-\d{6}\b/g, " ");
    for (const m of withoutIds.matchAll(/[A-Za-z]{2,}/g)) problems.push({ kind: "latin", text: m[0], context });
  }
  return problems;
}

/**
 * The English page's counterpart: Chinese characters a reader meets outside an element marked as
 * Chinese (record text in Chinese is marked lang="zh-Hans"), i.e. interface text left untranslated.
 */
export async function englishTextProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => !el.closest("[aria-hidden='true']") && el.checkVisibility({ visibilityProperty: true });
    const zhAncestor = (el: Element | null) => /^zh\b/i.test(el?.closest("[lang]")?.getAttribute("lang") ?? "");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(el.tagName) || !visible(el) || zhAncestor(el)) continue;
      const text = (n.textContent ?? "").trim();
      if (/[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011]/.test(text)) out.push(text.slice(0, 120));
    }
    if (/[\u3400-\u9fff]/.test(document.title)) out.push(`title: ${document.title}`);
    return out;
  });
}
