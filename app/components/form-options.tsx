// What a record form knows beyond the schema: the register's agencies for the agency picker, and
// the fields a page lets the official leave empty (the slug on a new draft, made from the name).
// Given once around the form (FormOptions.Provider), read by the schema form's fields.
import { createContext, useContext } from "react";
import { label } from "../../registry/standard/labels";
import { useT } from "~/i18n/use-lang";

/** One agency in the picker: value = slug, shown by its name in the page's language. */
export type AgencyOption = { slug: string; name: string; level: string };
export type FormOptionsValue = { agencies?: AgencyOption[]; optional?: string[] };

export const FormOptions = createContext<FormOptionsValue>({});
export const useFormOptions = () => useContext(FormOptions);

/** The agency of a responsibility row: a select of the register's agencies, grouped by level. */
export function AgencySelect({ common, value, agencies }: { common: Record<string, unknown>; value: string; agencies: AgencyOption[] }) {
  const { t, lang } = useT();
  const groups: [string, AgencyOption[]][] = [];
  for (const a of agencies) {
    const last = groups.at(-1);
    if (last && last[0] === a.level) last[1].push(a);
    else groups.push([a.level, [a]]);
  }
  const unknown = value !== "" && !agencies.some((a) => a.slug === value);
  return (
    <select {...common} defaultValue={value}>
      <option value="">{t("pickerAgencyChoose")}</option>
      {unknown ? <option value={value}>{t("pickerAgencyUnknown")}</option> : null}
      {groups.map(([level, list]) => (
        <optgroup key={level} label={label("jurisdiction", level, lang)}>
          {list.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
