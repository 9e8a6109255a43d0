// "Check your answers" (GOV.UK pattern): every section of a draft as a read-only summary list,
// each field by its label (fieldLabel, app/i18n/errors.ts), enumerated values by their labels,
// agencies by name, never a code or a field path; a "change" link per section.
import { Link } from "@remix-run/react";
import { fieldKind, type SchemaNode } from "../../registry/standard/schema-form";
import { UNSHOWN_ANSWERS, valueLabel } from "../../registry/standard/field-values";
import { fieldShape as pathShape } from "../../registry/standard/field-names";
import { sectionTitleKey, type SectionName } from "../../registry/standard/sections";
import type { LocalizedText } from "../../registry/standard/v1";
import { fieldLabel } from "~/i18n/errors";
import { useT } from "~/i18n/use-lang";
import { PlainText } from "./text";

/** One answer: the field's path (for its label) and its value, a leaf of the record. */
export type AnswerRow = { path: string; kind: string; value?: unknown };

const given = (v: unknown): boolean =>
  v !== null && v !== undefined && (typeof v === "string" ? v.trim() !== "" : Array.isArray(v) ? v.length > 0 : typeof v === "object" ? Object.values(v).some(given) : true);

/** The answers of a section as rows, in the standard's order, leaving out what is empty or never shown. Pure. */
export function answerRows(path: string, node: SchemaNode, value: unknown, out: AnswerRow[] = []): AnswerRow[] {
  if (UNSHOWN_ANSWERS.has(pathShape(path))) return out;
  const kind = fieldKind(path.split(".").at(-1)!, node);
  if (kind.kind === "object") {
    const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
    for (const [name, child] of Object.entries(kind.node.properties ?? {})) answerRows(`${path}.${name}`, child, v[name], out);
  } else if (kind.kind === "list") {
    (Array.isArray(value) ? value : []).forEach((item, i) => answerRows(`${path}.${i}`, kind.item, item, out));
  } else if (given(value)) out.push({ path, kind: kind.kind, value });
  return out;
}

export type SectionAnswers = { name: SectionName; rows: AnswerRow[] };

/**
 * The answers, section by section. With `toolId` each section has a "change" link to its form
 * (the owner's check page); without, it is read-only (a reviewer reading the whole record).
 */
export function CheckAnswers({ toolId, sections, agencies, headingLevel = 2 }: { toolId?: string; sections: SectionAnswers[]; agencies: Record<string, LocalizedText>; headingLevel?: 2 | 3 }) {
  const { t, u, lang } = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {sections.map((s) => {
        const rows = s.rows;
        const title = t(sectionTitleKey(s.name));
        return (
          <section key={s.name} aria-labelledby={`answers-${s.name}`}>
            <div className="summary-card-head">
              <Heading id={`answers-${s.name}`}>{title}</Heading>
              {toolId ? (
                <Link to={u.toolEdit(toolId, { section: s.name })}>
                  {t("checkChange")}
                  <span className="visually-hidden">{title}</span>
                </Link>
              ) : null}
            </div>
            {rows.length ? (
              <dl className="summary-list">
                {rows.map((r) => (
                  <div className="summary-list-row" key={r.path}>
                    <dt>{fieldLabel(r.path, lang) ?? title}</dt>
                    <dd>
                      <AnswerValue row={r} agencies={agencies} />
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">{t("checkNotGiven")}</p>
            )}
          </section>
        );
      })}
    </>
  );
}

function AnswerValue({ row, agencies }: { row: AnswerRow; agencies: Record<string, LocalizedText> }) {
  const { t, l, text, date, num, lang } = useT();
  const v = row.value;
  if (pathShape(row.path) === "responsibility.agencies.agency" && typeof v === "string") {
    const name = text(agencies[v]);
    return name ? <span lang={name.lang === "zh" ? "zh-Hans" : "en"}>{name.text}</span> : <>{t("checkNotGiven")}</>;
  }
  if (row.kind === "localized" && v && typeof v === "object") {
    const pair = v as LocalizedText;
    const order: ("zh" | "en")[] = lang === "zh" ? ["zh", "en"] : ["en", "zh"];
    return (
      <>
        {order
          .filter((x) => pair[x])
          .map((x, _, both) => (
            <span key={x} className="answer-lang">
              {/* The language is named only when both are given. */}
              {both.length > 1 ? `${t(x === "zh" ? "formChinese" : "formEnglish")}${lang === "zh" ? "：" : ": "}` : null}
              <span lang={x === "zh" ? "zh-Hans" : "en"}>{pair[x]}</span>
              {"\n"}
            </span>
          ))}
      </>
    );
  }
  if (Array.isArray(v)) return <>{v.map((x, i) => String(valueLabel(`${row.path}.${i}`, x, lang))).join(lang === "zh" ? "、" : ", ")}</>;
  if (typeof v === "boolean") return <>{t(v ? "formYes" : "formNo")}</>;
  if (typeof v === "number") return <>{num(v)}</>;
  // A code by its label, a withheld field by its name.
  const shown = valueLabel(row.path, v, lang);
  if (shown !== v) return <>{String(shown)}</>;
  if (typeof v === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(v)) return <>{date(v)}</>;
  return typeof v === "string" ? <PlainText value={v} /> : <>{String(v)}</>;
}
