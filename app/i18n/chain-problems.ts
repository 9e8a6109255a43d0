// A problem of the event log's full check (registry/log/verify.server.ts), worded from its code
// and parameters: the sentence /log shows, and for the operator at the server (npm run
// verify-log) the same sentence with what only they can use: the checkpoint file, the hashes
// compared, and what to run next.
import type { ChainProblem } from "../../registry/log/verify.server";
import { label } from "../../registry/standard/labels";
import { STRINGS, translate, type Lang, type StringKey } from "./strings";

/** A problem as stored and served (the API and /log read it back from JSON). */
export type ChainProblemLike = { code: string; [param: string]: string | number };

const isKey = (k: string): k is StringKey => Object.hasOwn(STRINGS.en, k);

/** The problem's parameters as its message shows them: the break's reason and review statuses by their labels. */
export function chainProblemVars(p: ChainProblemLike, lang: Lang): Record<string, string | number> {
  const vars: Record<string, string | number> = { ...p };
  if (p.code === "chain_broken") vars.reason = label("chainBreak", String(p.reason), lang);
  for (const k of ["status", "logged"] as const) if (typeof p[k] === "string") vars[k] = label("review", p[k], lang);
  return vars;
}

/** The key of a problem's message: a head copied from outside has its own wording. */
function keyOf(p: ChainProblemLike): StringKey {
  const own = `chainProblem_${p.code}_${p.source}`;
  if (p.source === "expected" && isKey(own)) return own;
  const key = `chainProblem_${p.code}`;
  return isKey(key) ? key : "chainProblem_unknown";
}

/** The problem as /log words it. */
export function chainProblemMessage(p: ChainProblemLike, lang: Lang): string {
  return translate(lang, keyOf(p), chainProblemVars(p, lang));
}

/** The problem for the operator running the check on the server: with the file, the hashes and what to do. */
export function chainProblemOperatorMessage(p: ChainProblem | ChainProblemLike, lang: Lang): string {
  const q = p as ChainProblemLike;
  const parts = [chainProblemMessage(q, lang)];
  if (typeof q.found === "string" && typeof q.expected === "string") parts.push(translate(lang, "chainProblemHashes", { found: q.found, expected: q.expected }));
  if (typeof q.file === "string" && q.file) parts.push(translate(lang, "chainProblemFile", { file: q.file }));
  const hint = `chainProblemHint_${q.code}`;
  if (isKey(hint)) parts.push(translate(lang, hint));
  return parts.join(lang === "zh" ? "" : " ");
}
