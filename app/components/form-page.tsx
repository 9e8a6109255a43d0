// Shared pieces of the record editor pages: the error summary of a refused form, each problem
// linked to its field and named by the field's label (never by its path).
import { ErrorSummary } from "./form";
import { useT } from "~/i18n/use-lang";
import type { FormError } from "~/http/registry-error";

const idOf = (path: string) => `f-${path.replace(/\./g, "-")}`;
/** The most problems an error summary lists. */
export const SUMMARY_ITEMS_SHOWN = 200;

/** Error summary whose links jump to the field (on this page, or on another section's page). */
export function FieldErrorSummary({ errors = [], message, sectionHref }: { errors?: FormError[]; message?: string; sectionHref?: (path: string) => string | null }) {
  const { t, num, lang } = useT();
  const items = [
    ...(message ? [{ href: "#main", text: message }] : []),
    ...errors
      .filter((e) => e.path)
      .map((e) => {
        const page = sectionHref?.(e.path!) ?? "";
        // A message that does not name its field gets the label in front.
        const text = e.label && !e.message.includes(e.label) ? `${e.label}${lang === "zh" ? "：" : ": "}${e.message}` : e.message;
        return { href: `${page}#${idOf(e.path!)}`, text };
      }),
  ];
  // A list far over its limit can fail on every row: list the first problems and count the rest.
  const shown = items.slice(0, SUMMARY_ITEMS_SHOWN);
  if (items.length > shown.length) shown.push({ href: "#main", text: t("formMoreProblems", { n: num(items.length - shown.length) }) });
  return <ErrorSummary title={t("formErrorSummary")} items={shown} />;
}
