// The record sections that say how the tool works: its logic, the data it takes, and the
// oversight over it (appeals and their figures).
import { useContext } from "react";
import { AppealChart } from "~/components/appeal-chart";
import { useT } from "~/i18n/use-lang";
import { LocalText, NotDisclosed } from "~/components/text";
import { TableRegion } from "~/components/table-region";
import { Field, WithheldContext, WithheldNote, useRecord } from "./section-fields";

export function HowItWorks() {
  const h = useRecord().record.howItWorks;
  const { t, l, num } = useT();
  return (
    <dl>
      <Field label="fAutomation" value={h.automation}>
        {l("automation", h.automation)}
      </Field>
      <Field label="fLogic" value={h.logic} withheldAs="howItWorks.logic" />
      <Field label="fInputs" value={h.inputs} />
      <Field label="fOutputs" value={h.outputs} />
      <Field label="fMethod" value={h.method} withheldAs="howItWorks.method" />
      <Field label="fSourceCode" value={h.sourceCode} withheldAs="howItWorks.sourceCode">
        {h.sourceCode?.url ? (
          <a href={h.sourceCode.url} rel="nofollow noopener noreferrer">
            {h.sourceCode.url}
          </a>
        ) : null}
        {h.sourceCode?.reasonNone ? <LocalText value={h.sourceCode.reasonNone} as="p" /> : null}
      </Field>
      <Field label="fTesting" value={h.testing} withheldAs="howItWorks.testing" />
      <Field label="fPeakLoad" value={h.designPeakLoad} withheldAs="howItWorks.designPeakLoad">
        {h.designPeakLoad?.requestsPerSecond !== undefined ? <p>{t("fPeakLoadRps", { n: num(h.designPeakLoad.requestsPerSecond) })}</p> : null}
        {h.designPeakLoad?.note ? <LocalText value={h.designPeakLoad.note} as="p" /> : null}
      </Field>
    </dl>
  );
}

export function DataScope() {
  const d = useRecord().record.dataScope;
  const { t, l, num } = useT();
  const withheld = useContext(WithheldContext);
  return (
    <>
      {withheld.some((w) => w.field === "dataScope.elements") ? (
        <p>
          <WithheldNote field="dataScope.elements" />
        </p>
      ) : d.elements.length ? (
        <TableRegion label={t("fElements")}>
          {/* stack-table: on a phone each row becomes a card of label: value lines (styles.css). */}
          <table className="stack-table">
            <caption>{t("fElements")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fElement")}</th>
                <th scope="col">{t("fCategory")}</th>
                <th scope="col">{t("fSensitive")}</th>
                <th scope="col">{t("fNecessity")}</th>
                <th scope="col">{t("fGranularity")}</th>
                <th scope="col">{t("fRetention")}</th>
                <th scope="col">{t("fSourceSystem")}</th>
              </tr>
            </thead>
            <tbody>
              {d.elements.map((e, i) => (
                <tr key={i}>
                  <th scope="row">
                    <LocalText value={e.name} />
                  </th>
                  <td data-label={t("fCategory")}>{l("category", e.category)}</td>
                  <td data-label={t("fSensitive")} className={e.sensitive ? "sensitive" : ""}>{e.sensitive ? t("yes") : t("no")}</td>
                  <td data-label={t("fNecessity")}>
                    <LocalText value={e.necessity} />
                  </td>
                  <td data-label={t("fGranularity")}>
                    <LocalText value={e.granularity} />
                  </td>
                  <td data-label={t("fRetention")}>
                    <LocalText value={e.retention} />
                  </td>
                  <td data-label={t("fSourceSystem")}>
                    <LocalText value={e.sourceSystem} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>
          {t("fElements")}: <NotDisclosed />
        </p>
      )}
      <dl>
        <Field label="fSharing" value={d.sharingRecipients} withheldAs="dataScope.sharingRecipients">
          <ul>
            {d.sharingRecipients.map((r, i) => (
              <li key={i}>
                <LocalText value={r} />
              </li>
            ))}
          </ul>
        </Field>
        <Field label="fCrossBorder" value={d.crossBorderTransfer} withheldAs="dataScope.crossBorderTransfer">
          {d.crossBorderTransfer ? t("yes") : t("no")}
        </Field>
        <Field label="fDeidentification" value={d.deidentification} withheldAs="dataScope.deidentification" />
        <Field label="fSecurityLevel" value={d.securityProtectionLevel} withheldAs="dataScope.securityProtectionLevel">
          {d.securityProtectionLevel}
        </Field>
        <Field label="fPeopleCovered" value={d.peopleCovered} withheldAs="dataScope.peopleCovered">
          {d.peopleCovered !== undefined ? num(d.peopleCovered) : null}
        </Field>
      </dl>
    </>
  );
}

export function Oversight() {
  const o = useRecord().record.oversight;
  const { t, num } = useT();
  return (
    <dl>
      <Field label="fHumanOversight" value={o.humanOversight} />
      <Field label="fAppeal" value={o.appeal}>
        {o.appeal ? (
          <>
            <LocalText value={o.appeal.channel} as="p" />
            {o.appeal.responseDays !== undefined ? <p>{t("fAppealResponse", { n: o.appeal.responseDays })}</p> : null}
          </>
        ) : null}
      </Field>
      <Field label="fAppealStats" value={o.appealStats} withheldAs="oversight.appealStats">
        <AppealChart stats={o.appealStats} />
        <TableRegion label={t("fAppealStats")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("fPeriod")}</th>
              <th scope="col">{t("fFiled")}</th>
              <th scope="col">{t("fCorrected")}</th>
              <th scope="col">{t("fMedianDays")}</th>
            </tr>
          </thead>
          <tbody>
            {o.appealStats.map((s) => (
              <tr key={s.period}>
                <th scope="row">{s.period}</th>
                <td>{num(s.filed)}</td>
                <td>{num(s.corrected)}</td>
                <td>{s.medianDays ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableRegion>
      </Field>
    </dl>
  );
}
