// "Did you mean": when no record has all the words searched for, each word that matches nothing
// is replaced by the nearest known one, and the corrected query is offered if it finds records.
//
// - Latin words: the nearest known word (helth → health): one edit away and in the search index
//   (tool names and texts), or up to two edits away in a vocabulary of the words of agency names,
//   places and the labels of coded values (looked up through the words' one-letter deletions).
// - Chinese runs: a piece of a tool name, agency name, place or label of the same length that
//   differs in one character, preferring the one that sounds the same (随申马 → 随申码). Tool names
//   are found through the search index (names sharing a bigram with the run), the rest in memory.
//
// The vocabulary (agencies and labels, never a pass over the tools) is kept per connection and
// rebuilt with the list index's version; it is built only when a search first needs a
// suggestion, and answers are cached per query and version.
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

const HAN_RUN = /\p{Script=Han}{2,}/gu;

// Built from the agencies (names and places, both languages) and the labels: bounded by the
// number of agencies, never a pass over the tools.
function buildVocab(db: Db, version: number): Vocab {
  const words = new Map<string, number>();
  const han = new Set<string>();
  const add = (text: string | null) => {
    if (!text) return;
    for (const m of text.normalize("NFKC").matchAll(HAN_RUN)) han.add(m[0]);
    for (const w of text.toLowerCase().split(/[^a-z]+/)) if (w.length >= 3) words.set(w, (words.get(w) ?? 0) + 1);
  };
  for (const a of db.$client.prepare(`SELECT name_zh, name_en, place_zh, place_en FROM agencies`).raw().iterate() as IterableIterator<(string | null)[]>) a.forEach(add);
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

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Every word one edit (deletion, swap of neighbours, substitution, insertion) away from `word`. */
function edits1(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return out;
}

/**
 * Known words near a Latin word, nearest first: the vocabulary's (up to two edits for words of
 * five letters or more, found through deletions) and, one edit away, any word of the search
 * index (tool names and texts), checked there one by one (a few hundred point look-ups, only for
 * a word that matches nothing).
 */
function latinCandidates(db: Db, v: Vocab, word: string): string[] {
  if (word.length < 3 || word.length > 30 || !/^[a-z]+$/.test(word)) return [];
  const max = word.length >= 5 ? 2 : 1;
  const scored = new Map<string, [number, number]>();
  for (const key of [word, ...deletionsOf(word)]) {
    for (const w of v.deletions.get(key) ?? []) {
      if (w === word || scored.has(w)) continue;
      const d = distance(word, w);
      if (d <= max) scored.set(w, [d, v.words.get(w) ?? 0]);
    }
  }
  for (const w of edits1(word)) {
    if (!scored.has(w) && hasHits(db, `{name body} : "${w}"`)) scored.set(w, [1, hitCount(db, `name : "${w}"`)]);
  }
  return [...scored].sort((a, b) => a[1][0] - b[1][0] || b[1][1] - a[1][1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
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
    for (const m of text.normalize("NFKC").matchAll(HAN_RUN)) {
      const c = [...m[0]];
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
/** How many records match, counted up to 1,000 (enough to tell a common word from a rare one). */
const hitCount = (db: Db, match: string) => (stmt(db, `SELECT count(*) AS n FROM (SELECT 1 FROM tool_search WHERE tool_search MATCH ? LIMIT 1000)`).get(match) as { n: number }).n;

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
    const found = t.script === "latin" ? latinCandidates(db, v, t.text) : hanCandidates(db, v, t.text);
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
