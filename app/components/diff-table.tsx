// The field-by-field changes between two revisions (registry/records/diff.ts), as a table: each
// field by its name (never its path), each value as the record's pages show it (a code by its
// label, yes or no for a boolean), English text marked as English.
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-lang";
import { fieldLabel } from "~/i18n/errors";
import { TableRegion } from "~/components/table-region";
import { valueLabel } from "../../registry/standard/field-values";
import { fieldShape } from "../../registry/standard/field-names";
import type { LocalizedText } from "../../registry/standard/v1";

type Change = { path: string; before?: unknown; after?: unknown };

const AGENCY_FIELD = "responsibility.agencies.agency";

/** The agencies (by address name) a list of changes names, for the loader to look their names up. */
export function agenciesInChanges(changes: readonly Change[]): string[] {
  return changes.filter((c) => fieldShape(c.path) === AGENCY_FIELD).flatMap((c) => [c.before, c.after].filter((v): v is string => typeof v === "string"));
}

function useShow(agencies: Record<string, LocalizedText>) {
  const { t, lang, text } = useT();
  return (path: string, v: unknown): ReactNode => {
    if (v === undefined || v === null || (typeof v === "object" && Object.keys(v as object).length === 0)) return "—";
    if (typeof v === "boolean") return v ? t("formYes") : t("formNo");
    // An agency by its name, never its address name.
    if (fieldShape(path) === AGENCY_FIELD && typeof v === "string") return text(agencies[v])?.text ?? t("checkNotGiven");
    const shown = valueLabel(path, v, lang);
    return typeof shown === "string" ? shown : JSON.stringify(shown);
  };
}

// After serialisation from a loader, a missing "before" or "after" is simply absent.
export function DiffTable({ changes, caption, agencies = {} }: { changes: Change[]; caption?: string; agencies?: Record<string, LocalizedText> }) {
  const { t, lang } = useT();
  const show = useShow(agencies);
  // Text written in English is marked so, whatever the page's language.
  const textLang = (path: string) => (/\.en$/.test(path) ? "en" : /\.zh$/.test(path) ? "zh-Hans" : undefined);
  return (
    <TableRegion label={caption ?? t("historyField")}>
      <table className="log-table diff-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t("historyField")}</th>
            <th scope="col">{t("historyBefore")}</th>
            <th scope="col">{t("historyAfter")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.path}>
              <th scope="row">{fieldLabel(c.path, lang) ?? t("field_record")}</th>
              <td className="before" lang={textLang(c.path)}>
                {show(c.path, c.before)}
              </td>
              <td className="after" lang={textLang(c.path)}>
                {show(c.path, c.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
