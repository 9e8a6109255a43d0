import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { dataDictionary, STANDARD_CHANGELOG } from "../../registry/standard/json-schema";
import { GOVERNANCE_TOPICS, RECORD_MAX_BYTES, V11_FIELDS, V11_VALUES, WITHHOLDABLE_FIELDS } from "../../registry/standard/v1";
import { fieldName } from "../../registry/standard/field-names";
import { COMPUTED_EXPORT_COLUMNS } from "../../registry/standard/export-paths";
import { LABELS, type LabelGroup } from "../../registry/standard/labels";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { PUBLIC_PAGE } from "~/page-cache";
import { TableRegion } from "~/components/table-region";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = PUBLIC_PAGE;

export async function loader() {
  return { entries: dataDictionary(), computed: COMPUTED_EXPORT_COLUMNS };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("standardTitle"))];

// Which label group explains the values of a field, so the dictionary shows words, not codes.
const GROUP_BY_FIELD: Record<string, LabelGroup> = {
  "identity.kind": "kind",
  "identity.jurisdiction.level": "jurisdiction",
  "identity.policyDomain": "policyDomain",
  "responsibility.agencies[].role": "agencyRole",
  "responsibility.vendors[].role": "vendorRole",
  "responsibility.vendors[].sourceAccess": "sourceAccess",
  "purpose.mandatory": "mandatory",
  "purposeHistory[].kind": "purposeChange",
  "howItWorks.automation": "automation",
  "dataScope.elements[].category": "category",
  "lifecycle.deploymentStatus": "status",
  "lifecycle.reviewStatus": "review",
  "assessments.impact.peopleAffected": "peopleAffected",
  "assessments.impact.dataSensitivity": "dataSensitivity",
  "assessments.impact.automation": "automation",
  "assessments.impact.consequence": "consequence",
  "assessments.impact.mitigations": "mitigation",
  "assessments.documents[].kind": "assessmentKind",
  "incidents[].kind": "incident",
  "sources[].kind": "sourceKind",
  "classifications[].scheme": "classificationScheme",
  "procurement.mode": "procurementMode",
  "securityAuthorisation.status": "progress",
  "datasets[].phase": "datasetPhase",
  "regime.governedBy": "regime",
  ...Object.fromEntries(GOVERNANCE_TOPICS.map((t) => [`governance.${t}.status`, "progress"])),
};

/** Whether the field at this dictionary path came with version 1.1 (itself, or inside a field that did). */
const addedIn11 = (path: string) => V11_FIELDS.some((f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[].`));
const anchor = (path: string) => `field-${path.replace(/\[\]/g, "")}`;

export default function Standard() {
  const { entries, computed } = useLoaderData<typeof loader>();
  const { t, lang, num, u } = useT();
  return (
    <>
      <h1>{t("standardTitle")}</h1>
      <p className="lead">{t("standardIntro")}</p>
      <p>{t("standardExportsIntro")}</p>
      <p>{t("standardRecordLimit", { mb: num(RECORD_MAX_BYTES / 1024 / 1024) })}</p>
      <p>{t("standard11Versions")}</p>
      <h2 id="schemas">{t("standard11Schemas")}</h2>
      <ul>
        <li>
          <a href={u.standardSchema()} download>
            {t("standardJson")}
          </a>{" "}
          (<code>{u.standardSchema()}</code>): {t("standard11SchemaCurrent")}
        </li>
        <li>
          <a href={u.standardSchemaV1()} download>
            <code>{u.standardSchemaV1()}</code>
          </a>
          : {t("standard11SchemaV1")}
        </li>
      </ul>
      <h2 id="added-in-1-1">{t("standard11Added")}</h2>
      <p>{t("standard11AddedIntro")}</p>
      <p>
        <a href={u.standardCrosswalk()}>{t("cwStandardLink")}</a>: {t("cwStandardLinkText")}
      </p>
      <ul>
        {[...V11_FIELDS, ...Object.keys(V11_VALUES)].map((f) => (
          <li key={f}>
            <a href={`#${anchor(f)}`}>{fieldName(f.replace(/\[\]/g, ""), lang)}</a>
            {f in V11_VALUES ? `: ${(V11_VALUES as Record<string, readonly string[]>)[f]!.map((v) => ((f === "lifecycle.deploymentStatus" ? LABELS.status : LABELS.policyDomain) as Record<string, { zh: string; en: string }>)[v]?.[lang] ?? v).join(", ")}` : ""}
          </li>
        ))}
      </ul>
      <TableRegion label={t("standardTitle")}>
        <table className="dictionary">
          <thead>
            <tr>
              <th scope="col">{t("standardField")}</th>
              <th scope="col">{t("standardType")}</th>
              <th scope="col">{t("standardRequired")}</th>
              <th scope="col">{t("standardMeaning")}</th>
              <th scope="col">{t("standardAllowed")}</th>
              <th scope="col">{t("standardExports")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const group = GROUP_BY_FIELD[e.path];
              return (
                <tr key={e.path} id={anchor(e.path)} className={e.depth === 0 ? "section-row" : ""}>
                  <th scope="row" style={{ paddingInlineStart: `${0.5 + e.depth * 1.25}rem` }}>
                    <code>{e.path}</code>
                    {addedIn11(e.path) ? <span className="muted"> ({t("standard11Since")})</span> : null}
                  </th>
                  <td>{e.type}</td>
                  <td>
                    {e.required ? t("standardRequired") : t("standardOptional")}
                    {e.nullable ? ` (${t("standardNullable")})` : ""}
                  </td>
                  <td>{(lang === "zh" ? e.description.zh : e.description.en) ?? e.description.en}</td>
                  <td>
                    {e.allowed ? (
                      <ul className="allowed">
                        {e.allowed.map((v) => {
                          const lab = group ? (LABELS[group] as Record<string, { zh: string; en: string }>)[v]?.[lang] : undefined;
                          return (
                            <li key={v}>
                              <code>{v}</code>
                              {lab ? ` ${lab}` : ""}
                            </li>
                          );
                        })}
                      </ul>
                    ) : e.pattern ? (
                      <code>{e.pattern}</code>
                    ) : e.maxLength ? (
                      `≤ ${e.maxLength}`
                    ) : (
                      ""
                    )}
                    {e.maxItems ? <p className="muted">{t("standardMaxItems", { n: num(e.maxItems) })}</p> : null}
                  </td>
                  <td className="export-paths">
                    {e.exports.csv ? (
                      <>
                        <code>{e.exports.csv.file}</code>: {e.exports.csv.columns.map((c, i) => (
                          <span key={c}>
                            {i ? ", " : ""}
                            <code>{c}</code>
                          </span>
                        ))}
                        <br />
                      </>
                    ) : null}
                    {t("standardJsonPath")}: <code>{e.exports.recordJsonPath}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      <h2 id="computed-columns">{t("standardComputedHeading")}</h2>
      <p>{t("standardComputedIntro")}</p>
      <TableRegion label={t("standardComputedHeading")}>
        <table className="dictionary">
          <thead>
            <tr>
              <th scope="col">{t("standardColumn")}</th>
              <th scope="col">{t("standardMeaning")}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(computed).map(([column, meaning]) => (
              <tr key={column}>
                <th scope="row">
                  <code>{column}</code>
                </th>
                <td>{meaning[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <h2 id="api">{t("apiStandardSection")}</h2>
      <p>
        {t("apiStandardSectionText")} <a href={u.api()}>{t("apiStandardSectionLink")}</a> · <a href={u.openapi()}>OpenAPI</a>
      </p>
      <h2>{t("standardWithholdable")}</h2>
      <ul>
        {WITHHOLDABLE_FIELDS.map((f) => (
          <li key={f}>
            <code>{f}</code>
          </li>
        ))}
      </ul>
      <h2>{t("standardChangelog")}</h2>
      <ul>
        {STANDARD_CHANGELOG.map((c) => (
          <li key={`${c.version}-${c.date}`}>
            v{c.version} ({c.date}): {c[lang]}
          </li>
        ))}
      </ul>
    </>
  );
}
