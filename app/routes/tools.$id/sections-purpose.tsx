// The record sections that say who runs the tool and why: identity, responsibility, purpose and
// the history of its purpose.
import { RECORD_INTENTS } from "~/intents";
import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";
import { LocalText, PlainText } from "~/components/text";
import { Field, SourceRefs, usePageData, useRecord } from "./section-fields";
import { RecordProvenance } from "~/components/record-provenance";

export function Identity() {
  const tool = useRecord();
  const { descriptionHtml } = usePageData();
  const { t, l, lang } = useT();
  const id = tool.record.identity;
  const own = descriptionHtml[lang];
  const html = own || descriptionHtml[lang === "zh" ? "en" : "zh"] || "";
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

export function Responsibility() {
  const tool = useRecord();
  const { confirmAs, csrf } = usePageData();
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
                      <button type="submit" name="intent" value={RECORD_INTENTS.confirmResponsibility}>
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
      <RecordProvenance provenance={tool.provenance} />
      {r.accountableOfficer ? (
        <Field label="v11AccountableOfficer" value={r.accountableOfficer}>
          <LocalText value={r.accountableOfficer.role} />
          {r.accountableOfficer.name ? <> · <PlainText value={r.accountableOfficer.name} /></> : null}
        </Field>
      ) : null}
      {r.team ? <Field label="v11Team" value={r.team} /> : null}
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
                {v.companyNumber ? <Field label="v11CompanyNumber" value={v.companyNumber}>{v.companyNumber}</Field> : null}
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

export function Purpose() {
  const p = useRecord().record.purpose;
  const { t, l, num } = useT();
  return (
    <dl>
      <Field label="fPurpose" value={p.purpose} />
      <Field label="fLegalBasis" value={p.legalBasis}>
        <ul>
          {p.legalBasis.map((b, i) => (
            <li key={i}>{b.url ? <a href={b.url} rel="nofollow noopener noreferrer"><PlainText value={b.citation} /></a> : <PlainText value={b.citation} />}</li>
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
      {p.benefits ? <Field label="v11Benefits" value={p.benefits} /> : null}
    </dl>
  );
}

export function PurposeHistory() {
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
