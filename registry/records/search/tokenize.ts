// Search tokenisation shared by indexing and querying, so both sides split text the same way.
//
// Intl.Segmenter finds the word-like pieces of mixed Chinese/English text and drops spaces and
// punctuation. A dictionary segmenter does not always cut a Chinese word the same way in every
// context (门磁 alone vs inside 智能门磁系统), so Chinese runs are indexed as overlapping character
// bigrams: any Chinese substring of two or more characters becomes a phrase of bigrams and is
// always found, and a single character is found through the unigram column.

export type Term = { script: "han" | "latin"; text: string };

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const MAX_TERMS = 32;

/** Word-like pieces of `text`, adjacent Chinese pieces merged into one run, Latin lower-cased. */
export function splitTerms(text: string): Term[] {
  const normal = text.normalize("NFKC");
  return FAST_TEXT.test(normal) && !SLOW_CHARS.test(normal) ? splitTermsFast(normal) : splitTermsIcu(normal);
}

// The same terms without the segmenter, about ten times faster, for text made only of characters
// whose word boundaries Unicode's rules (UAX #29, which ICU follows for them) fix without a
// dictionary: Latin letters, ASCII digits, spaces and common punctuation, and Chinese characters,
// whose dictionary cuts do not matter here (adjacent pieces are merged into one run). Any other
// character (kana, Hangul, Thai, Greek, Cyrillic, combining marks, format characters, "_") sends
// the text to the segmenter. A Latin word goes on across ' . ’ ‘ ․ : · ‧ between two letters and
// across , ; . ’ ‘ ․ ' between two digits, as the segmenter's does (test/unit/search-tokenize-fast.test.ts
// compares both on the seed data, the foreign records and random text).
const FAST_TEXT =
  /^[\t\n\r\x20-\x5e\x60-\x7e\u00a0-\u00ac\u00ae-\u00ff\p{Script=Latin}\u2010-\u2027\u2030-\u203a\u3000-\u3003\u3008-\u3011\u3014-\u301f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]*$/u;
// Of those, what the segmenter treats in ways not copied here: unassigned code points, letters
// and numbers of other scripts the ranges above let through (µ, ¹), marks.
const SLOW_CHARS = /[\p{Cn}\p{M}\u00b5\u00b9\u00b2\u00b3\u00bc-\u00be]|[\p{L}\p{N}](?<![\p{Script=Latin}\p{Script=Han}0-9])/u;
const FAST_TERM =
  /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+|(?:[\p{Script=Latin}0-9]|(?<=\p{Script=Latin})[:\u00b7\u2027.\u2018\u2019\u2024'](?=\p{Script=Latin})|(?<=[0-9])[,;.\u2018\u2019\u2024'](?=[0-9]))+/gu;
const HAN_FIRST = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

export function splitTermsFast(normal: string): Term[] {
  const out: Term[] = [];
  for (const m of normal.matchAll(FAST_TERM)) {
    const t = m[0];
    out.push(HAN_FIRST.test(t) ? { script: "han", text: t } : { script: "latin", text: t.toLowerCase() });
  }
  return out;
}

/** The terms as the segmenter cuts them (`normal` is NFKC already). */
export function splitTermsIcu(normal: string): Term[] {
  const out: Term[] = [];
  let prevEnd = -1;
  for (const seg of segmenter.segment(normal)) {
    if (!seg.isWordLike) continue;
    const isHan = HAN.test(seg.segment);
    const last = out[out.length - 1];
    if (isHan) {
      // A word-like segment may mix a Han run with Latin letters in rare cases; keep Han only.
      const han = [...seg.segment].filter((c) => HAN.test(c)).join("");
      if (last && last.script === "han" && prevEnd === seg.index) last.text += han;
      else out.push({ script: "han", text: han });
    } else {
      out.push({ script: "latin", text: seg.segment.toLowerCase() });
    }
    prevEnd = seg.index + seg.segment.length;
  }
  return out;
}

export function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The token streams stored in the FTS table for one text. */
export function indexTokens(text: string): { words: string; unigrams: string } {
  const words: string[] = [];
  const unigrams: string[] = [];
  for (const term of splitTerms(text)) {
    if (term.script === "latin") words.push(term.text);
    else {
      words.push(...bigrams(term.text));
      unigrams.push(...term.text);
    }
  }
  return { words: words.join(" "), unigrams: unigrams.join(" ") };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

// Dropped from queries only: requiring "the" in every result helps nobody.
const QUERY_STOPWORDS = new Set(["a", "an", "the", "of", "and", "or", "to", "in", "on", "for"]);

/** The FTS5 expression of one term: a Latin word in the name or body, a Chinese run as a phrase of bigrams, a single character in `uni`. */
export function termExpression(t: Term): string {
  if (t.script === "latin") return `{name body} : ${quote(t.text)}`;
  if ([...t.text].length === 1) return `uni : ${quote(t.text)}`;
  return `{name body} : ${quote(bigrams(t.text).join(" "))}`;
}

/**
 * FTS5 MATCH expressions for what a person typed, null when nothing searchable is left. Every
 * term is quoted, so FTS syntax typed by a user (quotes, *, NEAR, -, AND) is only text.
 * `match`: every term must match (AND); `any`: at least one must (OR), the fallback when no
 * record has them all; null when there is only one term (or none).
 */
export function buildMatchExpression(query: string): { match: string | null; any: string | null; terms: Term[] } {
  const terms = splitTerms(query)
    .filter((t) => t.script === "han" || !QUERY_STOPWORDS.has(t.text))
    .slice(0, MAX_TERMS);
  const parts = terms.map(termExpression);
  return { match: parts.length ? parts.join(" AND ") : null, any: parts.length > 1 ? parts.join(" OR ") : null, terms };
}
