// The one place a RegistryError (registry/shared/errors.ts) becomes an HTTP answer: not_found and
// forbidden are thrown as 404 and 403; every other refusal is returned as form state, each
// problem worded in the request's language with its field's label (app/i18n/errors.ts).
import { notFound } from "~/http/not-found";
import { data } from "@remix-run/node";
import { RegistryError, type Issue } from "../../registry/shared/errors";
import { issueMessage, fieldLabel } from "~/i18n/errors";
import { refusalIssues } from "~/i18n/refusal";
import { STRINGS, type Lang, type StringKey } from "~/i18n/strings";
import { forbidden } from "~/auth.server";

/** A problem as the form shows it: beside the field at `path`, and in the summary. */
export type FormError = { path?: string; label?: string; message: string };
/** Form state of a refused action: messages by field path, page-level messages, and the list. */
export type FormFailure = { fields: Record<string, string[]>; message?: string; errors: FormError[] };

const STATUS: Record<RegistryError["code"], number> = {
  not_found: 404,
  forbidden: 403,
  wrong_state: 400,
  invalid: 400,
  bad_parameter: 400,
  rate_limited: 429,
  ids_exhausted: 500,
};

/** Throws 404 or 403 for a refusal of who or what; anything that is not a RegistryError is rethrown. */
export function throwIfNotFoundOrForbidden(e: unknown): asserts e is RegistryError {
  if (!(e instanceof RegistryError)) throw e;
  if (e.code === "not_found") throw notFound();
  if (e.code === "forbidden") throw forbidden();
}

/** A loader's read: its answer, or 404/403 for a refusal of who or what (anything else rethrown). */
export async function readOr404<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    throwIfNotFoundOrForbidden(e);
    throw e;
  }
}

/** A refusal worded for a form in `lang`. */
export function wordFailure(e: RegistryError, lang: Lang): FormFailure {
  const fields: Record<string, string[]> = {};
  const page: string[] = [];
  const errors: FormError[] = [];
  for (const issue of refusalIssues(e)) {
    const message = issueMessage(issue, lang);
    if (issue.path) (fields[issue.path] ??= []).push(message);
    else page.push(message);
    errors.push({ ...(issue.path ? { path: issue.path, label: fieldLabel(issue.path, lang) ?? undefined } : {}), message });
  }
  return { fields, ...(page.length ? { message: page.join(" ") } : {}), errors };
}

/**
 * For an action's catch: 404/403 thrown, anything else that is not a RegistryError rethrown,
 * and the rest returned as `state` plus the worded problems, with the refusal's status.
 */
export function registryFailure<T extends object>(e: unknown, lang: Lang, state: T) {
  throwIfNotFoundOrForbidden(e);
  return data({ ...state, ...wordFailure(e, lang) }, { status: STATUS[e.code] });
}

/** A form refusal of the route itself (an unknown intent or section), in the same shape. */
export function formRefusal<T extends object>(lang: Lang, state: T, issue: Issue) {
  return data({ ...state, ...wordFailure(new RegistryError("invalid", { issues: [issue] }), lang) }, { status: 400 });
}

/**
 * For a form that shows one string key (comments, reports): 404/403 thrown, else the key of the
 * refusal's first issue, or `fallback` when it has none.
 */
export function refusalKey(e: unknown, fallback: StringKey): { key: StringKey; status: number } {
  throwIfNotFoundOrForbidden(e);
  const code = e.issues[0]?.code;
  return { key: code && Object.hasOwn(STRINGS.en, code) ? (code as StringKey) : fallback, status: STATUS[e.code] };
}
