// The sections of a record, in the order of the standard. Every field goes through <Field>,
// which tells "withheld, and why" apart from "not disclosed" apart from a value.
import { sectionAnchor, sectionTitleKey, type SectionName } from "../../../registry/standard/sections";
import { AppealChart } from "~/components/appeal-chart";
import { createContext, useContext } from "react";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { loader } from "./route";
import type { LocalizedText, ToolRecord, WithholdableField } from "../../../registry/standard/v1";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { LocalText, InlineText, NotDisclosed, Sentence } from "~/components/text";
import { SunsetBadge } from "~/components/badges";
import { TableRegion } from "~/components/table-region";

type Withheld = ToolRecord["withheld"];
export const WithheldContext = createContext<Withheld>([]);

function useRecord() {
  return useLoaderData<typeof loader>().tool;
}

function WithheldNote({ field }: { field: WithholdableField }) {
  const withheld = useContext(WithheldContext);
  const w = withheld.find((x) => x.field === field);
  if (!w) return null;
  return (
    <span className="withheld">
      <Sentence k="withheldGround" vars={{ ground: <InlineText value={w.ground} otherwise="" /> }} />
      {w.legalCitation ? ` (${w.legalCitation})` : ""}
    </span>
  );
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

/** One labelled field: its value, or that it is withheld (with the ground), or not disclosed. */
function Field({ label, value, withheldAs, children }: { label: StringKey; value?: unknown; withheldAs?: WithholdableField; children?: React.ReactNode }) {
  const withheld = useContext(WithheldContext);
  const { t } = useT();
  const isWithheld = withheldAs && withheld.some((w) => w.field === withheldAs);
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>{isWithheld ? <WithheldNote field={withheldAs!} /> : isEmpty(value) ? <NotDisclosed /> : (children ?? <LocalText value={value as LocalizedText} />)}</dd>
    </>
  );
}

function Identity() {
  const tool = useRecord();
  const { descriptionHtml } = useLoaderData<typeof loader>();
  const { t, l, lang } = useT();
  const id = tool.record.identity;
  const own = descriptionHtml[lang];
  const html = own || descriptionHtml[lang === "zh" ? "en" : "zh"];
  return (
    <dl>
      <Field label="fKind" value={id.kind}>
        {l("kind", id.kind)}
      </Field>
      <Field label="fJurisdiction" value={id.jurisdiction}>
        {l("jurisdiction", id.jurisdiction.level)} · <LocalText value={id.jurisdiction.place} />
      </Field>
      <Field label="fPolicyDomain" value={id.policyDomain}>
        {l("policyDomain", id.policyDomain)}
      </Field>
      <Field label="fDescription" value={html}>
        {/* Rendered by registry/shared/markdown.server.ts: raw HTML off, safe links only. */}
        <div className="markdown" lang={own ? undefined : lang === "zh" ? "en" : "zh-Hans"} dangerouslySetInnerHTML={{ __html: html }} />
      </Field>
    </dl>
  );
}

function Responsibility() {
  const tool = useRecord();
  const { confirmAs, csrf } = useLoaderData<typeof loader>();
  const { l, t, u } = useT();
  const r = tool.record.responsibility;
  return (
    <dl>
      <Field label="fAgencies" value={r.agencies}>
        <ul>
          {r.agencies.map((a) => (
            <li key={`${a.agency}-${a.role}`}>
              {tool.agencies[a.agency] ? (
                <Link to={u.agency(a.agency)}>
                  <LocalText value={tool.agencies[a.agency]!.name} />
                </Link>
              ) : tool.unconfirmedAgencies[a.agency] ? (
                // Named by the owning agency without the named agency's consent: shown as the
                // submission says, but not linked to the agency and marked as unconfirmed.
                <LocalText value={tool.unconfirmedAgencies[a.agency]!.name} />
              ) : (
                a.agency
              )}{" "}
              <span className="muted">({l("agencyRole", a.role)})</span>
              {tool.unconfirmedAgencies[a.agency] && !tool.agencies[a.agency] ? (
                <>
                  {" "}
                  <em>{t("agencyNotConfirmed")}</em>
                  {confirmAs === a.agency && csrf ? (
                    <>
                      {" "}
                      <Form method="post" className="inline-form">
                      <input type="hidden" name="csrf" value={csrf} />
                      <button type="submit" name="intent" value="confirm_responsibility">
                        {t("coRespConfirm")}
                        </button>
                      </Form>
                    </>
                  ) : null}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </Field>
      <Field label="fContactOffice" value={r.contactOffice} withheldAs="responsibility.contactOffice">
        {r.contactOffice ? (
          <>
            <LocalText value={r.contactOffice.name} />
            {r.contactOffice.channel ? ` · ${r.contactOffice.channel}` : ""}
          </>
        ) : null}
      </Field>
      <Field label="fVendors" value={r.vendors} withheldAs="responsibility.vendors">
        <ul>
          {r.vendors.map((v, i) => (
            <li key={i}>
              <LocalText value={v.name} /> <span className="muted">({l("vendorRole", v.role)})</span>
              <dl className="inline">
                {v.contractReference ? <Field label="fContractRef" value={v.contractReference}>{v.contractReference}</Field> : null}
                {v.contractEnd ? <Field label="fContractEnd" value={v.contractEnd}>{v.contractEnd}</Field> : null}
                <Field label="fDataAccess" value={v.dataAccess} />
                <Field label="fSourceAccess" value={v.sourceAccess}>
                  {l("sourceAccess", v.sourceAccess)}
                </Field>
              </dl>
            </li>
          ))}
        </ul>
      </Field>
    </dl>
  );
}

function Purpose() {
  const p = useRecord().record.purpose;
  const { t, l, num } = useT();
  return (
    <dl>
      <Field label="fPurpose" value={p.purpose} />
      <Field label="fLegalBasis" value={p.legalBasis}>
        <ul>
          {p.legalBasis.map((b, i) => (
            <li key={i}>{b.url ? <a href={b.url} rel="nofollow noopener noreferrer">{b.citation}</a> : b.citation}</li>
          ))}
        </ul>
      </Field>
      <Field label="fNecessity" value={p.necessity} />
      <Field label="fAlternatives" value={p.alternativesConsidered} />
      <Field label="fAffected" value={p.affectedPeople} withheldAs="purpose.affectedPeople">
        {p.affectedPeople?.estimate !== undefined ? <p>{t("fAffectedEstimate", { n: num(p.affectedPeople.estimate) })}</p> : null}
        {p.affectedPeople?.description ? <LocalText value={p.affectedPeople.description} as="p" /> : null}
      </Field>
      <Field label="fConsequences" value={p.consequences} />
      <Field label="fMandatory" value={p.mandatory}>
        {l("mandatory", p.mandatory)}
      </Field>
      <Field label="fNonDigital" value={p.nonDigitalAlternative} />
      <Field label="fAccessibility" value={p.accessibility} />
    </dl>
  );
}

/** Citation markers numbered 1, 2, 3 in the order the Sources section shows them (never the keys). */
function SourceRefs({ keys }: { keys: string[] }) {
  const sources = useRecord().record.sources;
  const { t } = useT();
  if (!keys.length) return null;
  return (
    <span className="source-refs">
      {keys.map((k) => {
        const n = sources.findIndex((s) => s.key === k) + 1;
        if (!n) return null;
        return (
          <a key={k} href={`#source-${k}`} aria-label={t("sourceMarker", { n })}>
            [{n}]
          </a>
        );
      })}
    </span>
  );
}

function PurposeHistory() {
  const h = useRecord().record.purposeHistory;
  const { t, l, date } = useT();
  if (!h.length) return <p className="empty">{t("fHistoryNone")}</p>;
  return (
    <ol className="timeline">
      {h.map((c, i) => (
        <li key={i}>
          <time dateTime={c.date}>{date(c.date)}</time> · <strong>{l("purposeChange", c.kind)}</strong>
          <LocalText value={c.change} as="p" />
          <p className={c.reviewRef ? "" : "warning-text"}>{c.reviewRef ? `${t("fReviewRef")}: ${c.reviewRef}` : t("fNoReview")}</p>
          <SourceRefs keys={c.sources} />
        </li>
      ))}
    </ol>
  );
}

function HowItWorks() {
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

function DataScope() {
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

function Oversight() {
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

function Lifecycle() {
  const tool = useRecord();
  const l0 = tool.record.lifecycle;
  const { t, l, date } = useT();
  return (
    <dl>
      <Field label="fDeployment" value={l0.deploymentStatus}>
        {l("status", l0.deploymentStatus)}
      </Field>
      <Field label="fReview" value={tool.revision.status}>
        {l("review", tool.revision.status)}
      </Field>
      <Field label="fAnnounced" value={l0.announcedDate}>
        {date(l0.announcedDate)}
      </Field>
      <Field label="fGoLive" value={l0.goLiveDate}>
        {date(l0.goLiveDate)}
      </Field>
      <dt>{t("sunsetDate")}</dt>
      <dd>
        {l0.sunsetDate ? date(l0.sunsetDate) : <strong className="warning-text">{t("sunsetNone")}</strong>} <SunsetBadge state={tool.sunsetState} />
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

function Assessments() {
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

function Incidents() {
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

/** The withheld field by the name the page gives it, never its path in the standard. */
const WITHHELD_FIELD_LABEL: Record<WithholdableField, StringKey> = {
  "responsibility.contactOffice": "fContactOffice",
  "responsibility.vendors": "fVendors",
  "purpose.affectedPeople": "fAffected",
  "howItWorks.logic": "fLogic",
  "howItWorks.method": "fMethod",
  "howItWorks.sourceCode": "fSourceCode",
  "howItWorks.testing": "fTesting",
  "howItWorks.designPeakLoad": "fPeakLoad",
  "dataScope.elements": "fElements",
  "dataScope.sharingRecipients": "fSharing",
  "dataScope.crossBorderTransfer": "fCrossBorder",
  "dataScope.deidentification": "fDeidentification",
  "dataScope.securityProtectionLevel": "fSecurityLevel",
  "dataScope.peopleCovered": "fPeopleCovered",
  "oversight.appealStats": "fAppealStats",
  "assessments.documents": "fDocuments",
  incidents: "secIncidents",
};

function WithheldList() {
  const w = useRecord().record.withheld;
  const { t } = useT();
  if (!w.length) return <p className="empty">{t("fWithheldNone")}</p>;
  return (
    <ul>
      {w.map((x) => (
        <li key={x.field}>
          <strong>{t(WITHHELD_FIELD_LABEL[x.field])}</strong>: <InlineText value={x.ground} otherwise="" />
          {x.legalCitation ? ` (${x.legalCitation})` : ""}
        </li>
      ))}
    </ul>
  );
}

function Sources() {
  const s = useRecord().record.sources;
  const { t, l } = useT();
  return (
    <ol className="sources">
      {s.map((src, i) => (
        <li key={src.key} id={`source-${src.key}`}>
          <span className="source-key">[{i + 1}]</span> <span className="badge">{l("sourceKind", src.kind)}</span>{" "}
          {src.url ? (
            <a href={src.url} rel="nofollow noopener noreferrer">
              <LocalText value={src.title} />
            </a>
          ) : (
            <LocalText value={src.title} />
          )}
          {src.citation ? <span className="muted"> · {src.citation}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * The parts of the public record page, in reading order: a section of the record each, with the
 * anchor and title the one list of sections gives it (registry/standard/sections.ts). The
 * participation section (the consultation window) has no part of its own: the comments section
 * announces an open consultation.
 */
const PAGE_PARTS: [Exclude<SectionName, "participation">, () => React.ReactNode][] = [
  ["identity", Identity],
  ["responsibility", Responsibility],
  ["purpose", Purpose],
  ["purposeHistory", PurposeHistory],
  ["howItWorks", HowItWorks],
  ["dataScope", DataScope],
  ["oversight", Oversight],
  ["lifecycle", Lifecycle],
  ["assessments", Assessments],
  ["incidents", Incidents],
  ["withheld", WithheldList],
  ["sources", Sources],
];
export const SECTIONS: { id: string; title: StringKey; Component: () => React.ReactNode }[] = PAGE_PARTS.map(([name, Component]) => ({
  id: sectionAnchor(name),
  title: sectionTitleKey(name),
  Component,
}));
