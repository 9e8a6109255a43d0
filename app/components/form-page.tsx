// Shared pieces of the record editor pages: the error summary built from field paths.
import { ErrorSummary } from "./form";
import { useT } from "~/i18n/use-lang";

const idOf = (path: string) => `f-${path.replace(/\./g, "-")}`;
/** The most problems an error summary lists. */
export const SUMMARY_ITEMS_SHOWN = 200;

/** Error summary whose links jump to the field (on this page, or on another section's page). */
export function FieldErrorSummary({ fields, message, sectionHref }: { fields: Record<string, string[]>; message?: string; sectionHref?: (path: string) => string | null }) {
  const { t, num } = useT();
  const items = [
    ...(message ? [{ href: "#main", text: message }] : []),
    ...Object.entries(fields).flatMap(([path, messages]) => {
      const page = sectionHref?.(path) ?? "";
      return messages.map((m) => ({ href: `${page}#${idOf(path)}`, text: `${path}: ${m}` }));
    }),
  ];
  // A list far over its limit can fail on every row: list the first problems and count the rest.
  const shown = items.slice(0, SUMMARY_ITEMS_SHOWN);
  if (items.length > shown.length) shown.push({ href: "#main", text: t("formMoreProblems", { n: num(items.length - shown.length) }) });
  return <ErrorSummary title={t("formErrorSummary")} items={shown} />;
}
