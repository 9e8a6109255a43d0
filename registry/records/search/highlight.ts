// Highlighting is done on the original text (not on the segmented index text), and returns
// plain segments that the page renders as text and <mark>: nothing is ever injected as HTML.
import type { Term } from "./tokenize";
import { pinyinHits } from "./pinyin";

export type Segment = { text: string; match: boolean };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// The index stems English words (porter), so "codes" finds "code": mark words that share the
// query word's stem-ish prefix.
function latinPattern(word: string): string {
  const stem = word.length > 4 ? word.replace(/(ing|ed|es|s)$/, "") : word;
  return `\\b${escapeRe(stem)}[\\p{L}\\p{N}]*`;
}

function termRegex(terms: Term[]): RegExp | null {
  const parts = terms.filter((t) => t.text.length > 0).map((t) => (t.script === "han" ? escapeRe(t.text) : latinPattern(t.text)));
  if (!parts.length) return null;
  // Longer alternatives first so a run wins over its own prefix.
  parts.sort((a, b) => b.length - a.length);
  return new RegExp(parts.join("|"), "giu");
}

/** Split `text` into marked and unmarked segments. */
export function highlight(text: string, terms: Term[]): Segment[] {
  const re = termRegex(terms);
  if (!re || !text) return text ? [{ text, match: false }] : [];
  const normal = text.normalize("NFKC");
  const out: Segment[] = [];
  let last = 0;
  for (const m of normal.matchAll(re)) {
    if (m.index === undefined || m[0].length === 0) continue;
    if (m.index > last) out.push({ text: normal.slice(last, m.index), match: false });
    out.push({ text: normal.slice(m.index, m.index + m[0].length), match: true });
    last = m.index + m[0].length;
  }
  if (last < normal.length) out.push({ text: normal.slice(last), match: false });
  return out;
}

/** A window of about `radius` characters either side of the first match, highlighted. */
export function snippet(text: string, terms: Term[], radius = 60): Segment[] | null {
  const re = termRegex(terms);
  if (!re || !text) return null;
  const normal = text.normalize("NFKC");
  const m = re.exec(normal);
  if (!m || m.index === undefined) return null;
  const start = Math.max(0, m.index - radius);
  const end = Math.min(normal.length, m.index + m[0].length + radius);
  const segs = highlight(normal.slice(start, end), terms);
  if (start > 0) segs.unshift({ text: "…", match: false });
  if (end < normal.length) segs.push({ text: "…", match: false });
  return segs;
}

// The pinyin of the names on result pages, kept for the next request (the same searches and
// pages are asked for again and again): reading a name costs about 0.1 ms.
const pinyinCache = new Map<string, ReturnType<typeof pinyinHits>>();
const PINYIN_CACHE_ENTRIES = 2000;

function cachedPinyinHits(name: string) {
  let hits = pinyinCache.get(name);
  if (!hits) {
    hits = pinyinHits(name);
    if (pinyinCache.size >= PINYIN_CACHE_ENTRIES) pinyinCache.delete(pinyinCache.keys().next().value!);
    pinyinCache.set(name, hits);
  }
  return hits;
}

/**
 * A name with what the search matched marked, or null when it matched nothing there: the words
 * and Chinese pieces searched for, and the characters a pinyin word spells (suishenma, ssm mark
 * 随申码; registry/records/search/pinyin.ts).
 */
export function highlightName(text: string, terms: Term[]): Segment[] | null {
  if (!text || !terms.length) return null;
  const normal = text.normalize("NFKC");
  const marked = new Uint8Array(normal.length);
  const re = termRegex(terms);
  if (re) for (const m of normal.matchAll(re)) marked.fill(1, m.index!, m.index! + m[0].length);
  // Latin words that could spell some of the name's Chinese characters (at most six letters each).
  const han = normal.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = new Set(terms.filter((t) => t.script === "latin" && /^[a-z]+$/.test(t.text) && t.text.length <= 6 * han).map((t) => t.text));
  if (latin.size) {
    // Code point → code unit offsets.
    const at: number[] = [];
    let cu = 0;
    for (const ch of normal) {
      at.push(cu);
      cu += ch.length;
    }
    at.push(cu);
    for (const h of cachedPinyinHits(normal)) if (latin.has(h.token)) marked.fill(1, at[h.start]!, at[h.end]!);
  }
  if (!marked.includes(1)) return null;
  const out: Segment[] = [];
  for (let i = 0; i < normal.length; ) {
    let j = i;
    while (j < normal.length && marked[j] === marked[i]) j++;
    out.push({ text: normal.slice(i, j), match: marked[i] === 1 });
    i = j;
  }
  return out;
}
