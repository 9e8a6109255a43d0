// Issue 13: the record forms label every field with a name, not a definition; the definition is
// the hint under it, without developer notes; internal fields are never shown. Walks the same
// JSON Schema the forms are drawn from (registry/standard/schema-form.ts `sectionNode`).
import { describe, expect, it } from "vitest";
import { GLOSSARY } from "../../app/i18n/glossary";
import { fieldLabel, issueMessage } from "../../app/i18n/errors";
import { FIELD_NAMES, fieldName, fieldShape } from "../../registry/standard/field-names";
import { cleanDefinition, fieldHint } from "../../registry/standard/field-hints";
import { LABELS, label } from "../../registry/standard/labels";
import { enumGroupOf, valueLabel } from "../../registry/standard/field-values";
import { INTERNAL_FIELDS, WORKFLOW_FIELDS, fieldKind, formToValue, isLocalized, isShownField, sectionNode, unwrap, type SchemaNode } from "../../registry/standard/schema-form";
import { SECTION_NAMES } from "../../registry/standard/sections";
import { RECORD_LEVEL_FIELDS, V11_FIELDS, WITHHOLDABLE_FIELDS } from "../../registry/standard/v1";
import { dataDictionary } from "../../registry/standard/json-schema";

type Shown = { path: string; node: SchemaNode; kind: string };

/** Every field the edit forms show, as the form walks it (app/components/schema-form.tsx). */
function shownFields(): Shown[] {
  const out: Shown[] = [];
  const walk = (path: string, raw: SchemaNode) => {
    if (!isShownField(fieldShape(path))) return;
    const kind = fieldKind(path.split(".").at(-1)!, raw);
    out.push({ path, node: unwrap(raw).node, kind: kind.kind });
    if (kind.kind === "object") for (const [n, c] of Object.entries(kind.node.properties ?? {})) walk(`${path}.${n}`, c);
    if (kind.kind === "list" && kind.item.type === "object" && !isLocalized(kind.item))
      for (const [n, c] of Object.entries(kind.item.properties ?? {})) walk(`${path}.${n}`, c);
  };
  for (const s of SECTION_NAMES) {
    const node = sectionNode(s);
    if (node.type === "array") walk(s, node);
    else for (const [n, c] of Object.entries(node.properties ?? {})) walk(`${s}.${n}`, c);
  }
  return out;
}

const LATIN = /[A-Za-z]/;
const DEVELOPER = /\bnull\b|\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w*\.\w+|\b[a-z]+\.[a-z][A-Za-z]+\b/;

describe("field names", () => {
  const fields = shownFields();

  it("walks every section's fields", () => {
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.map((f) => f.path)).toContain("dataScope.elements.retention");
  });

  it("names every shown field in both languages", () => {
    const missing = fields.filter((f) => !fieldName(f.path, "zh")?.trim() || !fieldName(f.path, "en")?.trim()).map((f) => f.path);
    expect(missing).toEqual([]);
  });

  it("maps the facts page's one-entry forms onto the record's lists", () => {
    expect(fieldShape("incident.title")).toBe("incidents.title");
    expect(fieldShape("appealStat.3.period")).toBe("oversight.appealStats.period");
    expect(fieldName("appealStat.period", "zh")).toBe("统计期间");
    expect(fieldShape("dataScope.elements.12.name.zh")).toBe("dataScope.elements.name.zh");
  });

  it("names every section", () => {
    for (const s of SECTION_NAMES) expect(FIELD_NAMES[s], s).toBeDefined();
  });

  it("lists no name for a path the standard does not have", () => {
    const recordLevel = dataDictionary()
      .map((e) => e.path.replace(/\[\]/g, ""))
      .filter((p) => (RECORD_LEVEL_FIELDS as readonly string[]).includes(p.split(".")[0]!));
    const known = new Set([...fields.map((f) => fieldShape(f.path)), ...SECTION_NAMES, ...WORKFLOW_FIELDS, ...INTERNAL_FIELDS, ...recordLevel]);
    expect(Object.keys(FIELD_NAMES).filter((k) => !known.has(k))).toEqual([]);
  });

  it("names every field version 1.1 added, also those outside the forms' sections, in both languages", () => {
    const added = dataDictionary()
      .map((e) => e.path.replace(/\[\]/g, ""))
      .filter((p) => V11_FIELDS.some((f) => p === f.replace(/\[\]/g, "") || p.startsWith(`${f.replace(/\[\]/g, "")}.`)));
    expect(added.length).toBeGreaterThan(60);
    expect(added.filter((p) => !fieldName(p, "zh") || !fieldName(p, "en"))).toEqual([]);
  });

  it("keeps names short, Chinese names Chinese, and one name per field of a section", () => {
    for (const [path, n] of Object.entries(FIELD_NAMES)) {
      expect(n.zh.length, path).toBeLessThanOrEqual(12);
      expect(n.zh, path).not.toMatch(LATIN);
      expect(n.en.length, path).toBeLessThanOrEqual(40);
      expect(n.zh, path).not.toMatch(/[。.]$/);
    }
    // Two fields side by side in one form never share a name.
    const byParent = new Map<string, string[]>();
    for (const f of fields) {
      const parent = fieldShape(f.path).split(".").slice(0, -1).join(".");
      byParent.set(parent, [...(byParent.get(parent) ?? []), fieldName(f.path, "zh")!]);
    }
    for (const [parent, names] of byParent) expect(new Set(names).size, parent).toBe(names.length);
  });

  it("follows the glossary: no rejected variant of a term", () => {
    const found: string[] = [];
    for (const g of GLOSSARY) for (const bad of g.rejected) for (const [path, n] of Object.entries(FIELD_NAMES)) if (n.zh.includes(bad)) found.push(`${path}: ${bad}`);
    expect(found).toEqual([]);
    expect(fieldName("sources", "zh")).toBe("来源");
    expect(fieldName("lifecycle.sunsetDate", "zh")).toBe("终止日期");
    expect(fieldName("incidents", "zh")).toBe("事件");
  });

  it("names the fields that may be withheld, which the withheld list offers by name", () => {
    for (const f of WITHHOLDABLE_FIELDS) expect(fieldName(f, "zh"), f).toBeDefined();
  });

  it("gives every enumerated field a label group or plain numbers, never a code", () => {
    const labelled = new Set(Object.keys(LABELS));
    void labelled;
    const codes = fields.filter((f) => f.kind === "enum" || f.kind === "enumList").filter((f) => {
      const values = (f.node.enum ?? f.node.items?.enum ?? []).map(String);
      return !values.every((v) => /^\d+$/.test(v) || fieldName(v, "zh") !== undefined) && !ENUM_FIELDS_WITH_LABELS.has(fieldShape(f.path));
    });
    expect(codes.map((f) => f.path)).toEqual([]);
  });
});

/** The enumerated fields app/components/schema-form.tsx labels through registry/standard/labels.ts. */
const ENUM_FIELDS_WITH_LABELS = new Set([
  "identity.kind",
  "identity.jurisdiction.level",
  "identity.policyDomain",
  "responsibility.agencies.role",
  "responsibility.vendors.role",
  "responsibility.vendors.sourceAccess",
  "purpose.mandatory",
  "howItWorks.automation",
  "dataScope.elements.category",
  "lifecycle.deploymentStatus",
  "assessments.impact.peopleAffected",
  "assessments.impact.dataSensitivity",
  "assessments.impact.automation",
  "assessments.impact.consequence",
  "assessments.impact.mitigations",
  "assessments.documents.kind",
  "incidents.kind",
  "sources.kind",
  "purposeHistory.kind",
]);

describe("field hints", () => {
  const fields = shownFields();

  it("cleans developer notes out of a definition", () => {
    expect(cleanDefinition("必填。工具可运行的最后一天。null 表示从未设定终止日期，此类工具将被标示为没有合法终止日期。")).toBe("工具可运行的最后一天。");
    expect(cleanDefinition("Required. The last day the tool may run. null records the fact that no end date was ever set; such a tool is shown as running.")).toBe(
      "The last day the tool may run.",
    );
    expect(cleanDefinition("是否必须使用才能获得服务（de_facto：事实上强制）。")).toBe("是否必须使用才能获得服务。");
    expect(cleanDefinition("Whether using it is required to get a service (de_facto: required in practice).")).toBe("Whether using it is required to get a service.");
    expect(cleanDefinition("Dotted path of the field, e.g. dataScope.elements.")).toBe("");
    expect(cleanDefinition("Granularity (e.g. street level, every 5 minutes).")).toBe("Granularity (e.g. street level, every 5 minutes).");
    expect(cleanDefinition("颗粒度（例如街道级、每 5 分钟）。")).toBe("颗粒度（例如街道级、每 5 分钟）。");
    expect(cleanDefinition("The benefits the tool is expected to bring. Since version 1.1.")).toBe("The benefits the tool is expected to bring.");
    expect(cleanDefinition("工具预期带来的益处。自 1.1 版起。")).toBe("工具预期带来的益处。");
  });

  it("shows no developer note, code or field path in any hint, and no Latin letter in a Chinese one", () => {
    for (const f of fields)
      for (const lang of ["zh", "en"] as const) {
        const hint = fieldHint(f.node, f.path, lang);
        if (!hint) continue;
        expect(hint, `${f.path} ${lang}`).not.toMatch(DEVELOPER);
        expect(hint, `${f.path} ${lang}`).not.toMatch(/^(必填|Required)/);
        if (lang === "zh") expect(hint, f.path).not.toMatch(LATIN);
        for (const g of GLOSSARY) for (const bad of g.rejected) if (lang === "zh") expect(hint, `${f.path}: ${bad}`).not.toContain(bad);
      }
  });

  it("gives a hint only when it says more than the name", () => {
    expect(fieldHint({ "x-description-zh": "数据类别。" }, "dataScope.elements.category", "zh")).toBeUndefined();
    expect(fieldHint(sectionNode("lifecycle").properties!.sunsetDate!, "lifecycle.sunsetDate", "zh")).toMatch(/^工具可运行的最后一天。/);
    const hinted = fields.filter((f) => fieldHint(f.node, f.path, "zh"));
    expect(hinted.length).toBeGreaterThan(fields.length / 2);
  });
});

describe("internal fields", () => {
  it("shows no seed file name, and posts it back so a save keeps it", () => {
    expect(isShownField("sources.seedFile")).toBe(false);
    expect(isShownField("sources.title")).toBe(true);
    const sources = sectionNode("sources");
    const value = formToValue(
      sources,
      [
        ["sources.0.key", "a"],
        ["sources.0.kind", "news"],
        ["sources.0.title.zh", "报道"],
        ["sources.0.seedFile", "001_ab.txt"],
      ],
      "sources",
    );
    expect(value).toEqual([{ key: "a", kind: "news", title: { zh: "报道" }, seedFile: "001_ab.txt" }]);
  });
});

describe("messages name the field by its name", () => {
  it.each([
    ["purpose.legalBasis", "法律依据", "Legal basis"],
    ["dataScope.elements.2.retention", "保存期限（第 3 项）", "Retention period (item 3)"],
    ["dataScope.elements.0.retention.zh", "保存期限（中文）（第 1 项）", "Retention period (Chinese) (item 1)"],
    ["identity.name.zh", "工具名称（中文）", "Name of the tool (Chinese)"],
    ["lifecycle.sunsetDate", "终止日期", "Sunset date"],
    ["purpose.mandatory", "是否强制使用", "Mandatory use"],
    ["incident.title", "事件标题", "Title of the incident"],
  ])("%s", (path, zh, en) => {
    expect(fieldLabel(path, "zh")).toBe(zh);
    expect(fieldLabel(path, "en")).toBe(en);
  });

  it("in a whole message", () => {
    expect(issueMessage({ code: "zod_invalid_type", path: "purpose.legalBasis.0.citation", params: { missing: 1 } }, "zh")).toBe("请填写“法律、法规或文件（第 1 项）”。");
    expect(issueMessage({ code: "err_text_missing", path: "identity.name" }, "en")).toBe("Fill in “Name of the tool” in Chinese, English or both.");
  });
});

describe("field values", () => {
  const enums = shownFields().filter((f) => f.kind === "enum" || f.kind === "enumList");
  it("names the values of every enumerated field the forms show, in both languages", () => {
    expect(enums.length).toBeGreaterThan(10);
    for (const f of enums) {
      if (f.path === "withheld.field") {
        for (const v of (f.node.enum ?? []).map(String)) expect(valueLabel(f.path, v, "zh"), v).toBe(fieldName(v, "zh"));
        continue;
      }
      const group = enumGroupOf(f.path);
      expect(group, f.path).toBeDefined();
      const values = (f.node.enum ?? f.node.items?.enum ?? []).map(String);
      for (const v of values) for (const lang of ["zh", "en"] as const) expect(label(group!, v, lang), `${f.path}=${v} (${lang})`).not.toBe(v);
    }
  });
  it("reads a stored code by its label, also inside a list, and leaves other values alone", () => {
    expect(valueLabel("identity.kind", "code_system", "zh")).toBe("“码”系统");
    expect(valueLabel("incidents.2.kind", "data_leak", "en")).toBe(label("incident", "data_leak", "en"));
    expect(valueLabel("assessments.impact.mitigations.1", enumValue("assessments.impact.mitigations"), "zh")).not.toBe(enumValue("assessments.impact.mitigations"));
    expect(valueLabel("identity.name.zh", "随申码", "zh")).toBe("随申码");
    expect(valueLabel("lifecycle.sunsetDate", "2027-01-15", "zh")).toBe("2027-01-15");
  });
  function enumValue(path: string): string {
    const f = enums.find((e) => e.path === path)!;
    return String((f.node.enum ?? f.node.items?.enum)![0]);
  }
});
