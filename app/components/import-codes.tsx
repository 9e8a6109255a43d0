// The codes an official types in the coded columns of an import file, each next to its name in
// the page's language: one collapsible list per column, narrow enough for a phone.
import { CODED_COLUMNS } from "../../registry/exchange/import/columns";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { Sentence } from "./text";

export function ImportCodeList() {
  const { t, l } = useT();
  return (
    <section aria-labelledby="codes-h">
      <h2 id="codes-h">{t("importCodesHeading")}</h2>
      <p>{t("importCodesIntro")}</p>
      {CODED_COLUMNS.map((c) => (
        <details key={c.column} id={`codes-${c.column}`}>
          <summary>
            <Sentence k="importCodesSummary" vars={{ name: t(`importCodesColumn_${c.column}` as StringKey), column: <code lang="en">{c.column}</code> }} />
          </summary>
          <ul className="codes">
            {c.codes.map((code) => (
              <li key={code}>
                <Sentence k="importCodesItem" vars={{ code: <code lang="en">{code}</code>, label: l(c.labels, code) }} />
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
