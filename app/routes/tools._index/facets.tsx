import { PlainLink } from "~/components/plain-link";
import {
  ANY_SOURCE_REGISTER,
  chosen,
  choosesEveryMirrored,
  FACET_DEFS,
  FACET_DISPLAY_ORDER,
  toolQueryString,
  withoutValue,
  withValue,
  type FacetName,
  type ToolQuery,
} from "../../../registry/records/query";
import type { ToolList } from "../../../registry/records/list.server";
import type { LabelGroup } from "../../../registry/standard/labels";
import type { Lang, Paths } from "../../../registry/shared/urls";
import type { LocalizedText } from "../../../registry/standard/v1";
import { useT, pickText } from "~/i18n/use-lang";
import { InLang } from "~/components/text";

/** The list's address for the current view changed by `change` (a filter, the sort, the page), in the page's address space. */
export function listHref(u: Paths, q: ToolQuery, change: Parameters<typeof toolQueryString>[1] = {}): string {
  return u.tools(new URLSearchParams(toolQueryString(q, change)));
}

const FACET_ORDER = FACET_DISPLAY_ORDER;
const LABEL_GROUP = (facet: Exclude<FacetName, "agency">): LabelGroup => FACET_DEFS[facet].labels;

/** A facet value's label; an agency's name says which language it is in (it may fall back to the other one). */
type FacetLabel = { text: string; lang?: string };

/** What naming the chosen filters needs: the query and the agencies' names. */
export type ChosenFilters = { query: ToolQuery; agency?: ToolList["agency"]; facets: Pick<ToolList["facets"], "agency"> };

function useFacetLabel(list: ChosenFilters) {
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

/** What the facets panel shows: the chosen filters and every facet's counts. */
export type FacetsData = ChosenFilters & { facets: ToolList["facets"] };

/**
 * Exactly what the facets panel and the chips render on a `lang` page: the values no result has
 * are left out unless chosen (the panel lists only those), and each agency's name is kept in the
 * one language shown.
 */
export function facetsData(list: Pick<ToolList, "query" | "agency" | "facets">, lang: Lang): FacetsData {
  const one = (v: LocalizedText | undefined): LocalizedText | undefined => {
    const picked = pickText(v, lang);
    return picked ? { [picked.lang]: picked.text } : undefined;
  };
  const facets = {} as ToolList["facets"];
  for (const [facet, counts] of Object.entries(list.facets) as [FacetName, ToolList["facets"][FacetName]][]) {
    const active = chosen(list.query, facet);
    facets[facet] = counts
      .filter((c) => c.count > 0 || active.includes(c.value))
      .map((c) => (c.label ? { value: c.value, count: c.count, label: one(c.label) } : { value: c.value, count: c.count }));
  }
  return { query: list.query, agency: list.agency ? { slug: list.agency.slug, name: one(list.agency.name) ?? {} } : undefined, facets };
}

/** Each facet is a list of links with counts: it works without JavaScript and every view has a URL. */
export function Facets({ list }: { list: FacetsData }) {
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
          const active = chosen(q, facet);
          // A chosen value stays listed (to be removed) even when no tool has it any more; but
          // "every mirrored record" (regime=source_register) does not list each register no tool
          // comes from: its chip removes the choice at once.
          const keep = facet === "regime" && choosesEveryMirrored(q) ? active.filter((v) => v === "this_register") : active;
          const shown = [...counts, ...keep.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 }))];
          if (!shown.length) return null;
          // The regime filter only matters once the register holds records mirrored from another register.
          if (facet === "regime" && !active.length && shown.every((c) => c.value === "this_register")) return null;
          return (
            <section key={facet} className="facet" aria-labelledby={`facet-${facet}`}>
              <h3 id={`facet-${facet}`}>{t(`facet_${facet}`)}</h3>
              {active.length ? <p className="facet-hint">{t("facetChooseSeveral")}</p> : null}
              <ul>
                {shown.map((c) => (
                  <li key={c.value}>
                    {active.includes(c.value) ? (
                      <strong aria-current="true" className="chosen">
                        <Label label={labelOf(facet, c.value)} /> <span className="count">{num(c.count)}</span>{" "}
                        <PlainLink to={listHref(u, q, withoutValue(q, facet, c.value))} aria-label={t("removeFilter", { label: labelOf(facet, c.value).text })}>
                          ×
                        </PlainLink>
                      </strong>
                    ) : (
                      <PlainLink
                        to={listHref(u, q, withValue(q, facet, c.value))}
                        aria-label={active.length ? t("addFilter", { label: labelOf(facet, c.value).text }) : undefined}
                      >
                        <Label label={labelOf(facet, c.value)} /> <span className="count">{num(c.count)}</span>
                      </PlainLink>
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

/**
 * The chosen filters as chips, each removing its value. `href` makes the address of a change
 * (the list's own by default); `clearHref` is where "clear all" goes.
 */
export function ActiveFilters({ list, href, clearHref }: { list: ChosenFilters; href?: (change: Parameters<typeof toolQueryString>[1]) => string; clearHref?: string }) {
  const { t, u } = useT();
  const labelOf = useFacetLabel(list);
  const q = list.query;
  const to = href ?? ((change: Parameters<typeof toolQueryString>[1]) => listHref(u, q, change));
  // Every mirrored record chosen at once (regime=source_register) is one chip, not one per register.
  const everyMirrored = choosesEveryMirrored(q);
  const active = FACET_ORDER.flatMap((f) => {
    if (f !== "regime" || !everyMirrored) return chosen(q, f).map((v) => [f, v, withoutValue(q, f, v)] as const);
    const own = chosen(q, f).filter((v) => v === "this_register");
    return [...own.map((v) => [f, v, withoutValue(q, f, v)] as const), [f, ANY_SOURCE_REGISTER, { regime: own.length ? own : undefined }] as const];
  });
  if (!active.length && !q.q) return null;
  return (
    <ul className="active-filters">
      {active.map(([f, v, change]) => (
        <li key={`${f}=${v}`}>
          <PlainLink to={to(change)} aria-label={t("removeFilter", { label: `${t(`facet_${f}`)}${t("labelColon")}${labelOf(f, v).text}` })}>
            {t(`facet_${f}`)}
            {t("labelColon")}
            <Label label={labelOf(f, v)} /> ×
          </PlainLink>
        </li>
      ))}
      <li>
        <PlainLink to={clearHref ?? u.tools()}>{t("clearAll")}</PlainLink>
      </li>
    </ul>
  );
}
