// The record-level fields of standard v1.1 (issue 15), on the page of every record that has them:
// classes given under other regimes and risks with their mitigations; governance steps and the
// security authorisation; the record's ids in other registers and the fields of its source
// register that have no place in the standard (procurement, models and data: sections-v11-supply). A part whose fields the
// record does not have is left off the page (version 1 records have none of them).
import { Fragment } from "react";
import type { ToolRecord } from "../../../registry/standard/v1";
import { GOVERNANCE_TOPICS } from "../../../registry/standard/v1";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { LocalText, PlainText, useRegisterName } from "~/components/text";
import { TableRegion } from "~/components/table-region";
import { useRecord } from "./section-fields";
import { LANG_TAG } from "../../../registry/shared/urls";

type Governance = NonNullable<ToolRecord["governance"]>;

const governanceLabel = (topic: keyof Governance) => `v11Governance_${topic}` as StringKey;

/** An outside link of the record (a source register's page, a model card). */
export function OutLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} rel="nofollow noopener noreferrer">
      {children}
    </a>
  );
}

export function hasClassesOrRisks(r: ToolRecord): boolean {
  return Boolean(r.classifications?.length || r.risks?.length);
}

export function ClassesAndRisks() {
  const r = useRecord().record;
  const { t, l, date } = useT();
  const classes = r.classifications ?? [];
  const risks = r.risks ?? [];
  return (
    <>
      {classes.length ? (
        <>
          <h3>{t("v11Classifications")}</h3>
          <ul className="v11-list">
            {classes.map((c, i) => (
              <li key={i}>
                <strong>
                  {l("classificationScheme", c.scheme)}{t("labelColon")}<PlainText value={c.value} />
                </strong>
                {c.justification || c.date ? (
                  <dl className="inline">
                    {c.justification ? (
                      <>
                        <dt>{t("v11Justification")}</dt>
                        <dd>
                          <LocalText value={c.justification} />
                        </dd>
                      </>
                    ) : null}
                    {c.date ? (
                      <>
                        <dt>{t("v11Date")}</dt>
                        <dd>{date(c.date)}</dd>
                      </>
                    ) : null}
                  </dl>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {risks.length ? (
        <>
          <h3>{t("v11Risks")}</h3>
          <ol className="v11-list">
            {risks.map((x, i) => (
              <li key={i}>
                <LocalText value={x.risk} as="p" />
                <dl className="inline">
                  <dt>{t("v11Mitigation")}</dt>
                  <dd>{x.mitigation ? <LocalText value={x.mitigation} /> : <span className="empty">{t("v11NoMitigation")}</span>}</dd>
                </dl>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

export function hasGovernance(r: ToolRecord): boolean {
  return Boolean(r.securityAuthorisation || (r.governance && GOVERNANCE_TOPICS.some((k) => r.governance![k])));
}

export function GovernanceSteps() {
  const r = useRecord().record;
  const { t, l, date } = useT();
  const g = r.governance ?? {};
  const sa = r.securityAuthorisation;
  return (
    <dl>
      {GOVERNANCE_TOPICS.map((topic) => {
        const a = g[topic];
        if (!a) return null;
        return (
          <Fragment key={topic}>
            <dt>{t(governanceLabel(topic))}</dt>
            <dd>
              <span className={`badge progress-${a.status}`}>{l("progress", a.status)}</span>
              {a.date ? <> · {date(a.date)}</> : null}
              {a.detail ? <LocalText value={a.detail} as="p" /> : null}
            </dd>
          </Fragment>
        );
      })}
      {sa ? (
        <>
          <dt>{t("v11SecurityAuthorisation")}</dt>
          <dd>
            <span className={`badge progress-${sa.status}`}>{l("progress", sa.status)}</span>
            {sa.date ? <> · {date(sa.date)}</> : null}
            {sa.scheme ? (
              <>
                {" · "}
                {t("v11Scheme")}{t("labelColon")}<PlainText value={sa.scheme} />
              </>
            ) : null}
            {sa.note ? <LocalText value={sa.note} as="p" /> : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * The fields of an extension area worth showing: an empty text is the crosswalk's note that the
 * source left a field empty which this standard had to fill (registry/exchange/interop/mapping.ts),
 * not a value of the source.
 */
const shownFields = (fields: Record<string, string | number | boolean | string[]>) => Object.entries(fields).filter(([, v]) => v !== "");

export function hasOtherRegisters(r: ToolRecord): boolean {
  return Boolean(r.externalIds?.length || Object.values(r.extensions ?? {}).some((f) => shownFields(f).length));
}

/**
 * The language a source register publishes in, where it has one: its fields' names and values are
 * marked with it. (Canada's is bilingual, so its fields are left unmarked.)
 */
const REGISTER_LANG: Record<string, string> = { "nl-algoritmeregister": "nl", "us-omb-ai-inventory": "en", "uk-atrs": "en" };

/** An extension field's value as the source gave it: text, a number, yes/no, or a list of text. */
function ExtensionValue({ value }: { value: string | number | boolean | string[] }) {
  const { t, lang } = useT();
  if (typeof value === "boolean") return <span lang={LANG_TAG[lang]}>{t(value ? "yes" : "no")}</span>;
  if (Array.isArray(value))
    return (
      <ul>
        {value.map((v, i) => (
          <li key={i}>
            <PlainText value={v} />
          </li>
        ))}
      </ul>
    );
  return <PlainText value={String(value)} />;
}

export function OtherRegisters() {
  const r = useRecord().record;
  const { t, date } = useT();
  const registerName = useRegisterName();
  const ids = r.externalIds ?? [];
  const extensions = Object.entries(r.extensions ?? {}).filter(([, f]) => shownFields(f).length);
  return (
    <>
      {ids.length ? (
        <>
          <h3>{t("v11ExternalIds")}</h3>
          <ul className="v11-list">
            {ids.map((e, i) => (
              <li key={i}>
                <strong>{registerName(e.register)}</strong>
                <dl className="inline">
                  <dt>{t("v11ExternalId")}</dt>
                  <dd>
                    {!e.id ? (
                      t("v11ExternalIdNone")
                    ) : e.url ? (
                      <OutLink href={e.url}>
                        <PlainText value={e.id} />
                      </OutLink>
                    ) : (
                      <PlainText value={e.id} />
                    )}
                  </dd>
                  {e.standardVersion ? (
                    <>
                      <dt>{t("v11StandardVersion")}</dt>
                      <dd>
                        <PlainText value={e.standardVersion} />
                      </dd>
                    </>
                  ) : null}
                  {e.publishedOn ? (
                    <>
                      <dt>{t("v11PublishedOn")}</dt>
                      <dd>{date(e.publishedOn)}</dd>
                    </>
                  ) : null}
                  {e.updatedOn ? (
                    <>
                      <dt>{t("v11UpdatedOn")}</dt>
                      <dd>{date(e.updatedOn)}</dd>
                    </>
                  ) : null}
                  {e.archivedOn ? (
                    <>
                      <dt>{t("v11ArchivedOn")}</dt>
                      <dd>{date(e.archivedOn)}</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {extensions.map(([register, fields]) => (
        <Fragment key={register}>
          <h3>{t("v11Extensions", { register: registerName(register) })}</h3>
          <p className="muted">{t("v11ExtensionsNote")}</p>
          <TableRegion label={t("v11Extensions", { register: registerName(register) })}>
            <table className="extensions">
              <thead>
                <tr>
                  <th scope="col">{t("v11ExtensionField")}</th>
                  <th scope="col">{t("v11ExtensionValue")}</th>
                </tr>
              </thead>
              <tbody lang={Object.hasOwn(REGISTER_LANG, register) ? REGISTER_LANG[register] : undefined}>
                {shownFields(fields).map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">
                      <PlainText value={k} />
                    </th>
                    <td>
                      <ExtensionValue value={v} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </Fragment>
      ))}
    </>
  );
}
