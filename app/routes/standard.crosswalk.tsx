// /standard/crosswalk (and /zh/…, /en/…): the crosswalk between this register's standard and the
// formats of other registers (issue 16), generated from the formats' mapping tables
// (registry/exchange/interop/crosswalk.ts), so it says what the import and the download do. Fields
// are shown by their names; the foreign formats' own field keys are shown as their files spell them.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { AgencyField, CrosswalkTarget, ForeignRef } from "../../registry/exchange/interop/crosswalk";
import type { InteropFormatKey } from "../../registry/exchange/interop/formats";
import { crosswalkData } from "~/crosswalk.server";
import type { StringKey } from "~/i18n/strings";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { PUBLIC_PAGE } from "~/page-cache";
import { TableRegion } from "~/components/table-region";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = PUBLIC_PAGE;

export async function loader() {
  return crosswalkData();
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("cwTitle"))];

const AGENCY_NAMES: Record<AgencyField, StringKey> = {
  slug: "cwAgency_slug",
  name: "cwAgency_name",
  jurisdictionLevel: "cwAgency_jurisdictionLevel",
  place: "cwAgency_place",
  parentSlug: "cwAgency_parentSlug",
};

/** The formats' short names, as the download block gives them. */
const SHORT_NAMES: Record<InteropFormatKey, StringKey> = { "omb-2025": "dlInterop_omb", "atrs-3": "dlInterop_atrs", "nl-1": "dlInterop_nl" };

type Words = { en: string; zh: string };

/** A text given in both languages; where a foreign standard's wording has no Chinese of its own, marked as English. */
function Said({ words, lang }: { words: Words; lang: "zh" | "en" }) {
  if (lang === "zh" && words.zh === words.en) return <span lang="en">{words.en}</span>;
  return <>{words[lang] || words.en}</>;
}

function Foreign({ f, lang }: { f: ForeignRef | { key: string; label?: Words }; lang: "zh" | "en" }) {
  return (
    <>
      <code lang="en">{f.key}</code>
      {f.label && f.label.en !== f.key ? (
        <span className="muted" style={{ display: "block", fontSize: "0.85rem", fontWeight: "normal" }}>
          <Said words={f.label} lang={lang} />
        </span>
      ) : null}
    </>
  );
}

export default function Crosswalk() {
  const { formats, standard, agency } = useLoaderData<typeof loader>();
  const { t, lang, num, u } = useT();
  const target = (tg: CrosswalkTarget) => {
    switch (tg.kind) {
      case "field":
        return (
          <>
            {tg.within.length ? <span className="muted">{tg.within.map((w) => w[lang]).join(" › ")} › </span> : null}
            <a href={u.standardField(tg.path.replace(/\[\]/g, ""))}>{tg.name[lang]}</a>
          </>
        );
      case "agency":
        return t(AGENCY_NAMES[tg.field]);
      case "kept":
        return <em>{t("cwKept")}</em>;
      case "unread":
        return <em>{t("cwUnread")}</em>;
      case "unknown":
        return <em>{t("cwUnknown")}</em>;
    }
  };
  const fromCell = (refs: ForeignRef[] | undefined) =>
    refs?.length ? (
      <ul style={{ margin: 0, paddingInlineStart: "1rem" }}>
        {refs.map((r) => (
          <li key={r.key}>
            <code lang="en">{r.key}</code>
          </li>
        ))}
      </ul>
    ) : null;
  // The head of both standard-side tables: this standard's field, then one column per format.
  const standardSideHead = (
    <thead>
      <tr>
        <th scope="col">{t("cwColStandard")}</th>
        {formats.map((f) => (
          <th scope="col" key={f.key}>
            {t(SHORT_NAMES[f.key])}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <div className="crosswalk">
      <h1>{t("cwTitle")}</h1>
      <p className="lead">{t("cwIntro")}</p>
      <p>{t("cwKeptIntro")}</p>
      <nav aria-labelledby="cw-contents">
        <h2 id="cw-contents">{t("cwContents")}</h2>
        <ul>
          {formats.map((f) => (
            <li key={f.key}>
              <a href={`#format-${f.key}`}>{f.title[lang]}</a> ({t("cwFieldsCount", { n: num(f.rows.length) })})
            </li>
          ))}
          <li>
            <a href="#standard-fields">{t("cwOtherWay")}</a>
          </li>
        </ul>
      </nav>
      {formats.map((f) => (
        <section key={f.key} aria-labelledby={`format-${f.key}`}>
          <h2 id={`format-${f.key}`}>{t("cwFromFormat", { format: f.title[lang] })}</h2>
          <p>
            <a href={f.standardUrl}>{t("cwFormatStandard")}</a> ·{" "}
            <a href={u.interopExport(f.key, f.extension)} download>
              {t("cwDownload")}
            </a>{" "}
            <span className="muted" lang="en">
              {f.extension.toUpperCase()}
            </span>
          </p>
          <TableRegion label={f.title[lang]}>
            {/* stack-table: on a phone each field becomes a card of label: value lines (styles.css). */}
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t("cwColForeign")}</th>
                  <th scope="col">{t("cwColStandard")}</th>
                  <th scope="col">{t("cwColNote")}</th>
                </tr>
              </thead>
              <tbody>
                {f.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      <Foreign f={r} lang={lang} />
                    </th>
                    <td data-label={t("cwColStandard")}>{target(r.target)}</td>
                    {r.note ? <td data-label={t("cwColNote")}>{r.note[lang]}</td> : <td />}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </section>
      ))}
      <section aria-labelledby="standard-fields">
        <h2 id="standard-fields">{t("cwOtherWay")}</h2>
        <p>{t("cwOtherWayIntro")}</p>
        <TableRegion label={t("cwOtherWay")}>
          <table className="crosswalk-fields">
            {standardSideHead}
            <tbody>
              {standard.map((s) => (
                <tr key={s.path} style={s.depth === 0 ? { background: "var(--soft)", fontWeight: 600 } : undefined}>
                  <th scope="row" style={{ paddingInlineStart: `${0.5 + s.depth * 1.25}rem` }}>
                    {s.name[lang]}
                  </th>
                  {formats.map((f) => (
                    <td key={f.key}>{fromCell(s.from[f.key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        {agency.length ? (
          <>
            <h3 id="agency-fields">{t("cwAgencyHeading")}</h3>
            <p>{t("cwAgencyIntro")}</p>
            <TableRegion label={t("cwAgencyHeading")}>
              <table className="crosswalk-fields">
                {standardSideHead}
                <tbody>
                  {agency.map((a) => (
                    <tr key={a.field}>
                      <th scope="row">{t(AGENCY_NAMES[a.field])}</th>
                      {formats.map((f) => (
                        <td key={f.key}>{fromCell(a.from[f.key])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        ) : null}
      </section>
    </div>
  );
}
