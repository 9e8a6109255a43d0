// A RegistryError's problems as the interface words them, for assertions on codes plus the
// rendered Chinese and English text (app/i18n/errors.ts).
import type { RegistryError } from "../../registry/shared/errors";
import { issueMessage } from "~/i18n/errors";
import type { Lang } from "~/i18n/strings";

/** The messages of the issues at `path` ("" for the page-level ones), joined, in `lang`. */
export function worded(e: RegistryError, path: string, lang: Lang): string {
  return e.issues
    .filter((i) => (i.path ?? "") === path)
    .map((i) => issueMessage(i, lang))
    .join(" ");
}

export const CJK = /[\u4e00-\u9fff]/;
