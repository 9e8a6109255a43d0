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
//
// The page is read as a stream of tags, not parsed into a tree: the register writes it itself
// (React's server renderer, and markdown-it with raw HTML off for the texts), so every element is
// closed, every attribute value is quoted, and "<" appears in text only as "&lt;". The tags are
// rewritten in place and everything between them is copied as it is. Building the document tree
// with parse5 and serialising it again took 3.7 ms a page, a sixth of a mirror worker's time;
// this takes 1.2 ms (record, history, list and other pages of a 2,000-record register).
import { translate } from "../../app/i18n/strings";
import { localized, LANG_TAG, LANGS } from "../../registry/shared/urls";
import { fileFor, relativeHref, resolveAddress, type Lang, type MirrorRules, type Resource } from "./urls";

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
/** The page's words for a key of the interface, escaped for HTML. */
const words = (ctx: PageContext, k: Parameters<typeof translate>[1], v?: Record<string, string>) => escapeHtml(translate(ctx.lang, k, v));
const escapeAttr = (s: string) => (/[&"]/.test(s) ? s.replace(/&/g, "&amp;").replace(/"/g, "&quot;") : s);

const NAMED: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: "\u00a0" };
/** An attribute value as the browser reads it: the character references React and markdown-it write, decoded. */
function decodeAttr(v: string): string {
  if (!v.includes("&")) return v;
  return v.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? m;
    const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : "\ufffd";
  });
}

/** An attribute: its name as written, its name as compared (lower case), its decoded value. */
type Attr = { name: string; lower: string; value: string };
/** One start tag: its name as written and as compared, its attributes in order. */
type Tag = { name: string; lower: string; attrs: Attr[]; selfClosing: boolean };

const ATTR = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
function attrsOf(source: string): Attr[] {
  const out: Attr[] = [];
  for (const m of source.matchAll(ATTR)) out.push({ name: m[1]!, lower: m[1]!.toLowerCase(), value: decodeAttr(m[2] ?? m[3] ?? m[4] ?? "") });
  return out;
}

const getAttr = (t: Tag, name: string) => t.attrs.find((a) => a.lower === name)?.value;
function setAttr(t: Tag, name: string, value: string): void {
  const a = t.attrs.find((x) => x.lower === name);
  if (a) a.value = value;
  else t.attrs.push({ name, lower: name, value });
}
const removeAttr = (t: Tag, name: string) => void (t.attrs = t.attrs.filter((a) => a.lower !== name));
const hasClass = (classAttr: string | undefined, name: string) => (classAttr ?? "").split(/\s+/).includes(name);
const tagText = (t: Tag) => `<${t.name}${t.attrs.map((a) => ` ${a.name}="${escapeAttr(a.value)}"`).join("")}${t.selfClosing ? "/" : ""}>`;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
/** Elements whose content is text up to their end tag, never tags. */
const RAW_TEXT = new Set(["style", "script", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"]);

/**
 * One token of the page: a comment, an end tag or a start tag (its name and the source of its
 * attributes; a quoted value may hold ">"), or a doctype or other declaration.
 */
const TOKEN = /<(?:!--[\s\S]*?-->|(\/?)([a-zA-Z][^\s\/>]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>|[!?][^>]*>)/g;

function liveUrl(ctx: PageContext, url: URL): string | undefined {
  return ctx.liveOrigin ? `${ctx.liveOrigin}${url.pathname}${url.search}${url.hash}` : undefined;
}

function noteHtml(ctx: PageContext): string {
  const live = liveUrl(ctx, ctx.pageUrl);
  return `<p class="notice mirror-note" role="note">${words(ctx, "mirrorFormNote", { date: ctx.date })}${
    live ? ` <a ${KEEP} href="${escapeHtml(live)}">${words(ctx, "mirrorBannerLive")}</a>` : ""
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
function twinLink(t: Tag, ctx: PageContext): boolean {
  const other: Lang = ctx.lang === "zh" ? "en" : "zh";
  if (t.lower === "a") {
    setAttr(t, "href", twinHref(ctx, langOfTag(getAttr(t, "hreflang")) ?? other));
    return true;
  }
  // A static copy has no address that chooses the language for the reader (the live register's
  // unprefixed address negotiates it from the browser's settings; a file cannot). Pointing
  // x-default at one language's file would claim that language as the default for everyone else,
  // and the bilingual start page is a different page, so the mirror leaves x-default out: the
  // zh-Hans and en alternates say all there is.
  const lang = langOfTag(getAttr(t, "hreflang"));
  if (!lang) return false;
  setAttr(t, "href", twinHref(ctx, lang));
  return true;
}

/** The revision comparison form (its source): links to each comparison of consecutive revisions, mirrored. */
function compareLinks(form: string, ctx: PageContext): string {
  let numbers: number[] = [];
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select\s*>/gi)) {
    if (attrsOf(m[1]!).find((a) => a.lower === "name")?.value !== "from") continue;
    numbers = [...m[2]!.matchAll(/<option\b([^>]*)>/gi)]
      .map((o) => Number(attrsOf(o[1]!).find((a) => a.lower === "value")?.value))
      .filter((n) => Number.isInteger(n))
      .sort((a, b) => a - b);
    break;
  }
  if (numbers.length < 2) return noteHtml(ctx);
  const items = numbers.slice(1).map((to, i) => {
    const from = numbers[i]!;
    const href = `${ctx.pageUrl.pathname}?from=${from}&to=${to}#compare`;
    return `<li><a href="${escapeHtml(href)}">${words(ctx, "mirrorCompareLink", { from: String(from), to: String(to) })}</a></li>`;
  });
  return `<div class="mirror-compare"><p>${words(ctx, "mirrorCompareIntro")}</p><ul>${items.join("")}</ul></div>`;
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

/**
 * Every script element of a page, whole: the mirror drops them all (client-side navigation would
 * fetch `?_data=` loaders that do not exist in a static copy, and the pages work without
 * JavaScript). A script's text ends at the first `</script` followed by a space, "/" or ">", as in
 * the HTML tokenizer; neither React nor Remix writes "<" unescaped inside one.
 */
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script(?:[\t\n\f \/][^>]*)?>/gi;

/** Attributes the rewriter may change or read: a tag with none of them (most of a page) is copied as it is. */
const TOUCHED = /href|src|data-discover|data-mirror-keep|lang-switch/i;
/** Elements the rewriter looks at whatever their attributes. */
const WATCHED = new Set(["a", "link", "form", "main"]);

export function rewritePage(html: string, ctx: PageContext): RewriteResult {
  const found: Resource[] = [];
  const unmirrored: string[] = [];
  let src = html.replace(SCRIPT, "");
  // The page is copied in runs: what lies between the tags that change is taken as it is.
  const out: string[] = [];
  let copied = 0;
  const replace = (from: number, to: number, text: string) => {
    out.push(src.slice(copied, from), text);
    copied = to;
  };
  // Inside the language switch: its element's name and the elements open inside it (a link is the
  // switch when nothing else is open, that is when the switch is its parent).
  let langSwitch: { lower: string; inner: string[] } | null = null;
  // A link made text: its end tag closes a <span> (links do not nest).
  let spanOpen = false;
  let banner = false;
  TOKEN.lastIndex = 0;

  /** Where an element removed whole ends: just past its end tag. */
  const elementEnd = (lower: string, from: number): number => {
    const re = new RegExp(`<(/?)${lower}\\b[^>]*>`, "gi");
    re.lastIndex = from;
    let depth = 1;
    for (let m = re.exec(src); m; m = re.exec(src)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) return re.lastIndex;
    }
    return src.length;
  };
  /** Where a raw-text element's text (style, title, ...) ends: at its end tag. */
  const rawTextEnd = (lower: string, from: number): number => {
    const end = new RegExp(`</${lower}(?=[\\t\\n\\f \\/>])`, "gi");
    end.lastIndex = from;
    return end.exec(src)?.index ?? src.length;
  };

  for (let m = TOKEN.exec(src); m; m = TOKEN.exec(src)) {
    const name = m[2];
    if (name === undefined) continue; // a comment or a declaration
    const start = m.index;
    const end = TOKEN.lastIndex;
    const lower = name.toLowerCase();
    if (m[1]) {
      // An end tag.
      if (langSwitch) {
        const i = langSwitch.inner.lastIndexOf(lower);
        if (i >= 0) langSwitch.inner.length = i;
        else if (lower === langSwitch.lower) langSwitch = null;
      }
      if (lower === "a" && spanOpen) {
        spanOpen = false;
        replace(start, end, "</span>");
      } else if (lower === "head") {
        const live = liveUrl(ctx, ctx.pageUrl);
        replace(start, start, (live ? `<link rel="canonical" href="${escapeHtml(live)}">` : "") + `<style>${MIRROR_CSS}</style>`);
      }
      continue;
    }
    const attrSource = m[3]!;
    const selfClosing = attrSource.endsWith("/");
    const leaf = selfClosing || VOID.has(lower);
    const isSwitch = langSwitch !== null && langSwitch.inner.length === 0;
    if (langSwitch && !leaf) langSwitch.inner.push(lower);
    if (!WATCHED.has(lower) && !TOUCHED.test(attrSource)) {
      // Nothing to change: the tag stays as it was written.
      if (RAW_TEXT.has(lower) && !leaf) TOKEN.lastIndex = rawTextEnd(lower, end);
      continue;
    }
    const tag: Tag = { name, lower, attrs: attrsOf(selfClosing ? attrSource.slice(0, -1) : attrSource), selfClosing };
    if (!langSwitch && !leaf && hasClass(getAttr(tag, "class"), "lang-switch")) langSwitch = { lower, inner: [] };

    if (lower === "link" && /(^|\s)(modulepreload|preload|prefetch)(\s|$)/i.test(getAttr(tag, "rel") ?? "")) {
      replace(start, end, "");
      continue;
    }
    if (lower === "form") {
      // Forms do not nest: the form is everything to its end tag. Its replacement is read next.
      if (langSwitch?.inner.length) langSwitch.inner.pop();
      const formEnd = elementEnd("form", end);
      const replacement = hasClass(getAttr(tag, "class"), "compare-form") ? compareLinks(src.slice(start, formEnd), ctx) : noteHtml(ctx);
      out.push(src.slice(copied, start));
      src = replacement + src.slice(formEnd);
      copied = 0;
      TOKEN.lastIndex = 0;
      continue;
    }

    let keep = false;
    const twin = (lower === "link" && /(^|\s)alternate(\s|$)/i.test(getAttr(tag, "rel") ?? "") && getAttr(tag, "hreflang") !== undefined) || (lower === "a" && isSwitch);
    if (twin) {
      if (!twinLink(tag, ctx)) {
        replace(start, end, ""); // an alternate for no language (a void element)
        continue;
      }
      keep = true;
    }
    if (getAttr(tag, "data-discover") !== undefined) removeAttr(tag, "data-discover");
    if (getAttr(tag, KEEP) !== undefined) {
      removeAttr(tag, KEEP);
      keep = true;
    }
    let removed = false;
    if (!keep) {
      for (const attr of ["href", "src"] as const) {
        const value = getAttr(tag, attr);
        if (value === undefined) continue;
        const mapped = mapLink(value, ctx);
        if (mapped.type === "keep") continue;
        if (mapped.type === "href") {
          setAttr(tag, attr, mapped.href);
          if (mapped.resource) found.push(mapped.resource);
          continue;
        }
        if (mapped.type === "unmirrored") unmirrored.push(mapped.path);
        if (mapped.type === "unmirrored" && mapped.live) setAttr(tag, attr, mapped.live);
        else if (tag.lower === "a") {
          // The link becomes its text: a <span> with the same children and class.
          tag.attrs = tag.attrs.filter((a) => a.lower === "class" || a.lower === "lang" || a.lower === "id");
          tag.name = tag.lower = "span";
          spanOpen = !leaf;
        } else {
          removed = true;
          break;
        }
      }
    }
    if (removed) {
      if (langSwitch?.inner.length && !leaf) langSwitch.inner.pop();
      const to = leaf ? end : elementEnd(lower, end);
      replace(start, to, "");
      TOKEN.lastIndex = to;
      continue;
    }
    let text = tagText(tag);
    if (lower === "main" && !banner) {
      banner = true;
      const live = liveUrl(ctx, ctx.pageUrl);
      text += `<p class="mirror-banner" role="note">${words(ctx, "mirrorBanner", { date: ctx.date })}${live ? ` <a href="${escapeHtml(live)}">${words(ctx, "mirrorBannerLive")}</a>` : ""}</p>`;
    }
    replace(start, end, text);
    if (RAW_TEXT.has(lower) && !leaf) TOKEN.lastIndex = rawTextEnd(lower, end);
  }
  out.push(src.slice(copied));
  return { html: out.join(""), found, unmirrored };
}

/** A page standing in for a redirect of the live site (an old tool id, for example). */
export function redirectPage(href: string, lang: Lang): string {
  const h = escapeHtml(href);
  return `<!DOCTYPE html><html lang="${LANG_TAG[lang]}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${h}"><title>${h}</title></head><body><p><a href="${h}">${h}</a></p></body></html>\n`;
}
