import { Link } from "@remix-run/react";
import { FACET_DEFS, FACET_DISPLAY_ORDER, toolQueryString, type EnumFacet, type FacetName, type ToolQuery } from "../../../registry/records/query";
import type { ToolList } from "../../../registry/records/list.server";
import type { LabelGroup } from "../../../registry/standard/labels";
import type { Lang, Paths } from "../../../registry/shared/urls";
import { useT, pickText } from "~/i18n/use-lang";
import { InLang } from "~/components/text";

/** The list's address for the current view changed by `change` (a filter, the sort, the page), in the page's address space. */
export function listHref(u: Paths, q: ToolQuery, change: Parameters<typeof toolQueryString>[1] = {}): string {
  return u.tools(new URLSearchParams(toolQueryString(q, change)));
}

const FACET_ORDER = FACET_DISPLAY_ORDER;
const LABEL_GROUP = (facet: Exclude<FacetName, "agency">): LabelGroup => FACET_DEFS[facet].labels;

/** A facet value's label; an agency's name says which language it is in (it may fall back to the other one). */
type FacetLabel = { text: string; lang?: Lang };

function useFacetLabel(list: ToolList) {
  const { l, lang } = useT();
  return (facet: FacetName, value: string): FacetLabel => {
    if (facet !== "agency") return { text: l(LABEL_GROUP(facet), value) };
    const fromCounts = list.facets.agency.find((c) => c.value === value)?.label ?? (list.agency?.slug === value ? list.agency.name : undefined);
    const picked = pickText(fromCounts, lang);
    return picked ? { text: picked.text, lang: picked.lang } : { text: value };
  };
}

function Label({ label }: { label: FacetLabel }) {
  return label.lang ? <InLang lang={label.lang}>{label.text}</InLang> : <>{label.text}</>;
}

/** Each facet is a list of links with counts: it works without JavaScript and every view has a URL. */
export function Facets({ list }: { list: ToolList }) {
  const { t, num, u } = useT();
  const labelOf = useFacetLabel(list);
  const q = list.query;
  return (
    <details className="facets-panel">
      <summary>{t("filtersToggle")}</summary>
      <aside className="facets" aria-labelledby="facets-h">
        <h2 id="facets-h">{t("filters")}</h2>
        {FACET_ORDER.map((facet) => {
          const counts = list.facets[facet].filter((c) => c.count > 0);
          const active = facet === "agency" ? q.agency : q[facet as EnumFacet];
          if (!counts.length && !active) return null;
          return (
            <section key={facet} className="facet" aria-labelledby={`facet-${facet}`}>
              <h3 id={`facet-${facet}`}>{t(`facet_${facet}`)}</h3>
              <ul>
                {counts.map((c) => (
                  <li key={c.value}>
                    {active === c.value ? (
                      <strong aria-current="true">
                        <Label label={labelOf(facet, c.value)} /> <span className="count">{num(c.count)}</span>{" "}
                        <Link to={listHref(u, q, { [facet]: undefined })} aria-label={t("removeFilter", { label: labelOf(facet, c.value).text })}>
                          ×
                        </Link>
                      </strong>
                    ) : (
                      <Link to={listHref(u, q, { [facet]: c.value })}>
                        <Label label={labelOf(facet, c.value)} /> <span className="count">{num(c.count)}</span>
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </aside>
    </details>
  );
}

export function ActiveFilters({ list }: { list: ToolList }) {
  const { t, u } = useT();
  const labelOf = useFacetLabel(list);
  const q = list.query;
  const active = FACET_ORDER.flatMap((f) => {
    const v = f === "agency" ? q.agency : q[f as EnumFacet];
    return v ? [[f, v] as const] : [];
  });
  if (!active.length && !q.q) return null;
  return (
    <ul className="active-filters">
      {active.map(([f, v]) => (
        <li key={f}>
          <Link to={listHref(u, q, { [f]: undefined })} aria-label={t("removeFilter", { label: `${t(`facet_${f}`)}: ${labelOf(f, v).text}` })}>
            {t(`facet_${f}`)}: <Label label={labelOf(f, v)} /> ×
          </Link>
        </li>
      ))}
      <li>
        <Link to={u.tools()}>{t("clearAll")}</Link>
      </li>
    </ul>
  );
}
