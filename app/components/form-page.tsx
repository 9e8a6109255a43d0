// Shared pieces of the record editor pages: the error summary built from field paths.
import { ErrorSummary } from "./form";
import { useT } from "~/i18n/use-lang";

const idOf = (path: string) => `f-${path.replace(/\./g, "-")}`;

/** Error summary whose links jump to the field (on this page, or on another section's page). */
export function FieldErrorSummary({ fields, message, sectionHref }: { fields: Record<string, string[]>; message?: string; sectionHref?: (path: string) => string | null }) {
  const { t } = useT();
  const items = [
    ...(message ? [{ href: "#main", text: message }] : []),
    ...Object.entries(fields).flatMap(([path, messages]) => {
      const page = sectionHref?.(path) ?? "";
      return messages.map((m) => ({ href: `${page}#${idOf(path)}`, text: `${path}: ${m}` }));
    }),
  ];
  return <ErrorSummary title={t("formErrorSummary")} items={items} />;
}
