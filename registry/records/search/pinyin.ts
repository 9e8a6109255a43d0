// Pinyin for search and sorting, computed once per record when it is written (pinyin-pro reads
// polyphonic characters in context: 长三角 is chang, not zhang).
//
// Search: people type Chinese names in Latin letters, as full spelling (suishenma), syllables
// (sui shen ma) or initials (ssm). The name column of the search row gets, for each run of Han
// characters, its syllables, and for each span of up to four consecutive words of the run (as
// Intl.Segmenter cuts it) the span's spelling joined and its initials joined: 河南健康码 gives
// he nan jian kang ma, henan, hn, jiankang, jk, jiankangma, jkm, henanjiankangma, hnjkm, …
// Queries are Latin words and match these tokens as they are.
//
// The place's pinyin goes into the body (search/document.ts): shanghai, hangzhou, zhengzhou.
//
// Sorting: `sortKeyZh` is a key whose byte order (SQLite's BINARY collation) is pinyin order.
import { pinyin } from "pinyin-pro";

const HAN_RUN = /\p{Script=Han}+/gu;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const MAX_SPAN_WORDS = 4;
// An administrative suffix the segmenter sometimes leaves on a place (北京市, 浙江省): cut off, so
// beijing is a span of 北京市 as it is of 河南省郑州市's 郑州.
const ADMIN_SUFFIX = /^(\p{Script=Han}{2,})([省市区县镇乡村])$/u;

/** Toneless syllables of a run of Han characters (ü as v). */
export function syllables(run: string): string[] {
  return pinyin(run, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase());
}

/** The spans of a Han run whose spelling or initials are indexed: [start, end) in characters. */
function spans(run: string): [number, number][] {
  const bounds: number[] = [];
  let at = 0;
  for (const seg of segmenter.segment(run)) {
    const cut = ADMIN_SUFFIX.exec(seg.segment);
    for (const word of cut ? [cut[1]!, cut[2]!] : [seg.segment]) {
      bounds.push(at);
      at += [...word].length;
    }
  }
  bounds.push(at);
  const out: [number, number][] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    for (let j = i + 1; j <= Math.min(bounds.length - 1, i + MAX_SPAN_WORDS); j++) {
      if (bounds[j]! - bounds[i]! >= 2) out.push([bounds[i]!, bounds[j]!]);
    }
  }
  // The whole run, however many words it has.
  if (at >= 2 && !out.some(([s, e]) => s === 0 && e === at)) out.push([0, at]);
  return out;
}

type PinyinHit = { token: string; start: number; end: number };

/** Every pinyin token of `text` with the characters it spells ([start, end) in code points of `text`). */
export function pinyinHits(text: string): PinyinHit[] {
  const out: PinyinHit[] = [];
  const chars = [...text];
  // Code point offsets of each run.
  let cp = 0;
  let cu = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    while (cu < m.index!) {
      cu += chars[cp]!.length;
      cp++;
    }
    const run = m[0];
    const syl = syllables(run);
    if (syl.length !== [...run].length) continue; // pinyin-pro keeps some rare characters as they are
    syl.forEach((s, i) => out.push({ token: s, start: cp + i, end: cp + i + 1 }));
    for (const [s, e] of spans(run)) {
      const part = syl.slice(s, e);
      out.push({ token: part.join(""), start: cp + s, end: cp + e });
      out.push({ token: part.map((x) => x[0]).join(""), start: cp + s, end: cp + e });
    }
  }
  return out;
}

/**
 * A bounded memo of a pure function of a string: names and places repeat across records (郑州市
 * in thousands of them), and reading pinyin costs about 0.1 ms a name. When full it starts
 * afresh, which keeps the cost of a miss constant.
 */
function memo<T>(f: (s: string) => T, max = 20_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = f(s);
      if (cache.size >= max) cache = new Map();
      cache.set(s, v);
    }
    return v;
  };
}

const pinyinTokensOnce = memo((text: string) => Object.freeze([...new Set(pinyinHits(text).map((h) => h.token))].filter((t) => /^[a-z]+$/.test(t))));

/** The pinyin tokens of `text` for the search index, each once. */
export function pinyinTokens(text: string): string[] {
  return [...pinyinTokensOnce(text)];
}

/**
 * Sort key of a Chinese name: toneless pinyin syllables (Latin words and digits lower-cased, in
 * place), then the tone numbers, then the name itself as the last tie-break. Separators below
 * every letter make it compare syllable by syllable ("bei jing" < "beng").
 */
export function sortKeyZh(name: string | null | undefined): string | null {
  return name ? sortKeyOnce(name) : null;
}

const sortKeyOnce = memo((name: string): string => {
  const text = name.normalize("NFKC");
  const words: string[] = [];
  const tones: string[] = [];
  let latin = "";
  const flush = () => {
    if (latin) words.push(latin);
    latin = "";
  };
  for (const item of pinyin(text, { type: "all", toneType: "none", v: true })) {
    if (item.isZh) {
      flush();
      words.push(item.pinyin.toLowerCase());
      tones.push(String(item.num ?? 0));
    } else if (/[\p{L}\p{N}]/u.test(item.origin)) latin += item.origin.toLowerCase();
    else flush();
  }
  flush();
  return `${words.join(" ")}\u0001${tones.join("")}\u0001${text}`;
});
