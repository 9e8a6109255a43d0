// The public report form (a problem with a record, or an unregistered tool): no account and no
// JavaScript needed; errors beside each field; what was typed is kept.
import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";
import type { StringKey } from "~/i18n/strings";

export type ReportActionData = { ok: true } | { ok: false; fields: Record<string, StringKey>; formError?: StringKey; values: Record<string, string> };

type FieldDef = { name: string; label: StringKey; long?: boolean; type?: string; maxLength: number };

export function ReportForm({ fields, result }: { fields: FieldDef[]; result: ReportActionData | undefined }) {
  const { t } = useT();
  if (result?.ok)
    return (
      <p className="verified" role="status">
        {t("reportThanks")}
      </p>
    );
  const errors = result && !result.ok ? result.fields : {};
  const values = result && !result.ok ? result.values : {};
  const items = Object.entries(errors).map(([name, key]) => ({ href: `#report-${name}`, text: t(key) }));
  return (
    <>
      {result && !result.ok && result.formError ? (
        <p className="error-summary" role="alert">
          {t(result.formError)}
        </p>
      ) : null}
      {items.length ? (
        <div className="error-summary" role="alert">
          <h2>{t("formErrorSummary")}</h2>
          <ul>
            {items.map((i) => (
              <li key={i.href}>
                <a href={i.href}>{i.text}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" className="stacked-form" noValidate>
        {fields.map((f) => {
          const id = `report-${f.name}`;
          const err = errors[f.name];
          const common = {
            id,
            name: f.name,
            maxLength: f.maxLength,
            defaultValue: values[f.name],
            "aria-invalid": err ? true : undefined,
            "aria-describedby": err ? `${id}-error` : undefined,
          };
          return (
            <div key={f.name} className={`field${err ? " has-error" : ""}`}>
              <label htmlFor={id}>{t(f.label)}</label>
              {err ? (
                <p className="field-error" id={`${id}-error`}>
                  {t(err)}
                </p>
              ) : null}
              {f.long ? <textarea rows={5} {...common} /> : <input type={f.type ?? "text"} {...common} />}
            </div>
          );
        })}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="report-website">{t("commentHoneypot")}</label>
          <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit">{t("reportSubmit")}</button>
      </Form>
    </>
  );
}

/** Reads the report fields from a form, bounded in size. */
export function reportValues(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? "").slice(0, 10_000)]));
}
