// The five questions a worried citizen asks of a record, answered at the top of its page: what it
// collects, on what legal basis, who reviewed it, how to complain, when it ends. Each answer links
// to its section below and to the field's definition in the standard. Where the agency disclosed
// no appeal route, the card offers the routes this register itself gives: a comment and a problem
// report (never an outside channel the record does not name). A record mirrored from another
// register is answered in its source's terms: the review and assessment facts the source gives
// (never this register's review status), and its end date as the source gives it (never this
// register's rule that a tool without one should not run).
import { Fragment, type ReactNode } from "react";
import { Link } from "@remix-run/react";
import type { ToolDetail } from "../../registry/records/detail.server";
import { useT } from "~/i18n/use-lang";
import { LocalText, PlainText } from "~/components/text";
import type { MirroredInfo } from "../../registry/records/detail.server";
import type { StringKey } from "~/i18n/strings";

function Answer({ id, question, section, field, children }: { id: string; question: StringKey; section: string; field: string; children: ReactNode }) {
  const { t, u } = useT();
  return (
    <div className="answer" id={`answer-${id}`}>
      <dt>{t(question)}</dt>
      <dd>
        {children}{" "}
        <span className="answer-links">
          <a href={`#${section}`}>{t("answersMore")}</a> · <Link to={u.standardField(field)}>{t("answersDefinition")}</Link>
        </span>
      </dd>
    </div>
  );
}

/** "Who reviewed it?" for a mirrored record: what the source itself reports, and that this register does not review it. */
function SourceReview({ facts }: { facts: MirroredInfo["review"] }) {
  const { t, l, lang, date } = useT();
  const ir = facts.independentReview;
  const sep = lang === "zh" ? "；" : "; ";
  return (
    <>
      {ir ? (
        <>
          {t("mirroredReviewIndependent", { status: l("progress", ir.status) })}
          {ir.date ? ` ${date(ir.date)}.` : ""} {ir.detail ? <LocalText value={ir.detail} /> : null}{" "}
        </>
      ) : null}
      {facts.classifications.length ? (
        <>
          {facts.classifications.map((c, i) => (
            <Fragment key={i}>
              {i ? sep : null}
              {l("classificationScheme", c.scheme)}{t("labelColon")}{c.value}
            </Fragment>
          ))}
          {lang === "zh" ? "。" : "."}{" "}
        </>
      ) : null}
      {facts.assessmentDocuments ? <>{t("mirroredReviewDocuments", { n: facts.assessmentDocuments })} </> : null}
      {!ir && !facts.classifications.length && !facts.assessmentDocuments ? <>{t("mirroredReviewNone")} </> : null}
      {t("mirroredReviewNotHere")}
    </>
  );
}

export function AnswerCard({ tool }: { tool: ToolDetail }) {
  const { t, l, date, lang, u } = useT();
  const r = tool.record;
  const elements = r.dataScope.elements;
  const categories = [...new Set(elements.map((e) => e.category))].map((c) => l("category", c)).join(lang === "zh" ? "、" : ", ");
  const basis = r.purpose.legalBasis;
  const decided = tool.reviews.filter((x) => x.decision && x.decidedAt).at(-1);
  const status = l("review", tool.revision.status);
  const appeal = r.oversight.appeal;
  const sunset = r.lifecycle.sunsetDate;
  const mirrored = tool.mirrored;
  const governanceAppeal = r.governance?.appeal;
  return (
    <section className="answer-card" aria-labelledby="answers-h">
      <h2 id="answers-h">{t("answersHeading")}</h2>
      <dl>
        <Answer id="collects" question="answersCollectsQ" section="data" field="dataScope.elements">
          {elements.length ? t("answersCollects", { n: elements.length, s: elements.filter((e) => e.sensitive).length, categories }) : t("answersCollectsNone")}
        </Answer>
        <Answer id="basis" question="answersBasisQ" section="purpose" field="purpose.legalBasis">
          {basis.length ? (
            <>
              {basis.slice(0, 2).map((b, i) => (
                <Fragment key={i}>
                  {i ? (lang === "zh" ? "；" : "; ") : null}
                  <PlainText value={b.citation} />
                </Fragment>
              ))}
              {basis.length > 2 ? ` ${t("answersBasisMore", { n: basis.length - 2 })}` : ""}
            </>
          ) : (
            t("answersBasisNone")
          )}
        </Answer>
        {mirrored ? (
          <Answer id="review" question="answersReviewQ" section={mirrored.review.independentReview ? "governance-steps" : "assessments"} field="governance">
            <SourceReview facts={mirrored.review} />
          </Answer>
        ) : (
          <Answer id="review" question="answersReviewQ" section={decided || tool.consultation || tool.consultationResponse ? "review-panel-h" : "lifecycle"} field="lifecycle.reviewStatus">
            {decided ? t("answersReviewDecided", { status, date: date(decided.decidedAt!.slice(0, 10)) }) : t("answersReviewNone", { status })}
          </Answer>
        )}
        <Answer id="complain" question="answersComplainQ" section="oversight" field="oversight.appeal">
          {appeal ? (
            <>
              <LocalText value={appeal.channel} />
              {appeal.responseDays !== undefined ? ` ${t("answersComplainDays", { days: appeal.responseDays })}` : ""}
            </>
          ) : governanceAppeal && mirrored ? (
            <>
              {t("v11Governance_appeal")}{t("labelColon")}{l("progress", governanceAppeal.status)}
              {governanceAppeal.detail ? (
                <>
                  {" · "}
                  <LocalText value={governanceAppeal.detail} />
                </>
              ) : null}
            </>
          ) : (
            <>
              {t(mirrored ? "mirroredComplainNone" : "answersComplainNone")}{" "}
              <a href="#comments">{t("answersComplainComment")}</a> · <Link to={u.toolReport(tool.id)}>{t("answersComplainReport")}</Link>
            </>
          )}
        </Answer>
        <Answer id="end" question="answersEndQ" section="lifecycle" field="lifecycle.sunsetDate">
          {mirrored ? (
            // The source's end date, plainly, or that it gives none: this register's sunset rule does not apply.
            sunset ? t("mirroredEndDateAnswer", { date: date(sunset) }) : t("mirroredEndNone")
          ) : sunset ? (
            <>
              {t("answersEndDate", { date: date(sunset) })} {l("sunset", tool.sunsetState)}
            </>
          ) : (
            <strong>{t("answersEndNone")}</strong>
          )}
        </Answer>
      </dl>
    </section>
  );
}
