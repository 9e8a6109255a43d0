// Turns one server-rendered page of the live register into its static mirror copy.
//
// - Every local href/src is rewritten to the relative path of the mirrored file, so the copy
//   works from any sub-path of any web server and from file://. A page rendered at /en/... links
//   /en/tools/..., /en/changes.atom and the language-neutral /tools.csv: the prefix names the
//   language's directory (or nothing, for files both languages share). Links to what is not
//   mirrored become plain text, or links to the live register when its address is known.
// - The language switch (a link to the same page at the other language's address) and the
//   `<link rel="alternate" hreflang>` of the head lead to the twin file in the mirror.
// - Remix's scripts and modulepreload links go: client-side navigation would fetch `?_data=`
//   loaders that do not exist in a static copy, and the pages work without JavaScript anyway.
// - Forms cannot work statically. The revision comparison (a GET form) becomes a list of links
//   to the mirrored comparisons; every other form (search, comment, report) is replaced by a
//   short note pointing to the live register.
import { parse, parseFragment, serialize, type DefaultTreeAdapterMap } from "parse5";
import { translate } from "../../app/i18n/strings";
import { localized, LANG_TAG, LANGS } from "../../registry/shared/urls";
import { fileFor, relativeHref, resolveAddress, type Lang, type MirrorRules, type Resource } from "./urls";

type Node = DefaultTreeAdapterMap["node"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];
type Element = DefaultTreeAdapterMap["element"];

export type PageContext = {
  /**
   * The absolute URL the page was rendered at (its language address, /zh/... or /en/...); its
   * origin is the register's origin.
   */
  pageUrl: URL;
  /** The page's language: where its unprefixed links land (none should be left on a prefixed page). */
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

const MIRROR_CSS = ".mirror-banner{background:#fff8e1;border:1px solid #d9b44a;border-radius:4px;padding:.5rem .75rem;margin:0 0 1rem}";

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

/** The language an hreflang tag names (`zh-Hans`, `en`), or null (`x-default`, anything else). */
function langOfTag(tag: string | undefined): Lang | null {
  return LANGS.find((l) => LANG_TAG[l].toLowerCase() === tag?.trim().toLowerCase()) ?? null;
}

/** The page itself in the given language, from this page's file. */
function twinHref(ctx: PageContext, lang: Lang): string {
  const file = fileFor(ctx.resource, lang);
  return file === ctx.file ? file.slice(file.lastIndexOf("/") + 1) : relativeHref(ctx.file, file);
}

/**
 * The language switch and the head's alternates name the same page at the other language's
 * address of the live site (`/zh/tools/ALG-000002`, `<origin>/en/tools/ALG-000002`): here they
 * lead to the twin file. Set directly from the page's own resource, so the switch never depends on
 * how a link of the page happens to resolve. Returns false for an element to remove.
 */
function twinLink(el: Element, ctx: PageContext): boolean {
  const other: Lang = ctx.lang === "zh" ? "en" : "zh";
  if (el.tagName === "a") {
    setAttr(el, "href", twinHref(ctx, langOfTag(getAttr(el, "hreflang")) ?? other));
    return true;
  }
  // A static copy has no address that chooses the language for the reader (the live register's
  // unprefixed address negotiates it from the browser's settings; a file cannot). Pointing
  // x-default at one language's file would claim that language as the default for everyone else,
  // and the bilingual start page is a different page, so the mirror leaves x-default out: the
  // zh-Hans and en alternates say all there is.
  const lang = langOfTag(getAttr(el, "hreflang"));
  if (!lang) return false;
  setAttr(el, "href", twinHref(ctx, lang));
  return true;
}

function isTwinLink(el: Element): boolean {
  if (el.tagName === "link") return /(^|\s)alternate(\s|$)/i.test(getAttr(el, "rel") ?? "") && getAttr(el, "hreflang") !== undefined;
  if (el.tagName !== "a") return false;
  const parent = el.parentNode;
  return parent !== null && isElement(parent as Node) && hasClass(parent as Element, "lang-switch");
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

// Where an address lands depends on its path and query alone, and pages repeat the same links
// (the navigation, the facets, the download block): each is resolved once per export (per rules),
// a bounded number at a time.
const resolutions = new WeakMap<MirrorRules, Map<string, ReturnType<typeof resolveAddress>>>();
function resolveCached(u: URL, rules: MirrorRules): ReturnType<typeof resolveAddress> {
  let cache = resolutions.get(rules);
  if (!cache) resolutions.set(rules, (cache = new Map()));
  const key = u.pathname + u.search;
  let res = cache.get(key);
  if (!res) {
    res = resolveAddress(u.pathname, u.searchParams, rules);
    if (cache.size >= 50_000) cache.clear();
    cache.set(key, res);
  }
  return res;
}

/** Forgets the resolutions made under some rules (their answers changed: the optional resources found absent). */
export function forgetResolutions(rules: MirrorRules): void {
  resolutions.delete(rules);
}

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
  const res = resolveCached(u, ctx.rules);
  if (!res.ok) {
    // On the live register, the page in this page's language: an unprefixed address there would
    // negotiate it from the reader's browser instead (language-neutral ones stay as they are).
    const live = res.prefix ? u : new URL(localized(`${u.pathname}${u.search}${u.hash}`, ctx.lang), u);
    // The summary counts /en/login and /zh/login as one address.
    return { type: "unmirrored", live: liveUrl(ctx, live), path: res.prefix ? u.pathname.slice(res.prefix.length + 1) || "/" : u.pathname };
  }
  // The language the address names; an unprefixed page address stays in the page's language.
  const file = fileFor(res.resource, res.prefix ?? ctx.lang);
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

/**
 * Every script element of a page, whole. The mirror drops them all (below); emptied before
 * parsing, the parser does not tokenize Remix's hydration data (a third of a page). An empty
 * element stays in its place, so the parser builds the same tree around it (a script after
 * </html> moves what follows into the body). A script's text ends at the first `</script`
 * followed by a space, "/" or ">", as in the HTML tokenizer; neither React nor Remix writes "<"
 * unescaped inside one, nor "<script" outside one but as a tag.
 */
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script(?:[\t\n\f \/][^>]*)?>/gi;

export function rewritePage(html: string, ctx: PageContext): RewriteResult {
  const doc = parse(html.replace(SCRIPT, "<script></script>"));
  const found: Resource[] = [];
  const unmirrored: string[] = [];

  for (const el of elements(doc)) {
    if (!el.parentNode) continue; // inside something already removed
    if (el.tagName === "script") replaceNode(el, []);
    else if (el.tagName === "link" && /(^|\s)(modulepreload|preload|prefetch)(\s|$)/i.test(getAttr(el, "rel") ?? "")) replaceNode(el, []);
    else if (el.tagName === "form") {
      if (hasClass(el, "compare-form")) replaceNode(el, compareLinks(el, ctx));
      else replaceNode(el, fragmentNodes(noteHtml(ctx)));
    } else if (isTwinLink(el)) {
      if (twinLink(el, ctx)) setAttr(el, KEEP, "");
      else replaceNode(el, []);
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
    // The page's own address on the live register: its language address, shareable as it is.
    const live = liveUrl(ctx, ctx.pageUrl);
    append(head, fragmentNodes((live ? `<link rel="canonical" href="${escapeHtml(live)}">` : "") + `<style>${MIRROR_CSS}</style>`));
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
  return `<!DOCTYPE html><html lang="${LANG_TAG[lang]}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${h}"><title>${h}</title></head><body><p><a href="${h}">${h}</a></p></body></html>\n`;
}
