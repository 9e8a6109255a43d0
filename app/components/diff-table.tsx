// The field-by-field changes between two revisions (registry/records/diff.ts), as a table.
import { useT } from "~/i18n/use-lang";
import { TableRegion } from "~/components/table-region";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

// After serialisation from a loader, a missing "before" or "after" is simply absent.
export function DiffTable({ changes, caption }: { changes: { path: string; before?: unknown; after?: unknown }[]; caption?: string }) {
  const { t } = useT();
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
              <th scope="row">
                <code>{c.path}</code>
              </th>
              <td className="before">{show(c.before)}</td>
              <td className="after">{show(c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
