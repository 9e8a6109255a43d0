// Turns one server-rendered page of the live register into its static mirror copy.
//
// - Every local href/src is rewritten to the relative path of the mirrored file, so the copy
//   works from any sub-path of any web server and from file://. Links to what is not mirrored
//   become plain text, or links to the live register when its address is known.
// - Remix's scripts and modulepreload links go: client-side navigation would fetch `?_data=`
//   loaders that do not exist in a static copy, and the pages work without JavaScript anyway.
// - Forms cannot work statically. The language switch (a POST to /lang) becomes a plain link to
//   the same page in the other language; the revision comparison (a GET form) becomes a list of
//   links to the mirrored comparisons; every other form (search, comment, report) is replaced
//   by a short note pointing to the live register.
import { parse, parseFragment, serialize, type DefaultTreeAdapterMap } from "parse5";
import { translate } from "../../app/i18n/strings";
import { fileFor, relativeHref, resolveLocal, type Lang, type MirrorRules, type Resource } from "./urls";

type Node = DefaultTreeAdapterMap["node"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];
type Element = DefaultTreeAdapterMap["element"];

export type PageContext = {
  /** The absolute URL the page was rendered at; its origin is the register's origin. */
  pageUrl: URL;
  lang: Lang;
  /** The page itself and its file in the mirror. */
  resource: Resource;
  file: string;
  /** The export date shown on every page (YYYY-MM-DD). */
  date: string;
  /** Address of the live register, for links to what the mirror cannot hold. */
  liveOrigin?: string;
  rules: MirrorRules;
};

export type RewriteResult = {
  html: string;
  /** Resources this page links to, for the crawler. */
  found: Resource[];
  /** Local paths linked from this page that are not mirrored (for the summary). */
  unmirrored: string[];
};

/** Elements the rewriter adds with links that must not be rewritten again. */
const KEEP = "data-mirror-keep";

const MIRROR_CSS = [
  ".mirror-banner{background:#fff8e1;border:1px solid #d9b44a;border-radius:4px;padding:.5rem .75rem;margin:0 0 1rem}",
  ".lang-switch a{display:inline-block;background:#fff;color:#0b2545;border:2px solid #fff;border-radius:4px;padding:.25rem .75rem;text-decoration:none}",
  ".lang-switch a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}",
].join("");

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function isElement(n: Node): n is Element {
  return "tagName" in n;
}

function getAttr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function setAttr(el: Element, name: string, value: string): void {
  const a = el.attrs.find((x) => x.name === name);
  if (a) a.value = value;
  else el.attrs.push({ name, value });
}

function removeAttr(el: Element, name: string): void {
  el.attrs = el.attrs.filter((a) => a.name !== name);
}

function elements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (n: Node) => {
    if (isElement(n)) out.push(n);
    if ("childNodes" in n) for (const c of n.childNodes) visit(c);
    if (isElement(n) && n.tagName === "template" && "content" in n) visit((n as DefaultTreeAdapterMap["template"]).content);
  };
  visit(root as Node);
  return out;
}

function fragmentNodes(html: string): Node[] {
  return parseFragment(html).childNodes as Node[];
}

function replaceNode(old: Element, replacements: Node[]): void {
  const parent = old.parentNode;
  if (!parent) return;
  const i = parent.childNodes.indexOf(old);
  for (const r of replacements) (r as { parentNode: ParentNode | null }).parentNode = parent;
  parent.childNodes.splice(i, 1, ...(replacements as typeof parent.childNodes));
}

function prepend(parent: Element, nodes: Node[]): void {
  for (const r of nodes) (r as { parentNode: ParentNode | null }).parentNode = parent;
  parent.childNodes.unshift(...(nodes as typeof parent.childNodes));
}

function append(parent: Element, nodes: Node[]): void {
  for (const r of nodes) (r as { parentNode: ParentNode | null }).parentNode = parent;
  parent.childNodes.push(...(nodes as typeof parent.childNodes));
}

function textOf(n: Node): string {
  if (n.nodeName === "#text") return (n as DefaultTreeAdapterMap["textNode"]).value;
  return "childNodes" in n ? n.childNodes.map(textOf).join("") : "";
}

function hasClass(el: Element, name: string): boolean {
  return (getAttr(el, "class") ?? "").split(/\s+/).includes(name);
}

function liveUrl(ctx: PageContext, url: URL): string | undefined {
  return ctx.liveOrigin ? `${ctx.liveOrigin}${url.pathname}${url.search}${url.hash}` : undefined;
}

function noteHtml(ctx: PageContext): string {
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string>) => escapeHtml(translate(ctx.lang, k, v));
  const live = liveUrl(ctx, ctx.pageUrl);
  return `<p class="notice mirror-note" role="note">${t("mirrorFormNote", { date: ctx.date })}${
    live ? ` <a ${KEEP} href="${escapeHtml(live)}">${t("mirrorBannerLive")}</a>` : ""
  }</p>`;
}

/** The language switch: a POST form on the live site, a link to the twin page here. */
function langSwitch(form: Element, ctx: PageContext): Node[] {
  const other: Lang = ctx.lang === "zh" ? "en" : "zh";
  const button = elements(form).find((e) => e.tagName === "button");
  const label = button ? getAttr(button, "aria-label") : undefined;
  const href = relativeHref(ctx.file, fileFor(ctx.resource, other));
  return fragmentNodes(
    `<p class="${escapeHtml(getAttr(form, "class") ?? "lang-switch")}"><a ${KEEP} href="${escapeHtml(href)}" lang="${other === "zh" ? "zh-Hans" : "en"}" hreflang="${other === "zh" ? "zh-Hans" : "en"}"${
      label ? ` aria-label="${escapeHtml(label)}"` : ""
    }>${escapeHtml(textOf(button ?? form).trim())}</a></p>`,
  );
}

/** The revision comparison: links to each comparison of consecutive revisions, mirrored. */
function compareLinks(form: Element, ctx: PageContext): Node[] {
  const select = elements(form).find((e) => e.tagName === "select" && getAttr(e, "name") === "from");
  const numbers = select
    ? elements(select)
        .filter((e) => e.tagName === "option")
        .map((o) => Number(getAttr(o, "value")))
        .filter((n) => Number.isInteger(n))
        .sort((a, b) => a - b)
    : [];
  if (numbers.length < 2) return fragmentNodes(noteHtml(ctx));
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string>) => escapeHtml(translate(ctx.lang, k, v));
  const items = numbers.slice(1).map((to, i) => {
    const from = numbers[i]!;
    const href = `${ctx.pageUrl.pathname}?from=${from}&to=${to}#compare`;
    return `<li><a href="${escapeHtml(href)}">${t("mirrorCompareLink", { from: String(from), to: String(to) })}</a></li>`;
  });
  return fragmentNodes(`<div class="mirror-compare"><p>${t("mirrorCompareIntro")}</p><ul>${items.join("")}</ul></div>`);
}

type Mapped = { type: "keep" } | { type: "href"; href: string; resource?: Resource } | { type: "self" } | { type: "unmirrored"; live?: string; path: string };

/** What one href/src of the page becomes in the mirror. */
export function mapLink(raw: string, ctx: PageContext): Mapped {
  const v = raw.trim();
  if (!v || v.startsWith("#")) return { type: "keep" };
  let u: URL;
  try {
    u = new URL(v, ctx.pageUrl);
  } catch {
    return { type: "keep" };
  }
  if ((u.protocol !== "http:" && u.protocol !== "https:") || u.origin !== ctx.pageUrl.origin) return { type: "keep" };
  const res = resolveLocal(u.pathname, u.searchParams, ctx.rules);
  if (!res.ok) return { type: "unmirrored", live: liveUrl(ctx, u), path: u.pathname };
  const file = fileFor(res.resource, ctx.lang);
  if (file === ctx.file) {
    if (u.hash) return { type: "href", href: u.hash };
    // A link that had to be changed (another sort order) and now goes nowhere is not a link.
    if (res.reduced) return { type: "self" };
    return { type: "href", href: file.slice(file.lastIndexOf("/") + 1) };
  }
  return { type: "href", href: relativeHref(ctx.file, file) + u.hash, resource: res.resource };
}

/** Replaces a link with its text: <a> becomes <span> with the same children and class. */
function unlink(a: Element): void {
  const keep = new Set(["class", "lang", "id"]);
  a.attrs = a.attrs.filter((x) => keep.has(x.name));
  a.tagName = "span";
  a.nodeName = "span";
}

export function rewritePage(html: string, ctx: PageContext): RewriteResult {
  const doc = parse(html);
  const found: Resource[] = [];
  const unmirrored: string[] = [];

  for (const el of elements(doc)) {
    if (!el.parentNode) continue; // inside something already removed
    if (el.tagName === "script") replaceNode(el, []);
    else if (el.tagName === "link" && /(^|\s)(modulepreload|preload|prefetch)(\s|$)/i.test(getAttr(el, "rel") ?? "")) replaceNode(el, []);
    else if (el.tagName === "form") {
      if (hasClass(el, "lang-switch")) replaceNode(el, langSwitch(el, ctx));
      else if (hasClass(el, "compare-form")) replaceNode(el, compareLinks(el, ctx));
      else replaceNode(el, fragmentNodes(noteHtml(ctx)));
    }
  }

  // Removed subtrees still hold their parentNode, so collect again from the document.
  for (const el of elements(doc)) {
    removeAttr(el, "data-discover");
    if (getAttr(el, KEEP) !== undefined) {
      removeAttr(el, KEEP);
      continue;
    }
    for (const name of ["href", "src"] as const) {
      const value = getAttr(el, name);
      if (value === undefined) continue;
      const m = mapLink(value, ctx);
      if (m.type === "keep") continue;
      if (m.type === "href") {
        setAttr(el, name, m.href);
        if (m.resource) found.push(m.resource);
        continue;
      }
      if (m.type === "unmirrored") unmirrored.push(m.path);
      if (m.type === "unmirrored" && m.live) setAttr(el, name, m.live);
      else if (el.tagName === "a") unlink(el);
      else replaceNode(el, []);
    }
  }

  const head = elements(doc).find((e) => e.tagName === "head");
  const main = elements(doc).find((e) => e.tagName === "main");
  if (head) {
    const other: Lang = ctx.lang === "zh" ? "en" : "zh";
    const live = liveUrl(ctx, ctx.pageUrl);
    append(
      head,
      fragmentNodes(
        `<link rel="alternate" hreflang="${other === "zh" ? "zh-Hans" : "en"}" href="${escapeHtml(relativeHref(ctx.file, fileFor(ctx.resource, other)))}">` +
          (live ? `<link rel="canonical" href="${escapeHtml(live)}">` : "") +
          `<style>${MIRROR_CSS}</style>`,
      ),
    );
  }
  if (main) {
    const live = liveUrl(ctx, ctx.pageUrl);
    const t = (k: Parameters<typeof translate>[1], v?: Record<string, string>) => escapeHtml(translate(ctx.lang, k, v));
    prepend(
      main,
      fragmentNodes(`<p class="mirror-banner" role="note">${t("mirrorBanner", { date: ctx.date })}${live ? ` <a href="${escapeHtml(live)}">${t("mirrorBannerLive")}</a>` : ""}</p>`),
    );
  }
  return { html: serialize(doc), found, unmirrored };
}

/** A page standing in for a redirect of the live site (an old tool id, for example). */
export function redirectPage(href: string, lang: Lang): string {
  const h = escapeHtml(href);
  return `<!DOCTYPE html><html lang="${lang === "zh" ? "zh-Hans" : "en"}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${h}"><title>${h}</title></head><body><p><a href="${h}">${h}</a></p></body></html>\n`;
}
