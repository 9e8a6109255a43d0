// The mapping table of the UK Algorithmic Transparency Recording Standard v3.0 (./fields.ts) to
// the record standard: data, read by the importer, the exporter and the crosswalk page
// (../mapping.ts). The choices follow the hand conversion of the UK fixtures
// (test/fixtures/interop/README.md, "UK"), field by field; a field the standard has no home for
// is kept as published in `extensions["uk-atrs"][attribute]` (`to: null`).
import { isoDayCodec } from "../codecs";
import { choiceCodec, textCodec, urlCodec, type Cells, type Codec, type InteropDoc, type InteropField, type InteropMapping, recordSkeleton } from "../mapping";
import { getPath, setPath } from "../path";
import { firstSentences } from "../codecs";
import type { AtrsKey } from "./fields";

export const ATRS_REGISTER = "uk-atrs";
/** GOV.UK's list of published records: an ATRS record in JSON names no address of its own page. */
export const ATRS_RECORDS_URL = "https://www.gov.uk/algorithmic-transparency-records";

const EXT_ID = `externalIds[register=${ATRS_REGISTER}]`;
const UK = { en: "United Kingdom", zh: "英国" };

const slugPart = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

const present = (row: Cells, key: AtrsKey) => (row[key] ?? "").trim() !== "";

/** "N/A" (or "n/a", "NA") is the standard's way of saying a field does not apply: not a value of the field. */
const NOT_APPLICABLE = /^n\/?a\.?$/i;

/** Plain text, but only when `when(row)` holds (a vendor's detail needs the vendor's name); "N/A" is kept as published. */
const textWhen = (when: (row: Cells) => boolean, max?: number): Codec => ({
  read: (cell, row) => (when(row) && !NOT_APPLICABLE.test(cell.trim()) ? textCodec(max).read(cell, row) : undefined),
  write: textCodec().write,
});

/**
 * The ATRS phases (GOV.UK's records list filters by them; the mandatory scope policy names
 * "Beta/Pilot" and "Production", and records of retired tools are kept): read in any letter case,
 * written as the standard spells them. The register's "suspended" has no phase (written empty).
 */
const PHASES: Record<string, string> = { "pre-deployment": "proposed", "beta/pilot": "pilot", production: "in_use", retired: "retired" };
const phaseCodec: Codec = {
  read: (cell) => PHASES[cell.trim().toLowerCase()],
  write: choiceCodec({}, { proposed: "Pre-deployment", pilot: "Beta/Pilot", in_use: "Production", retired: "Retired" }).write,
};

const supplier = (row: Cells) => present(row, "external_supplier");
const model = (row: Cells) => present(row, "model_name");
/** A dataset card needs a name or a description or an address (or a source) before anything else is said of it. */
const dataset = (row: Cells) => present(row, "source_data_name") || present(row, "data_description") || urlCodec().read(row.source_data_url ?? "", row) !== undefined;

const PHASE_NOTE = {
  en: "Pre-deployment is proposed, Beta/Pilot is pilot, Production is in use, Retired is retired. The standard asks for the phase twice (0.13 and 2.4.1.2, keyed phase and tool_phase); both are the same deployment status.",
  zh: "Pre-deployment 为“拟议”，Beta/Pilot 为“试点”，Production 为“使用中”，Retired 为“已停用”。该标准两次询问阶段（0.13 和 2.4.1.2，键名分别为 phase 和 tool_phase），两者都是同一部署状态。",
};
const SAME_AS_NAME = { en: "The tool's name used in the record's title: read as the name where the record gives no name.", zh: "用于记录标题的工具名称：记录未给出名称时作为名称读取。" };
const ORGANISATION = {
  en: "The organisation is the agency that operates the tool: slug uk- and its name, national, United Kingdom.",
  zh: "该组织即运营该工具的机构：标识为 uk- 加其名称，国家级，英国。",
};
const VENDOR = { en: "Only with a named external supplier; N/A is kept as published.", zh: "仅在列明外部供应商时读取；N/A 原样保留。" };
const MODEL = { en: "Only with a named model.", zh: "仅在列明模型名称时读取。" };
const DATASET = { en: "Only with a named, described or linked dataset.", zh: "仅在数据集有名称、说明或链接时读取。" };

export const ATRS_FIELDS: readonly (InteropField & { key: AtrsKey })[] = [
  { key: "id", to: `${EXT_ID}.id`, codec: textCodec(200), note: { en: "The record's number in the UK register (an integer in the standard).", zh: "该记录在英国登记簿中的编号（标准中为整数）。" } },
  { key: "standard_version", to: `${EXT_ID}.standardVersion`, codec: textCodec(40) },
  { key: "organisation_type", to: null },
  { key: "function", to: null },
  { key: "capability", to: null },
  { key: "task", to: null },
  { key: "tags", to: null },
  { key: "date_of_completion", to: `${EXT_ID}.publishedOn`, codec: isoDayCodec(), note: { en: "A date written YYYY-MM-DD; any other writing is kept as published.", zh: "按 YYYY-MM-DD 书写的日期；其他写法原样保留。" } },
  { key: "date_updated", to: `${EXT_ID}.updatedOn`, codec: isoDayCodec() },
  { key: "date_archived", to: `${EXT_ID}.archivedOn`, codec: isoDayCodec() },
  { key: "title", to: "identity.name", lang: "en", codec: textCodec(300), note: SAME_AS_NAME },
  { key: "organisation_name", to: "@agency.name", lang: "en", codec: textCodec(300), note: ORGANISATION },
  { key: "phase", to: "lifecycle.deploymentStatus", codec: phaseCodec, note: PHASE_NOTE },
  { key: "region", to: null, note: { en: "The record's place is the United Kingdom; the region (England, Wales…) is kept as published.", zh: "记录的地点为英国；地区（英格兰、威尔士等）原样保留。" } },
  { key: "one_sentence_description", to: "identity.summary", lang: "en", codec: textCodec(400), note: { en: "Over 400 characters is kept as published; the summary is then the description's first sentences.", zh: "超过 400 字的原样保留；此时摘要取说明的开头数句。" } },
  { key: "name", to: "identity.name", lang: "en", codec: textCodec(300) },
  { key: "description", to: "purpose.purpose", lang: "en" },
  { key: "website_url", to: null },
  { key: "contact_email", to: "responsibility.contactOffice.channel", codec: textCodec(300), note: { en: "The office is named after the organisation.", zh: "联系部门以该组织命名。" } },
  { key: "organisation_or_department", to: "@agency.name", lang: "en", codec: textCodec(300), note: ORGANISATION },
  { key: "team", to: "responsibility.team", lang: "en", codec: textCodec(500) },
  { key: "senior_responsible_owner", to: "responsibility.accountableOfficer.role", lang: "en", codec: textCodec(300) },
  { key: "external_supplier_involvement", to: null },
  { key: "external_supplier", to: "responsibility.vendors[0].name", lang: "en", codec: textCodec(300), with: { "responsibility.vendors[0].role": "other" }, note: { en: "Its role is 'other': the supplier's role is free text, kept as published.", zh: "其角色记为“其他”：供应商角色为自由文本，原样保留。" } },
  { key: "companies_house_number", to: "responsibility.vendors[0].companyNumber", codec: textWhen(supplier, 100), note: VENDOR },
  { key: "external_supplier_role", to: null },
  { key: "procurement_procedure_type", to: "procurement.procedure", lang: "en" },
  { key: "data_access_terms", to: "responsibility.vendors[0].dataAccess", lang: "en", codec: textWhen(supplier), note: VENDOR },
  { key: "detailed_description", to: "identity.description", lang: "en" },
  { key: "scope", to: null },
  { key: "benefit", to: "purpose.benefits", lang: "en" },
  { key: "previous_process", to: null },
  { key: "alternatives_considered", to: "purpose.alternativesConsidered", lang: "en" },
  { key: "process_integration", to: null },
  { key: "provided_information", to: "howItWorks.outputs", lang: "en", note: { en: "What the tool gives the person who decides.", zh: "工具提供给决策者的信息。" } },
  { key: "frequency_and_scale_of_usage", to: null },
  { key: "human_decisions_and_review", to: "oversight.humanOversight", lang: "en" },
  { key: "required_training", to: null, note: { en: "Free text: the standard's training answer needs a status the record does not give.", zh: "自由文本：本标准的培训答案需要记录未给出的状态。" } },
  { key: "appeals_and_review", to: "oversight.appeal.channel", lang: "en" },
  { key: "system_architecture", to: null },
  { key: "tool_phase", to: "lifecycle.deploymentStatus", codec: phaseCodec, note: PHASE_NOTE },
  { key: "maintenance", to: null },
  { key: "models", to: null },
  { key: "model_name", to: "models[0].name", lang: "en", codec: textCodec(300) },
  { key: "model_version", to: null },
  { key: "model_task", to: "models[0].description", lang: "en", codec: textWhen(model), note: MODEL },
  { key: "model_input", to: "howItWorks.inputs", lang: "en" },
  { key: "model_output", to: null, note: { en: "The tool's outputs are the provided information (2.3.2); the model's output is kept as published.", zh: "工具的输出即所提供的信息（2.3.2）；模型输出原样保留。" } },
  { key: "model_architecture", to: "howItWorks.method", lang: "en" },
  { key: "model_performance", to: "howItWorks.testing", lang: "en" },
  { key: "datasets", to: null },
  { key: "dataset_purposes", to: null },
  { key: "source_data_name", to: "datasets[0].name", lang: "en", codec: textCodec(300), note: { en: "Version 3.0 does not say whether the data developed the tool or runs it: the dataset has no phase.", zh: "3.0 版未说明数据用于开发还是运行：数据集不注明阶段。" } },
  { key: "data_modality", to: null },
  { key: "data_description", to: "datasets[0].description", lang: "en" },
  { key: "data_quantities", to: null },
  { key: "sensitive_attributes", to: null },
  { key: "data_completeness_and_representativeness", to: null },
  { key: "source_data_url", to: "datasets[0].url", codec: urlCodec() },
  { key: "data_collection", to: "datasets[0].collection", lang: "en", codec: textWhen(dataset), note: DATASET },
  { key: "data_cleaning", to: null },
  { key: "data_sharing_agreements", to: null },
  { key: "data_access_and_storage", to: null },
  {
    key: "impact_assessment",
    to: "assessments.documents[kind=other].title",
    lang: "en",
    codec: textCodec(300),
    note: { en: "One assessment entry named by the text; over 300 characters it is kept as published.", zh: "以该文字命名的一项评估；超过 300 字的原样保留。" },
  },
  { key: "risks_and_mitigations", to: "risks[0].risk", lang: "en", note: { en: "One risk entry holding the whole text.", zh: "一项风险，包含全文。" } },
];

function complete(doc: InteropDoc, row: Cells): void {
  const r = doc.record;
  const agency = doc.agency!;
  // The organisation is required: a record naming none is of an organisation the register names by the record's id.
  if (!agency.name.en) agency.name = { en: row.id?.trim() ? `ATRS record ${row.id.trim()}` : "ATRS record" };
  agency.slug = `uk-${slugPart(agency.name.en!).slice(0, 60).replace(/-+$/, "")}` || "uk-organisation";
  setPath(r, "responsibility.agencies", [{ agency: agency.slug, role: "operates" }]);
  if (getPath(r, "responsibility.contactOffice.channel") !== undefined) setPath(r, "responsibility.contactOffice.name", { en: agency.name.en });
  // A name, a purpose and a summary are required: each is filled from what the record does say.
  if (!getPath(r, "identity.name.en")) setPath(r, "identity.name.en", (getPath(r, `${EXT_ID}.id`) as string | undefined) ?? agency.name.en);
  const name = getPath(r, "identity.name.en") as string;
  if (!getPath(r, "purpose.purpose.en")) setPath(r, "purpose.purpose.en", (getPath(r, "identity.summary.en") as string | undefined) ?? (getPath(r, "identity.description.en") as string | undefined) ?? name);
  if (!getPath(r, "identity.summary.en")) setPath(r, "identity.summary.en", firstSentences(getPath(r, "purpose.purpose.en") as string));
  if (!getPath(r, "lifecycle.deploymentStatus")) setPath(r, "lifecycle.deploymentStatus", "not_stated");
  if (!getPath(r, "identity.policyDomain")) setPath(r, "identity.policyDomain", "other");
  // An appeal route is a channel; an oversight without one stays as it is.
  // A dataset card begun by a cell that was then kept as published (an address that is not one) is no card.
  const ds = r.datasets as Record<string, unknown>[] | undefined;
  if (ds && !ds.some((d) => d.name || d.description || d.url || d.source)) delete r.datasets;
}

export const ATRS_MAPPING: InteropMapping = {
  register: ATRS_REGISTER,
  fields: ATRS_FIELDS,
  base: () => ({
    record: recordSkeleton({
      register: ATRS_REGISTER,
      identity: { originalLanguage: "en", jurisdiction: { level: "national", place: { ...UK } } },
      source: {
        key: "gov-uk-atrs-records",
        title: { en: "Algorithmic transparency records" },
        citation: "GOV.UK, Algorithmic Transparency Recording Standard Hub",
        url: ATRS_RECORDS_URL,
      },
    }),
    agency: { slug: "", name: {}, jurisdictionLevel: "national", place: { ...UK } },
  }),
  complete,
  sourceUrl: () => ATRS_RECORDS_URL,
  slug: (doc) => {
    const agency = (doc.agency?.slug ?? "uk").replace(/^uk-/, "").split("-").slice(0, 4).join("-");
    const name = slugPart((getPath(doc.record, "identity.name.en") as string | undefined) ?? "") || "tool";
    return `uk-${agency}-${name}`.slice(0, 70).replace(/-+$/, "");
  },
};
