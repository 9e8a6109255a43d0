// The reviewer's ten findings: one form for all criteria (each field's problem beside it, named
// findings.<criterion>.<field> like the registry's issues), and the same findings as text once
// the reviewer has decided.
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";
import { CRITERIA, RATINGS, SEVERITIES } from "../../registry/review/review-terms";
import { REVIEW_INTENTS } from "~/intents";
import { useT } from "~/i18n/use-lang";
import type { FormError } from "~/http/registry-error";
import type { StringKey } from "~/i18n/strings";

export type SavedFinding = { rating: string; severity: string | null; recommendation: string | null; condition: string | null; conditionDeadline: string | null };
export const FINDING_FIELDS = ["rating", "severity", "recommendation", "condition", "conditionDeadline"] as const;
type Field = (typeof FINDING_FIELDS)[number];

const LABELS: Record<Field, StringKey> = {
  rating: "historyRating",
  severity: "historySeverity",
  recommendation: "historyRecommendation",
  condition: "historyCondition",
  conditionDeadline: "historyDeadline",
};

/** The form name and the issue path of a criterion's field. */
export const findingName = (c: number, field: Field) => `findings.${c}.${field}`;
const idOf = (c: number, field: Field) => `f-findings-${c}-${field}`;

/** The summary's problems with the criterion in their label ("标准 3：严重程度"). */
export function useFindingErrors(errors: FormError[] | undefined): FormError[] | undefined {
  const { t } = useT();
  return errors?.map((e) => {
    const m = /^findings\.(\d+)\.(\w+)$/.exec(e.path ?? "");
    const field = m?.[2] as Field | undefined;
    return m && field && LABELS[field] ? { ...e, label: t("reviewFindingField", { n: m[1]!, field: t(LABELS[field]) }) } : e;
  });
}

export function FindingsForm(props: {
  csrf: string;
  saved: Record<number, SavedFinding>;
  /** What was posted, when the form comes back refused: shown instead of what is saved. */
  values?: Record<string, string>;
  fields: Record<string, string[]>;
}) {
  const { t, l } = useT();
  const { saved, values, fields } = props;
  const value = (c: number, field: Field) => (values ? (values[findingName(c, field)] ?? "") : (saved[c]?.[field] ?? ""));
  const error = (c: number, field: Field) =>
    fields[findingName(c, field)]?.length ? (
      <p className="field-error" id={`${idOf(c, field)}-error`}>
        {fields[findingName(c, field)]!.join(" ")}
      </p>
    ) : null;
  // With JavaScript, a criterion is saved when one of its choices changes; the button still saves all.
  // Quick changes are saved together once the reviewer pauses, and a pending save is dropped
  // when the form itself is sent (it saves everything), so no request is cut off mid-way.
  const fetcher = useFetcher<{ saved?: number[] }>();
  const pending = useRef<{ timer: ReturnType<typeof setTimeout> | null; fieldsets: Set<HTMLFieldSetElement> }>({ timer: null, fieldsets: new Set() });
  const cancelAutosave = () => {
    if (pending.current.timer) clearTimeout(pending.current.timer);
    pending.current = { timer: null, fieldsets: new Set() };
  };
  useEffect(() => cancelAutosave, []);
  const autosave = (e: FormEvent<HTMLFormElement>) => {
    const fieldset = e.target instanceof HTMLSelectElement ? e.target.closest("fieldset") : null;
    if (!fieldset) return;
    pending.current.fieldsets.add(fieldset);
    if (pending.current.timer) clearTimeout(pending.current.timer);
    pending.current.timer = setTimeout(() => {
      const data = new FormData();
      data.set("csrf", props.csrf);
      data.set("intent", REVIEW_INTENTS.finding);
      data.set("autosave", "1");
      for (const set of pending.current.fieldsets)
        for (const el of set.querySelectorAll<HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement>("[name]")) data.set(el.name, el.value);
      pending.current = { timer: null, fieldsets: new Set() };
      fetcher.submit(data, { method: "post" });
    }, 600);
  };
  const autosaved = fetcher.state === "idle" ? fetcher.data?.saved : undefined;
  const described = (c: number, field: Field) => (fields[findingName(c, field)]?.length ? `${idOf(c, field)}-error` : undefined);
  return (
    <Form method="post" className="stacked-form" id="findings" noValidate onChange={autosave} onSubmit={cancelAutosave}>
      <input type="hidden" name="csrf" value={props.csrf} />
      <p className="hint">{t("reviewFindingsIntro")}</p>
      {CRITERIA.map((c) => (
        <fieldset key={c} id={`criterion-${c}`} className="finding-form">
          <legend>
            <strong>
              {c}. {l("criterion", String(c))}
            </strong>
          </legend>
          {(fields[`findings.${c}.criterion`] ?? []).map((m) => (
            <p key={m} className="field-error">
              {m}
            </p>
          ))}
          <div className="finding-row">
            {(["rating", "severity"] as const).map((field) => (
              <div className="field" key={field}>
                <label htmlFor={idOf(c, field)}>{t(LABELS[field])}</label>
                {error(c, field)}
                <select id={idOf(c, field)} name={findingName(c, field)} defaultValue={value(c, field)} aria-describedby={described(c, field)}>
                  <option value="">—</option>
                  {(field === "rating" ? RATINGS : SEVERITIES).map((r) => (
                    <option key={r} value={r}>
                      {l(field, r)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <div className="field">
            <label htmlFor={idOf(c, "recommendation")}>{t("historyRecommendation")}</label>
            {error(c, "recommendation")}
            <textarea id={idOf(c, "recommendation")} name={findingName(c, "recommendation")} rows={2} defaultValue={value(c, "recommendation")} aria-describedby={described(c, "recommendation")} />
          </div>
          <div className="finding-row">
            <div className="field">
              <label htmlFor={idOf(c, "condition")}>{t("historyCondition")}</label>
              {error(c, "condition")}
              <input id={idOf(c, "condition")} name={findingName(c, "condition")} type="text" defaultValue={value(c, "condition")} aria-describedby={described(c, "condition")} />
            </div>
            <div className="field">
              <label htmlFor={idOf(c, "conditionDeadline")}>
                {t("historyDeadline")}
                <span className="hint">{t("reviewDeadlineHint")}</span>
              </label>
              {error(c, "conditionDeadline")}
              <input
                id={idOf(c, "conditionDeadline")}
                name={findingName(c, "conditionDeadline")}
                type="text"
                className="short"
                defaultValue={value(c, "conditionDeadline")}
                aria-describedby={described(c, "conditionDeadline")}
              />
            </div>
          </div>
        </fieldset>
      ))}
      <p className="hint" aria-live="polite" id="findings-autosaved">
        {autosaved?.length ? t("reviewFindingsAutosaved", { criteria: autosaved.join(t("reviewListSeparator")) }) : null}
      </p>
      <button type="submit" name="intent" value={REVIEW_INTENTS.finding}>
        {t("reviewSaveFindings")}
      </button>
    </Form>
  );
}

/** The findings as recorded, as text: nothing on the page looks editable. */
export function FindingsText({ saved }: { saved: Record<number, SavedFinding> }) {
  const { t, l, date } = useT();
  return (
    <>
      {CRITERIA.map((c) => {
        const f = saved[c];
        return (
          <section key={c} id={`criterion-${c}`} className="finding-form">
            <h3>
              {c}. {l("criterion", String(c))}
            </h3>
            {f ? (
              <dl className="inline">
                <dt>{t("historyRating")}</dt>
                <dd>{l("rating", f.rating)}</dd>
                {f.severity ? (
                  <>
                    <dt>{t("historySeverity")}</dt>
                    <dd>{l("severity", f.severity)}</dd>
                  </>
                ) : null}
                {f.recommendation ? (
                  <>
                    <dt>{t("historyRecommendation")}</dt>
                    <dd>{f.recommendation}</dd>
                  </>
                ) : null}
                {f.condition ? (
                  <>
                    <dt>{t("historyCondition")}</dt>
                    <dd>{f.conditionDeadline ? t("reviewConditionUntil", { condition: f.condition, date: date(f.conditionDeadline) }) : f.condition}</dd>
                  </>
                ) : null}
              </dl>
            ) : (
              <p className="muted">{t("reviewFindingNone")}</p>
            )}
          </section>
        );
      })}
    </>
  );
}
