// Form pieces of the admin pages: a labelled field with its hint and its problem, and the agency
// picker (a plain select of agencies by name, so it works without JavaScript).
import type { ReactNode } from "react";
import { FieldError } from "./form";
import { useT } from "~/i18n/use-lang";

export type AgencyOption = { slug: string; nameZh: string | null; nameEn: string | null };

/** An agency's name in the page language (the other language if it has none); never its slug unless it has no name at all. */
export function useAgencyName() {
  const { text } = useT();
  return (a: { nameZh: string | null; nameEn: string | null } | null | undefined, slug = "") =>
    text(a ? { ...(a.nameZh ? { zh: a.nameZh } : {}), ...(a.nameEn ? { en: a.nameEn } : {}) } : null)?.text ?? slug;
}

export function Field({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode }) {
  const message = errors?.join(" ");
  return (
    <div className={`field${message ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={message} />
      {children}
    </div>
  );
}

/** A select of agencies by name; `none` is the label of the empty choice. */
export function AgencySelect({ id, name, agencies, value, none, describedBy }: { id: string; name: string; agencies: AgencyOption[]; value?: string | null; none: string; describedBy?: string }) {
  const nameOf = useAgencyName();
  return (
    <select id={id} name={name} defaultValue={value ?? ""} aria-describedby={describedBy}>
      <option value="">{none}</option>
      {agencies.map((a) => (
        <option key={a.slug} value={a.slug}>
          {nameOf(a, a.slug)}
        </option>
      ))}
    </select>
  );
}

/** The two admin pages, linked from each other. */
export function AdminNav() {
  const { t, u } = useT();
  return (
    <nav aria-label={t("navAdmin")} className="admin-nav">
      <a href={u.adminAccounts()}>{t("adminAccountsTitle")}</a> · <a href={u.adminAgencies()}>{t("adminAgenciesTitle")}</a>
    </nav>
  );
}
