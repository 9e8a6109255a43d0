// Issue 12: nothing in registry/ produces an interface sentence. The registry returns codes, field
// paths and parameters; app/i18n (or a CLI in scripts/) words them in Chinese or English. This
// check reads every string and template literal of registry/ (comments are not literals) and
// fails on one that reads as an English sentence meant for people.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Files allowed to hold English prose, each with its reason. Keep this short and by file.
 * Bilingual data (an English text beside its Chinese, as the standard's field descriptions and
 * labels are) needs no entry: see `exempt` below.
 */
const ALLOWED: { file: RegExp; why: string }[] = [
  {
    file: /^registry\/exchange\/api\/openapi[\w-]*\.ts$/,
    why: "The OpenAPI document (/api/v1/openapi.json): English API documentation for developers, not a message to a user.",
  },
  {
    file: /^registry\/records\/query\.ts$/,
    why: "FACET_DEFS[…].api: each facet's parameter description in that OpenAPI document.",
  },
  {
    file: /^registry\/exchange\/interop\/[\w-]+\/columns\.ts$/,
    why: "A foreign format's columns as its publisher defines them: the source's own questions, data quoted from its data dictionary, never a message of this register.",
  },
  {
    file: /^registry\/exchange\/api\/events\.server\.ts$/,
    why: "HASH_ALGORITHM: the hash rule the log's JSON and the API publish beside the chain, a specification.",
  },
];

const SQL = /^(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WITH|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|REPLACE|VALUES|WHERE|AND|OR|FROM|JOIN|LEFT|ORDER|GROUP|LIMIT|SET|ON)\b/;
const CJK = /[\u3400-\u9fff]/;

/**
 * English prose: starts with a word (or an interpolation), has at least three words (two of them
 * lower-case), and ends like a sentence (. ! ? …, perhaps inside a closing quote or bracket), runs
 * on after a colon or semicolon ("there is no checkpoint at ${file}: nothing outside …"), or has
 * six lower-case words or more ("a quoted cell is never closed"). SQL (its keywords in capitals,
 * as this code writes them) is not prose.
 */
function isEnglishSentence(text: string): boolean {
  const t = text.trim();
  if (SQL.test(t) || !/^([A-Za-z]|\$\{\})/.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /^[(“"]?[A-Za-z][a-z’'-]*[)”"]?[,.;:!?]?$/.test(w));
  if (words.length < 3 || words.filter((w) => /^[(“"]?[a-z]/.test(w)).length < 2) return false;
  const lower = words.filter((w) => /^[(“"]?[a-z]/.test(w)).length;
  return /[.!?…][”"')\]]?$/.test(t) || /[\w)”"}][;:] [a-z]/.test(t) || lower >= 6;
}

const literalText = (n: ts.Node): string | null =>
  ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)
    ? n.text
    : ts.isTemplateExpression(n)
      ? n.head.text + n.templateSpans.map((s) => `\${}${s.literal.text}`).join("")
      : null;

/**
 * Literals that are prose but no interface sentence:
 * - bilingual data: a sibling in the same call or object literal is Chinese (`{ en, zh }`,
 *   `doc("…", "…")`): the standard's descriptions and labels, which the data dictionary, the JSON
 *   Schema and app/ publish as they are;
 * - the message of a built-in `new Error(…)`: a broken invariant for the server's log (the page
 *   answers 500 without it); a refusal is a RegistryError with a code.
 */
function exempt(n: ts.Node): boolean {
  const p = n.parent;
  if (ts.isNewExpression(p) && /^(Error|TypeError|RangeError)$/.test(p.expression.getText())) return true;
  const siblings = ts.isCallExpression(p) || ts.isNewExpression(p)
    ? [...(p.arguments ?? [])]
    : ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent)
      ? p.parent.properties.map((q) => (ts.isPropertyAssignment(q) ? q.initializer : q))
      : [];
  return siblings.some((s) => s !== n && CJK.test(literalText(s) ?? ""));
}

/** The English sentences of one source text, with their lines. */
function englishSentences(source: string, file = "x.ts"): { line: number; text: string }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (n: ts.Node) => {
    const text = literalText(n);
    if (text !== null && isEnglishSentence(text) && !exempt(n)) found.push({ line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function* sources(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) yield p;
  }
}

describe("registry/ returns codes, never sentences", () => {
  it("catches an English sentence in a string or template literal, not in comments, SQL, codes, bilingual data or invariants", () => {
    const sample = `
      // The file is empty. Upload a CSV file with a header row. (a comment: not a literal)
      /* The CSV cannot be read at line 3. Nothing was imported. */
      export const a = "The file is empty. Upload a CSV file with a header row.";
      export const b = (file: string) => \`there is no checkpoint at \${file}: nothing outside the database says where the chain ended\`;
      export const c = (n: number) => \`Line \${n} is not valid JSON. Nothing was imported.\`;
      export const d = 'Missing column: "kind".';
      export const reason = { cli: 'a quoted cell is never closed (a " is missing)' };
      export const e = new RegistryError("invalid", { message: "The file has a header but no rows." });
      export const sql = "SELECT id FROM tools WHERE slug = ? AND status = 'draft'";
      export const code = "importFileEmpty";
      export const label = { en: "Why it was retired.", zh: "停用原因。" };
      export const described = doc("Documents and news behind the record.", "记录所依据的文件与报道。");
      export const facet = { api: "Kind of tool." };
      export const word = "Draft.";
      export function f() { throw new Error("The id allocator produced a taken id, which is a bug."); }
    `;
    expect(englishSentences(sample).map((s) => s.text)).toEqual([
      "The file is empty. Upload a CSV file with a header row.",
      "there is no checkpoint at ${}: nothing outside the database says where the chain ended",
      "Line ${} is not valid JSON. Nothing was imported.",
      'Missing column: "kind".',
      'a quoted cell is never closed (a " is missing)',
      "The file has a header but no rows.",
      "Kind of tool.",
    ]);
  });

  it("finds none in registry/ outside the allow-list", () => {
    const found: string[] = [];
    for (const file of sources("registry")) {
      const rel = file.split(path.sep).join("/");
      if (ALLOWED.some((a) => a.file.test(rel))) continue;
      for (const s of englishSentences(fs.readFileSync(file, "utf8"), rel)) found.push(`${rel}:${s.line}: ${s.text}`);
    }
    expect(found, "word these in app/i18n from a code and parameters").toEqual([]);
  });

  it("keeps its allow-list to files that exist and hold prose", () => {
    const files = [...sources("registry")].map((f) => f.split(path.sep).join("/"));
    for (const a of ALLOWED) {
      const matched = files.filter((f) => a.file.test(f));
      expect(matched.length, `${a.file}: no such file`).toBeGreaterThan(0);
      expect(
        matched.some((f) => englishSentences(fs.readFileSync(f, "utf8")).length > 0),
        `${a.file} holds no English sentence: remove it from the allow-list`,
      ).toBe(true);
    }
  });
});
