// "Did you mean": when no record has all the words searched for, each word that matches nothing
// is replaced by the nearest known one, and the corrected query is offered if it finds records.
//
// - Latin words: the nearest word (edit distance 1, or 2 for words of five letters or more) of a
//   vocabulary of the words in tool names, agency names, places and the labels of coded values
//   (helth → health). Looked up through the words' one-letter deletions, so a lookup costs a few
//   map reads, not a pass over the vocabulary.
// - Chinese runs: a piece of a tool name, agency name, place or label of the same length that
//   differs in one character, preferring the one that sounds the same (随申马 → 随申码). Tool names
//   are found through the search index (names sharing a bigram with the run), the rest in memory.
//
// The vocabulary is kept per connection and rebuilt with the list index's version; it is built
// only when a search first needs a suggestion, and answers are cached per query.
import { stmt, type Db } from "../../shared/db.server";
import { LABELS, type LabelGroup } from "../../standard/labels";
import { bigrams, splitTerms, termExpression, type Term } from "./tokenize";
import { syllables } from "./pinyin";

type Vocab = {
  version: number;
  /** Latin word → how often it occurs in the vocabulary's texts. */
  words: Map<string, number>;
  /** A word or one of its one-letter deletions → the words it comes from. */
  deletions: Map<string, string[]>;
  /** Chinese runs of agency names, places and labels. */
  han: string[];
  answers: Map<string, string[]>;
};

const vocabs = new WeakMap<object, Vocab>();
const LABEL_GROUPS: LabelGroup[] = ["kind", "policyDomain", "status", "category", "incident", "jurisdiction"];
const MAX_SUGGESTIONS = 3;
const MAX_ANSWERS = 256;

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function buildVocab(db: Db, version: number): Vocab {
  const words = new Map<string, number>();
  const han = new Set<string>();
  const add = (text: string | null) => {
    if (!text) return;
    for (const t of splitTerms(text)) {
      if (t.script === "han") {
        if ([...t.text].length >= 2) han.add(t.text);
      } else if (/^[a-z]{3,}$/.test(t.text)) words.set(t.text, (words.get(t.text) ?? 0) + 1);
    }
  };
  const addLatin = (text: string | null) => {
    if (!text) return;
    for (const w of text.toLowerCase().split(/[^a-z]+/)) if (w.length >= 3) words.set(w, (words.get(w) ?? 0) + 1);
  };
  // Tool names: only their Latin words (Chinese names are found through the search index).
  for (const name of db.$client.prepare(`SELECT name_en FROM tools WHERE published_revision_id IS NOT NULL`).pluck().iterate() as IterableIterator<string | null>) addLatin(name);
  for (const a of db.$client.prepare(`SELECT name_zh, name_en, place_zh, place_en FROM agencies`).raw().iterate() as IterableIterator<(string | null)[]>) a.forEach(add);
  for (const p of db.$client.prepare(`SELECT DISTINCT place_zh FROM tools WHERE published_revision_id IS NOT NULL`).pluck().iterate() as IterableIterator<string | null>) add(p);
  for (const g of LABEL_GROUPS) for (const l of Object.values(LABELS[g] as Record<string, { zh: string; en: string }>)) (add(l.zh), add(l.en));
  const deletions = new Map<string, string[]>();
  const index = (key: string, word: string) => {
    const list = deletions.get(key);
    if (list) list.push(word);
    else deletions.set(key, [word]);
  };
  for (const w of words.keys()) {
    index(w, w);
    for (const d of deletionsOf(w)) index(d, w);
  }
  return { version, words, deletions, han: [...han], answers: new Map() };
}

/** Optimal string alignment distance (edits, with a swap of neighbours as one). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

function latinCandidates(v: Vocab, word: string): string[] {
  const max = word.length >= 5 ? 2 : 1;
  const seen = new Map<string, number>();
  for (const key of [word, ...deletionsOf(word)]) {
    for (const w of v.deletions.get(key) ?? []) if (w !== word && !seen.has(w)) seen.set(w, distance(word, w));
  }
  return [...seen]
    .filter(([, d]) => d <= max)
    .sort((a, b) => a[1] - b[1] || (v.words.get(b[0]) ?? 0) - (v.words.get(a[0]) ?? 0) || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
}

function hanCandidates(db: Db, v: Vocab, run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return [];
  const texts: string[] = [];
  const names = `SELECT t.name_zh FROM tool_search JOIN tools t ON t.seq = tool_search.rowid WHERE tool_search MATCH ? AND t.published_revision_id IS NOT NULL LIMIT 50`;
  for (const bg of new Set(bigrams(run))) {
    for (const r of stmt(db, names).all(`name : "${bg}"`) as { name_zh: string | null }[]) if (r.name_zh) texts.push(r.name_zh);
  }
  texts.push(...v.han);
  const sound = syllables(run);
  const scored = new Map<string, number>();
  for (const text of texts) {
    for (const t of splitTerms(text)) {
      if (t.script !== "han") continue;
      const c = [...t.text];
      for (let i = 0; i + chars.length <= c.length; i++) {
        let diff = -1;
        for (let k = 0; k < chars.length; k++) {
          if (c[i + k] === chars[k]) continue;
          diff = diff === -1 ? k : -2;
          if (diff === -2) break;
        }
        if (diff < 0) continue; // the same, or more than one character differs
        const window = c.slice(i, i + chars.length).join("");
        // Same sound (码 for 马) counts most; then how often the piece was seen.
        const bonus = syllables(c[i + diff]!)[0] === sound[diff] ? 1000 : 0;
        scored.set(window, Math.max(scored.get(window) ?? 0, bonus) + 1);
      }
    }
  }
  return [...scored].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

const hasHits = (db: Db, match: string) => stmt(db, `SELECT 1 AS x FROM tool_search WHERE tool_search MATCH ? LIMIT 1`).get(match) !== undefined;

/**
 * Queries to suggest for `terms` (the searched terms, none of whose records has them all): each
 * term that matches nothing replaced by its nearest known one; only queries that find records.
 */
export function suggestQueries(db: Db, version: number, terms: Term[]): string[] {
  if (!terms.length) return [];
  let v = vocabs.get(db.$client);
  if (!v || v.version !== version) vocabs.set(db.$client, (v = buildVocab(db, version)));
  const key = terms.map((t) => t.text).join(" ");
  const cached = v.answers.get(key);
  if (cached) return cached;

  const options: string[][] = terms.map((t) => {
    if (hasHits(db, termExpression(t))) return [t.text];
    const found = t.script === "latin" ? latinCandidates(v, t.text) : hanCandidates(db, v, t.text);
    return found.length ? found : [t.text];
  });
  const out: string[] = [];
  const first = options.findIndex((o, i) => o[0] !== terms[i]!.text);
  if (first >= 0) {
    for (const alt of options[first]!.slice(0, 10)) {
      const words = options.map((o, i) => (i === first ? alt : o[0]!));
      const q = words.join(" ");
      if (q !== key && !out.includes(q) && hasHits(db, words.map((w) => splitTerms(w).map(termExpression).join(" AND ")).join(" AND "))) out.push(q);
      if (out.length >= MAX_SUGGESTIONS) break;
    }
  }
  if (v.answers.size >= MAX_ANSWERS) v.answers.delete(v.answers.keys().next().value!);
  v.answers.set(key, out);
  return out;
}
