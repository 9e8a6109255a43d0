// Renders the editor of one record section from the standard's JSON Schema (see
// registry/standard/schema-form.ts). Each field is labelled with its name
// (registry/standard/field-names.ts), its definition under it as hint text
// (registry/standard/field-hints.ts, linked by aria-describedby), shows its error beside it, and
// keeps what was typed. Fields the workflow sets are left out; internal ones ride along hidden.
import { INTERNAL_FIELDS, WORKFLOW_FIELDS, fieldKind, isLocalized, unwrap, type SchemaNode } from "../../registry/standard/schema-form";
import { fieldName, fieldShape as shape } from "../../registry/standard/field-names";
import { fieldHint } from "../../registry/standard/field-hints";
import { label } from "../../registry/standard/labels";
import { enumGroupOf } from "../../registry/standard/field-values";
import { ownRecordValues } from "../../registry/standard/own-values";
import type { ReactNode } from "react";
import { isOtherLang, languageName, textLangTag, useT } from "~/i18n/use-lang";
import { AgencySelect, useFormOptions } from "./form-options";

const idOf = (path: string) => `f-${path.replace(/\./g, "-")}`;

type Errors = Record<string, string[]>;
type Props = { path: string; node: SchemaNode; value: unknown; errors: Errors; required?: boolean };

/** A field's name and hint in the page's language. */
function useNaming() {
  const { lang } = useT();
  return (path: string, node: SchemaNode) => ({
    name: fieldName(path, lang) ?? (lang === "zh" ? node["x-description-zh"] : node.description) ?? path.split(".").at(-1)!,
    hint: fieldHint(node, path, lang),
  });
}

/** The hint under a name (GOV.UK style): its id is what the control's aria-describedby names. */
function Hint({ path, children }: { path: string; children: ReactNode }) {
  return children ? (
    <div className="hint" id={`${idOf(path)}-hint`}>
      {children}
    </div>
  ) : null;
}

/** The ids that describe a control: its hint and its error, when shown. */
const describedBy = (path: string, hint: unknown, hasError: boolean) =>
  [hint ? `${idOf(path)}-hint` : "", hasError ? `${idOf(path)}-error` : ""].filter(Boolean).join(" ") || undefined;

function FieldMessages({ path, errors }: { path: string; errors: Errors }) {
  const messages = errors[path];
  if (!messages?.length) return null;
  return (
    <p className="field-error" id={`${idOf(path)}-error`}>
      {messages.join(" ")}
    </p>
  );
}

const str = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "string" ? v : String(v));

export function SectionFields({ section, node, value, errors }: { section: string; node: SchemaNode; value: unknown; errors: Errors }) {
  // A section that is a list (incidents, sources...) is edited as a list at the top level.
  if (node.type === "array") return <ListField path={section} node={node} value={value} errors={errors} />;
  return <ObjectFields path={section} node={node} value={value} errors={errors} />;
}

function ObjectFields({ path, node, value, errors }: Props) {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  return (
    <>
      {Object.entries(node.properties ?? {}).map(([name, child]) => {
        const p = `${path}.${name}`;
        if (WORKFLOW_FIELDS.has(shape(p))) return null;
        // An internal field keeps its stored value through the form without being shown.
        if (INTERNAL_FIELDS.has(shape(p)))
          return typeof v[name] === "string" || typeof v[name] === "number" ? <input key={p} type="hidden" name={p} value={String(v[name])} /> : null;
        return <Field key={p} path={p} node={child} value={v[name]} errors={errors} required={(node.required ?? []).includes(name)} />;
      })}
    </>
  );
}

function Field({ path, node: raw, value, errors, required }: Props) {
  const { t, lang } = useT();
  const naming = useNaming();
  const kind = fieldKind(path.split(".").at(-1)!, raw);
  const { node, nullable } = unwrap(raw);
  const { name: text, hint: definition } = naming(path, node);
  const hasError = Boolean(errors[path]?.length);
  // How a date is written, after the definition.
  const pattern = kind.kind === "text" ? kind.pattern : undefined;
  const isDate = Boolean(pattern?.startsWith("^\\d{4}"));
  const dateHint = isDate ? t(pattern!.includes("(-") ? "fieldPartialDateHint" : "fieldDateHint") : undefined;
  const hint = definition && dateHint ? `${definition}${lang === "zh" ? "" : " "}${dateHint}` : (definition ?? dateHint);
  const common = {
    id: idOf(path),
    name: path,
    "aria-invalid": hasError || undefined,
    "aria-describedby": describedBy(path, hint, hasError),
  };
  const options = useFormOptions();
  const optional = options.optional?.includes(path);
  const req = optional ? <span className="hint"> ({t("pickerSlugOptional")})</span> : required && !nullable ? <span className="required"> ({t("formRequired")})</span> : null;
  const group = enumGroupOf(path);
  // A single labelled control: its name, its hint, its messages, the control.
  const single = (control: ReactNode) => (
    <div className={`field${hasError ? " has-error" : ""}`}>
      <label htmlFor={common.id}>
        {text}
        {req}
      </label>
      <Hint path={path}>{hint}</Hint>
      <FieldMessages path={path} errors={errors} />
      {control}
    </div>
  );
  // A group of controls: its name as the legend, its hint, its messages.
  const groupHead = (
    <>
      <legend>
        {text}
        {req}
      </legend>
      <Hint path={path}>{hint}</Hint>
      <FieldMessages path={path} errors={errors} />
    </>
  );
  if (shape(path) === "responsibility.agencies.agency" && options.agencies)
    return single(
      <>
        <AgencySelect common={common} value={str(value)} agencies={options.agencies} />
      </>,
    );

  switch (kind.kind) {
    case "object":
      return (
        <fieldset className={`group${hasError ? " has-error" : ""}`} aria-describedby={describedBy(path, hint, hasError)}>
          {groupHead}
          <ObjectFields path={path} node={kind.node} value={value} errors={errors} />
        </fieldset>
      );
    case "list":
      return <ListField path={path} node={node} value={value} errors={errors} required={required} />;
    case "localized": {
      const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
      return (
        <fieldset className={`localized${hasError ? " has-error" : ""}`} aria-describedby={describedBy(path, hint, hasError)}>
          {groupHead}
          {[
            ...(lang === "zh" ? (["zh", "en"] as const) : (["en", "zh"] as const)),
            // Text in another language (an imported Dutch or French record) keeps its own field,
            // so saving the form never drops it.
            ...Object.keys(v).filter((k) => isOtherLang(k) && typeof v[k] === "string").sort(),
          ].map((l) => {
            const p = `${path}.${l}`;
            const props = { id: idOf(p), name: p, defaultValue: str(v[l]), lang: textLangTag(l), maxLength: kind.maxLength, "aria-invalid": Boolean(errors[p]?.length) || undefined };
            return (
              <div key={l} className="lang-field">
                <label htmlFor={idOf(p)}>
                  {l === "zh" || l === "en" ? t(l === "zh" ? "fieldLangZh" : "fieldLangEn", { field: text }) : t("fieldLangOther", { field: text, language: languageName(l, lang) })}
                </label>
                <FieldMessages path={p} errors={errors} />
                {kind.long ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
              </div>
            );
          })}
        </fieldset>
      );
    }
    case "enum":
      return single(
        <>
          <select {...common} defaultValue={str(value)}>
            <option value="">—</option>
            {/* The forms edit this register's own records: no value only a mirrored record may hold. */}
            {ownRecordValues(shape(path), kind.values).map((v) => (
              <option key={v} value={v}>
                {group ? label(group, v, lang) : (fieldName(v, lang) ?? v)}
              </option>
            ))}
          </select>
        </>,
      );
    case "enumList": {
      const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
      return (
        <fieldset className={`group${hasError ? " has-error" : ""}`} aria-describedby={describedBy(path, hint, hasError)}>
          {groupHead}
          {ownRecordValues(shape(path), kind.values).map((v) => (
            <div key={v} className="check">
              <input type="checkbox" id={idOf(`${path}.${v}`)} name={path} value={v} defaultChecked={chosen.has(v)} />
              <label htmlFor={idOf(`${path}.${v}`)}>{group ? label(group, v, lang) : v}</label>
            </div>
          ))}
        </fieldset>
      );
    }
    case "boolean":
      return single(
        <>
          <select {...common} defaultValue={value === true ? "true" : value === false ? "false" : str(value)}>
            <option value="">—</option>
            <option value="true">{t("formYes")}</option>
            <option value="false">{t("formNo")}</option>
          </select>
        </>,
      );
    case "number":
      return single(
        <>
          <input type="text" inputMode={kind.integer ? "numeric" : "decimal"} {...common} defaultValue={str(value)} className="short" />
        </>,
      );
    default: {
      return single(
        <>
          {kind.kind === "text" && kind.long ? (
            <textarea rows={3} {...common} defaultValue={str(value)} maxLength={kind.maxLength} />
          ) : (
            <input type="text" {...common} defaultValue={str(value)} maxLength={kind.kind === "text" ? kind.maxLength : undefined} className={isDate ? "short" : undefined} />
          )}
        </>,
      );
    }
  }
}

function ListField({ path, node, value, errors, required }: Props) {
  const { t } = useT();
  const naming = useNaming();
  const { name, hint } = naming(path, node);
  const items = Array.isArray(value) ? value : [];
  const item = node.items ?? {};
  const hasError = Boolean(errors[path]?.length);
  const itemIsPlain = !(item.type === "object" && !isLocalized(item));
  return (
    <fieldset className={`list${hasError ? " has-error" : ""}`} aria-describedby={describedBy(path, hint, hasError)}>
      {/* A section that is a list is named by the page's heading already: its legend is for screen readers. */}
      <legend className={path.includes(".") ? undefined : "visually-hidden"}>
        {name}
        {required ? <span className="required"> ({t("formRequired")})</span> : null}
      </legend>
      <Hint path={path}>{hint}</Hint>
      <FieldMessages path={path} errors={errors} />
      {items.length === 0 ? <p className="muted">{t("formListEmpty")}</p> : null}
      {items.map((row, i) => {
        const p = `${path}.${i}`;
        return (
          <div key={p} className="list-row">
            <p className="row-title">
              {t("formRow", { n: i + 1 })}{" "}
              <button type="submit" name="_remove" value={p} className="link-button" formNoValidate>
                {t("formRemove", { n: i + 1 })}
              </button>
            </p>
            {itemIsPlain ? (
              <Field path={p} node={item} value={row} errors={errors} />
            ) : (
              <>
                <FieldMessages path={p} errors={errors} />
                <ObjectFields path={p} node={item} value={row} errors={errors} />
              </>
            )}
          </div>
        );
      })}
      <button type="submit" name="_add" value={path} className="secondary" formNoValidate>
        {t("formAdd")}
      </button>
    </fieldset>
  );
}
