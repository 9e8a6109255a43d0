// The record sections that follow the tool through time: its lifecycle, its assessments and
// obligations, and its incidents.
import { useContext } from "react";
import { useT } from "~/i18n/use-lang";
import { LocalText, InlineText } from "~/components/text";
import { SunsetBadge } from "~/components/badges";
import { TableRegion } from "~/components/table-region";
import { Field, SourceRefs, WithheldContext, WithheldNote, useRecord } from "./section-fields";

export function Lifecycle() {
  const tool = useRecord();
  const l0 = tool.record.lifecycle;
  const { t, l, date } = useT();
  return (
    <dl>
      <Field label="fDeployment" value={l0.deploymentStatus}>
        {l("status", l0.deploymentStatus)}
      </Field>
      {/* A mirrored record is never reviewed here: its review facts are the source's (governance, assessments). */}
      <Field label="fReview" value={tool.revision.status}>
        {tool.mirrored ? t("mirroredReviewRow") : l("review", tool.revision.status)}
      </Field>
      <Field label="fAnnounced" value={l0.announcedDate}>
        {date(l0.announcedDate)}
      </Field>
      <Field label="fGoLive" value={l0.goLiveDate}>
        {date(l0.goLiveDate)}
      </Field>
      <dt>{t("sunsetDate")}</dt>
      <dd>
        {l0.sunsetDate ? date(l0.sunsetDate) : tool.mirrored ? t("mirroredSunsetNone") : <strong className="warning-text">{t("sunsetNone")}</strong>} <SunsetBadge state={tool.sunsetState} />
      </dd>
      {l0.renewals.length ? (
        <Field label="fRenewals" value={l0.renewals}>
          <ul>
            {l0.renewals.map((r, i) => (
              <li key={i}>
                {date(r.date)} → {date(r.newSunsetDate)}
                {r.reviewRef ? ` (${r.reviewRef})` : ""}
              </li>
            ))}
          </ul>
        </Field>
      ) : null}
      {l0.retirement ? (
        <Field label="fRetirement" value={l0.retirement}>
          {date(l0.retirement.date)} · {t("fRetirementReason")}: <LocalText value={l0.retirement.reason} />
        </Field>
      ) : null}
    </dl>
  );
}

export function Assessments() {
  const tool = useRecord();
  const { t, l } = useT();
  const impact = tool.impact;
  const answers = tool.record.assessments.impact;
  const docs = tool.record.assessments.documents;
  return (
    <>
      {impact && answers ? (
        <>
          <p>
            <strong>
              {t("fImpactLevel")}: {l("level", impact.level)}
            </strong>
          </p>
          <details>
            <summary>{t("fImpactHow")}</summary>
            <TableRegion label={t("fImpactHow")}>
            <table>
              <tbody>
                {impact.parts.map((p) => (
                  <tr key={p.factor}>
                    <th scope="row">{l("impactFactor", p.factor)}</th>
                    <td>
                      {p.factor in answers && typeof answers[p.factor as keyof typeof answers] === "string"
                        ? l(p.factor as "peopleAffected", answers[p.factor as keyof typeof answers] as string)
                        : ""}
                    </td>
                    <td>+{p.points}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("fImpactRaw")}</th>
                  <td />
                  <td>{impact.rawScore}</td>
                </tr>
                <tr>
                  <th scope="row">{t("fImpactMitigation")}</th>
                  <td>{answers.mitigations.map((m) => l("mitigation", m)).join(", ")}</td>
                  <td>−{impact.mitigationCredit}</td>
                </tr>
                <tr>
                  <th scope="row">{t("fImpactNet")}</th>
                  <td />
                  <td>{impact.netScore}</td>
                </tr>
              </tbody>
            </table>
            </TableRegion>
          </details>
          <h3>{t("fObligations")}</h3>
          <ul>
            <li>{impact.obligations.consultationDays ? t("oblConsultation", { n: impact.obligations.consultationDays }) : t("oblNoConsultation")}</li>
            <li>{t("oblSunset", { n: impact.obligations.maxSunsetMonths })}</li>
            <li>{t("oblReviewers", { n: impact.obligations.reviewersRequired })}</li>
            {impact.obligations.nonDigitalAlternativeRequired ? <li>{t("oblNonDigital")}</li> : null}
            {impact.obligations.humanOverrideRequired ? <li>{t("oblHuman")}</li> : null}
          </ul>
        </>
      ) : tool.mirrored ? (
        // This register's questionnaire was never the source's: no "not assessed" claim.
        <p className="empty">
          {t("mirroredImpactNotApplicable")}
          {tool.record.classifications?.length ? (
            <>
              {" "}
              <a href="#classifications-risks">{t("mirroredImpactSeeClasses")}</a>
            </>
          ) : null}
        </p>
      ) : (
        <p className="empty">{t("fImpactNotAssessed")}</p>
      )}
      <h3>{t("fDocuments")}</h3>
      {docs.length ? (
        <ul>
          {docs.map((d, i) => (
            <li key={i}>
              {l("assessmentKind", d.kind)}:{" "}
              {d.url ? (
                <a href={d.url} rel="nofollow noopener noreferrer">
                  <InlineText value={d.title} otherwise="" />
                </a>
              ) : (
                <LocalText value={d.title} />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t("fNoDocuments")}</p>
      )}
    </>
  );
}

export function Incidents() {
  const inc = useRecord().record.incidents;
  const withheld = useContext(WithheldContext);
  const { t, l, date, num } = useT();
  if (withheld.some((w) => w.field === "incidents")) return <WithheldNote field="incidents" />;
  if (!inc.length) return <p className="empty">{t("fIncidentsNone")}</p>;
  return (
    <ol className="incidents">
      {inc.map((i, n) => (
        <li key={n} className={`incident incident-${i.kind}`}>
          <h3>
            <LocalText value={i.title} />
          </h3>
          <p className="meta">
            <span className="badge">{l("incident", i.kind)}</span> <time dateTime={i.date}>{date(i.date)}</time>
          </p>
          <LocalText value={i.description} as="p" />
          <dl className="inline">
            {i.peopleAffected !== undefined ? (
              <Field label="fPeopleAffected" value={i.peopleAffected}>
                {num(i.peopleAffected)}
              </Field>
            ) : null}
            <Field label="fResponse" value={i.response} />
            <Field label="fRegulatorNotified" value={i.regulatorNotified}>
              {i.regulatorNotified ? t("yes") : t("no")}
            </Field>
          </dl>
          <SourceRefs keys={i.sources} />
        </li>
      ))}
    </ol>
  );
}
