// The mapping table of the US federal AI use case inventory of 2025 (./columns.ts) to the record
// standard: data, read by the importer, the exporter and the crosswalk page (../mapping.ts). The
// choices follow the hand conversion of the fixtures (test/fixtures/interop/README.md).
import { answerCodec, firstSentences, looseDateCodec, stepsAnswerCodec } from "../codecs";
import { choiceCodec, textCodec, urlCodec, type Cells, type Codec, type InteropDoc, type InteropField, type InteropMapping, recordSkeleton } from "../mapping";
import { getPath, setPath } from "../path";
import { OMB_2025_COLUMNS } from "./columns";

export const OMB_REGISTER = "us-omb-ai-inventory";
/** The inventory as published, at the commit the fixtures copy (the inventory has no page per record). */
export const OMB_SOURCE_URL =
  "https://github.com/ombegov/2025-Federal-Agency-AI-Use-Case-Inventory/blob/62329235dc3847672bc4fdc7bf64d850a2d6d0fe/Data/2025_individually_reported_AI_use_cases.csv";

const HIGH_IMPACT = "classifications[scheme=us-omb-high-impact]";
const EXT_ID = `externalIds[register=${OMB_REGISTER}]`;
const CAIO = { en: "CAIO Waived: the Chief AI Officer waived the practice; the standard has no such answer, so it is kept as published.", zh: "CAIO Waived：首席人工智能官豁免了该做法；本标准没有这一答案，因此原样保留。" };

const slugPart = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** The agency's code (`DOI`) as the slug of this register's agency (`us-doi`), and back. */
const agencyCodec: Codec = {
  read: (cell) => {
    const p = slugPart(cell);
    return p ? `us-${p}` : undefined;
  },
  write: (v) => (typeof v === "string" ? v.replace(/^us-/, "").toUpperCase() : ""),
};

const POLICY_AREAS: Record<string, string> = {
  "Admin Functions": "government_administration",
  "Health and Medical": "public_health",
  "Law Enforcement": "public_security",
  Transportation: "transport",
  "Service Delivery": "public_services",
  "Benefits Processing": "social_assistance",
  Other: "other",
};

/**
 * Text read into a free-text field of the standard from one of the inventory's choice columns:
 * written back only when it is one of the column's values (a record of this register describes its
 * method in its own words, which are no value of the inventory's list).
 */
function listedTextCodec(column: string): Codec {
  const col = OMB_2025_COLUMNS.find((c) => c.name === column);
  const values: readonly string[] = col && "values" in col ? col.values : [];
  return { read: textCodec(20_000).read, write: (v) => (typeof v === "string" && values.includes(v) ? v : "") };
}

export const OMB_FIELDS: readonly InteropField[] = [
  { key: "agency", to: "@agency.slug", codec: agencyCodec, note: { en: "The agency's code, as the slug us-<code>.", zh: "机构代码，作为机构标识 us-<代码>。" } },
  { key: "agency_name", to: "@agency.name", lang: "en" },
  { key: "id", to: `${EXT_ID}.id`, codec: textCodec(200), note: { en: "704 rows of the 2025 file have no id; their record names the inventory without one.", zh: "2025 年文件中有 704 行没有编号；其记录只注明来源清单。" } },
  { key: "use_case_name", to: "identity.name", lang: "en", codec: textCodec(300), note: { en: "A row without a name (one in 2025) is named by its id in the inventory.", zh: "没有名称的行（2025 年有一行）以其在清单中的编号命名。" } },
  { key: "agency_bureau", to: "responsibility.team", lang: "en", codec: textCodec(500) },
  { key: "contact_email", to: "responsibility.contactOffice.channel", codec: textCodec(300), note: { en: "The office is named after the agency.", zh: "联系部门以该机构命名。" } },
  { key: "is_withheld", to: null },
  {
    key: "development_stage",
    to: "lifecycle.deploymentStatus",
    codec: choiceCodec({ "Pre-deployment": "proposed", Pilot: "pilot", Deployed: "in_use", Retired: "retired" }),
    note: { en: "An empty stage is 'not stated by the source'.", zh: "阶段为空时为“来源未说明”。" },
  },
  { key: "is_high_impact", to: `${HIGH_IMPACT}.value`, codec: textCodec(200), note: { en: "The US high-impact class, as written.", zh: "美国“高影响”分类，按原文。" } },
  { key: "HI_justification", to: `${HIGH_IMPACT}.justification`, lang: "en" },
  {
    key: "topic_area",
    to: "identity.policyDomain",
    codec: choiceCodec(POLICY_AREAS),
    note: {
      en: "Areas with a counterpart are read as it; the others (Science, IT, Cybersecurity…) are kept as published and the area is 'other'.",
      zh: "有对应领域的按对应领域读取；其余（科学、信息技术、网络安全等）原样保留，领域记为“其他”。",
    },
  },
  {
    key: "classification",
    to: "howItWorks.method",
    lang: "en",
    codec: listedTextCodec("classification"),
    note: { en: "Read as the method; written back only when the method is one of the inventory's AI classifications.", zh: "读作模型或方法；仅当其为清单所列的人工智能分类之一时才写回。" },
  },
  { key: "problem_solved", to: "purpose.purpose", lang: "en", note: { en: "Also the summary (its first sentences, within 400 characters).", zh: "同时作为摘要（取其开头数句，不超过 400 字）。" } },
  { key: "benefits", to: "purpose.benefits", lang: "en" },
  { key: "system_outputs", to: "howItWorks.outputs", lang: "en" },
  { key: "operational_date", to: "lifecycle.goLiveDate", codec: looseDateCodec(), note: { en: "Read as a day, month or year however it is written (2019-01-02 00:00:00, 10/1/2021, 08/2023, Sep-23).", zh: "无论写法如何，读作日、月或年（如 2019-01-02 00:00:00、10/1/2021、08/2023、Sep-23）。" } },
  { key: "contracting_usage", to: "procurement.mode", codec: choiceCodec({ "Vendor Purchased": "contracted", "In-house Development": "in_house", "Contracting and In House": "mixed" }) },
  { key: "vendor_name", to: "responsibility.vendors[0].name", lang: "en", codec: textCodec(300), with: { "responsibility.vendors[0].role": "other" } },
  {
    key: "have_ato",
    to: "securityAuthorisation.status",
    codec: choiceCodec({ Yes: "done" }),
    with: { "securityAuthorisation.scheme": "Authorization to Operate (ATO)" },
    note: { en: "Yes is a security authorisation (ATO) granted; No is kept as published.", zh: "“是”即已获安全运行授权（ATO）；“否”原样保留。" },
  },
  {
    key: "system_name_ato",
    to: "securityAuthorisation.note",
    lang: "en",
    codec: { read: (cell, row) => (row.have_ato === "Yes" ? textCodec().read(cell, row) : undefined), write: textCodec().write },
    note: { en: "Only with an ATO; otherwise kept as published.", zh: "仅在已获授权时读取，否则原样保留。" },
  },
  { key: "data_description", to: "datasets[0].description", lang: "en" },
  { key: "link_to_data", to: "datasets[0].url", codec: urlCodec() },
  { key: "has_pii", to: null },
  {
    key: "pia_url",
    to: "assessments.documents[kind=privacy].url",
    codec: urlCodec(),
    with: { "assessments.documents[kind=privacy].title": { en: "Privacy Impact Assessment (PIA)" } },
  },
  { key: "demographic_features", to: null },
  { key: "has_custom_code", to: null },
  { key: "code_url", to: "howItWorks.sourceCode.url", codec: urlCodec() },
  { key: "hi_testing_conducted", to: "governance.testing", codec: answerCodec({ Yes: "done", "In-progress": "in_progress" }), note: CAIO },
  { key: "hi_assessment_completed", to: null },
  { key: "hi_potential_impacts", to: null },
  {
    key: "hi_independent_review",
    to: "governance.independentReview",
    codec: answerCodec({ "In-progress": "in_progress" }, ["Internal Independent Review", "Oversight Board Review", "CAIO Review"]),
    note: { en: `Which review was done is the answer's detail. ${CAIO.en}`, zh: `完成的是哪种审查，记在答案的说明中。${CAIO.zh}` },
  },
  { key: "hi_ongoing_monitoring", to: "governance.monitoring", codec: answerCodec({ "Yes - Monitoring Established": "done", "In-progress": "in_progress" }), note: CAIO },
  { key: "hi_training_established", to: "governance.training", codec: answerCodec({ "Training Established": "done", "Training In-progress": "in_progress" }), note: CAIO },
  { key: "hi_failsafe_presence", to: "governance.failSafe", codec: answerCodec({ Yes: "done", "Not Applicable": "not_applicable", "In-progress": "in_progress" }), note: CAIO },
  {
    key: "hi_appeal_process",
    to: "governance.appeal",
    codec: answerCodec({ "Appeal Process Established": "done", "Not Applicable": "not_applicable", "Appeal Process In-progress": "in_progress" }),
    note: { en: `Appeal Precluded by Law is kept as published. ${CAIO.en}`, zh: `“法律排除申诉”原样保留。${CAIO.zh}` },
  },
  {
    key: "hi_public_consultation",
    to: "governance.consultation",
    codec: stepsAnswerCodec(["Usability Testing", "Public Feedback Solicitations", "Public Hearings", "Other"], "In-progress"),
    note: { en: "Steps taken are a consultation done, named in its detail; In-progress is in progress; other lists are kept as published.", zh: "已采取的步骤记为“已完成”，并在说明中列出；In-progress 记为“进行中”；其他列表原样保留。" },
  },
];


function complete(doc: InteropDoc, row: Cells): void {
  const r = doc.record;
  const agency = doc.agency!;
  if (!agency.slug) agency.slug = agency.name.en ? `us-${slugPart(agency.name.en).slice(0, 50)}` : "us-unknown-agency";
  if (!agency.name.en) agency.name = { en: agency.slug.replace(/^us-/, "").toUpperCase() };
  setPath(r, "responsibility.agencies", [{ agency: agency.slug, role: "operates" }]);
  if (getPath(r, "responsibility.contactOffice.channel") !== undefined) setPath(r, "responsibility.contactOffice.name", { en: agency.name.en });
  // A name is required: a row without one is named by its id, or else its agency's name.
  if (!getPath(r, "identity.name.en")) setPath(r, "identity.name.en", (getPath(r, `${EXT_ID}.id`) as string | undefined) ?? agency.name.en);
  const name = getPath(r, "identity.name.en") as string;
  // Purpose and summary are required: a row without a description repeats its name, the only description it gives.
  if (!getPath(r, "purpose.purpose.en")) setPath(r, "purpose.purpose.en", name);
  setPath(r, "identity.summary.en", firstSentences(getPath(r, "purpose.purpose.en") as string));
  if (!getPath(r, "lifecycle.deploymentStatus")) setPath(r, "lifecycle.deploymentStatus", "not_stated");
  if (!getPath(r, "identity.policyDomain")) setPath(r, "identity.policyDomain", "other");
  // A justification without a class is no classification: it stays as published.
  const classes = r.classifications as { value?: unknown }[] | undefined;
  if (classes) {
    const kept = classes.filter((c) => c.value !== undefined);
    if (kept.length) r.classifications = kept;
    else delete r.classifications;
  }
  void row;
}

export const OMB_MAPPING: InteropMapping = {
  register: OMB_REGISTER,
  fields: OMB_FIELDS,
  base: () => ({
    record: recordSkeleton({
      register: OMB_REGISTER,
      identity: { originalLanguage: "en", jurisdiction: { level: "national", place: { en: "United States", zh: "美国" } } },
      source: {
        key: "us-omb-2025-inventory",
        title: { en: "2025 Federal Agency AI Use Case Inventory: individually reported AI use cases" },
        citation: "Office of Management and Budget, 2025 Federal Agency AI Use Case Inventory",
        url: OMB_SOURCE_URL,
      },
    }),
    agency: { slug: "", name: {}, jurisdictionLevel: "national", place: { en: "United States", zh: "美国" } },
  }),
  complete,
  sourceUrl: () => OMB_SOURCE_URL,
  slug: (doc, row) => {
    const agency = doc.agency?.slug ?? "us";
    const id = slugPart(row.id ?? "");
    const tail = id && !id.startsWith(agency.replace(/^us-/, "")) ? `${agency.replace(/^us-/, "")}-${id}` : id;
    return `us-${(tail || `${agency.replace(/^us-/, "")}-${slugPart(doc.record && (getPath(doc.record, "identity.name.en") as string)) || "use-case"}`).slice(0, 60)}`.replace(/-+$/, "");
  },
};
