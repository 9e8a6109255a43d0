// The mapping table of the Dutch algorithm register's records (./fields.ts) to the record
// standard: data, read by the importer, the exporter and the crosswalk page (../mapping.ts). The
// choices follow the hand conversion of the fixture (test/fixtures/interop/README.md, NL):
//
// - The organisation is the operating agency: slug `nl-` + the slug of its name; level `city`
//   for a "Gemeente …" (municipality), `province` for a "Provincie …", `national` for any other
//   (ministries, executive agencies, water boards, police: the register does not say where they
//   serve, and national is the level of the register). Place: the municipality's or province's
//   name without "Gemeente"/"Provincie" (Gennep), otherwise the country, Nederland / Netherlands
//   / 荷兰 (a place name, translated as place names are).
// - The agency's name is the organisation's name as the register writes it, under `nl`, and the
//   same text, untranslated, under `en`: the register's list of agencies keeps names in Chinese
//   and English only, so the whole-record import would store a name given only in Dutch as no
//   name at all (name_zh and name_en both empty) and the name would not come back. A proper name
//   quoted in English text as its owner writes it is not a translation; nothing is translated.
//   An agency that is already in the register keeps the name it has there (the export then
//   writes that name).
// - The goal is the purpose; the summary is the short description, or else the goal's first
//   sentence (verbatim, as the hand conversion did). A record without a goal repeats its short
//   description, or else its name (the only descriptions it gives).
// - Status: In gebruik / in_gebruik → in use, In ontwikkeling / in_ontwikkeling → proposed (the
//   standard's "not yet in use"; the register has no pilot value), Buiten gebruik /
//   buiten_gebruik → retired. None → not stated (a mirrored record only).
// - The end date (Einddatum, when it was taken out of use) is kept as published: the standard's
//   retirement needs a reason the register does not give, and the sunset date is this register's
//   rule (the last day a tool may lawfully run), not a fact of a mirrored record (null, as for
//   every mirrored record).
// - Everything without a home (the theme, the dates of the API's list, the impact assessments,
//   the groupings, the keys of earlier versions…) is kept as published in
//   extensions["nl-algoritmeregister"][key].
import { choiceCodec, textCodec, urlCodec, type Cells, type Codec, type DocAgency, type InteropDoc, type InteropField, type InteropMapping, recordSkeleton } from "../mapping";
import { getPath, setPath } from "../path";
import { NL_FIELDS } from "./fields";

export const NL_REGISTER = "nl-algoritmeregister";
export const NL_REGISTER_HOME = "https://algoritmes.overheid.nl/";
/** The address of an algorithm's page in the register, by its id (as the API's `url` gives it). */
export const nlRecordUrl = (lars: string) => `https://algoritmes.overheid.nl/nl/algoritme/${encodeURIComponent(lars)}`;

const EXT_ID = `externalIds[register=${NL_REGISTER}]`;
const CATEGORY = "classifications[scheme=nl-publication-category]";
const WEBSITE = "sources[key=nl-publiekspagina]";

/** A slug part of Dutch text: accents off (Fryslân → fryslan), lower case, hyphens. */
export const nlSlugPart = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** A partial date as ISO writes it: yyyy, yyyy-mm (ch02's form) or yyyy-mm-dd. Anything else is kept. */
export const isoPartialDateCodec = (): Codec => ({
  read: (cell) => {
    const m = cell.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
    if (!m) return undefined;
    const y = +m[1]!;
    if (y < 1900 || y > 2100) return undefined;
    if (m[2] && (+m[2] < 1 || +m[2] > 12)) return undefined;
    if (m[3] && (+m[3] < 1 || +m[3] > new Date(Date.UTC(y, +m[2]!, 0)).getUTCDate())) return undefined;
    return cell;
  },
  write: (v) => (typeof v === "string" ? v : ""),
});

/** ISO 639-3 `nld` (ch02: "nld") as the standard's language tag `nl`; other codes are kept. */
const langCodec: Codec = choiceCodec({ nld: "nl" });

/** The provider, unless it says the algorithm was developed in house (ch02: "Intern ontwikkeld"), which is no vendor. */
const providerCodec: Codec = {
  read: (cell, row) => (/^intern ontwikkeld\.?$/i.test(cell.trim()) ? undefined : textCodec(300).read(cell, row)),
  write: textCodec().write,
};

/** A link of the legal basis, only with a legal basis the standard holds (a link alone is no basis). */
const legalBasisUrlCodec: Codec = {
  read: (cell, row) => (textCodec(500).read(row.lawful_basis ?? "", row) !== undefined ? urlCodec().read(cell, row) : undefined),
  write: urlCodec().write,
};

const KEPT_REGISTER = { en: "Set by the register in its own files, not by the organisation: kept as published.", zh: "由登记簿在其文件中设定，并非由该组织填写：原样保留。" };
const KEPT_EARLIER = { en: "A key of an earlier version of the standard, which 1.0 no longer describes: kept as published.", zh: "早期版本标准的字段，1.0 版已不再说明：原样保留。" };

/** Where each cell goes, by key (a key not named here has no home: kept as published). */
const TO: Record<string, Omit<InteropField, "key">> = {
  name: { to: "identity.name", lang: "nl", codec: textCodec(300), note: { en: "Also the title of the record's source. A record without a name is named by its id in the register.", zh: "同时作为记录来源的标题。没有名称的记录以其在登记簿中的编号命名。" } },
  organization: {
    to: "@agency.name",
    lang: "nl",
    codec: textCodec(300),
    note: {
      en: "The agency: slug nl- and the name; a Gemeente is a city, a Provincie a province, any other organisation national. The name is stored as written, also as its English name (the agency list keeps Chinese and English names only); it is not translated.",
      zh: "即运营机构：标识为 nl- 加名称；“Gemeente”（市镇）为市级，“Provincie”（省）为省级，其他组织为国家级。名称按原文保存，并原样作为其英文名称（机构列表只保存中文和英文名称）；不作翻译。",
    },
  },
  department: { to: "responsibility.team", lang: "nl", codec: textCodec(500) },
  description_short: { to: "identity.summary", lang: "nl", codec: textCodec(400), note: { en: "Without one, the summary is the goal's first sentence.", zh: "未填写时，摘要取目的的第一句。" } },
  website: { to: `${WEBSITE}.url`, codec: urlCodec(), with: { [`${WEBSITE}.kind`]: "official_document", [`${WEBSITE}.title`]: { nl: "Publiekspagina" } }, note: { en: "A source of the record: the organisation's public page.", zh: "记录的一项来源：该组织的公开页面。" } },
  status: {
    to: "lifecycle.deploymentStatus",
    codec: choiceCodec({ "In gebruik": "in_use", "In ontwikkeling": "proposed", "Buiten gebruik": "retired", in_gebruik: "in_use", in_ontwikkeling: "proposed", buiten_gebruik: "retired" }),
    note: {
      en: "In gebruik → in use; In ontwikkeling → proposed; Buiten gebruik → retired (the API's in_gebruik… alike, and kept as it writes them). None → not stated.",
      zh: "In gebruik → 使用中；In ontwikkeling → 已提出；Buiten gebruik → 已停用（API 的 in_gebruik 等写法同样读取，并按其写法保留）。未填写 → 未说明。",
    },
  },
  goal: { to: "purpose.purpose", lang: "nl", note: { en: "Without one, the purpose repeats the short description, or else the name.", zh: "未填写时，用途重复简短说明，否则重复名称。" } },
  proportionality: { to: "purpose.necessity", lang: "nl", note: { en: "The weighing of advantages and drawbacks, and why the use is justified.", zh: "对利弊的权衡以及使用的正当理由。" } },
  lawful_basis: { to: "purpose.legalBasis[0].citation", codec: textCodec(500), note: { en: "As written, in one piece (over 500 characters: kept as published).", zh: "按原文作为一项整体（超过 500 字时原样保留）。" } },
  lawful_basis_link: { to: "purpose.legalBasis[0].url", codec: legalBasisUrlCodec, note: { en: "The link of the legal basis, with the basis.", zh: "法律依据的链接，与依据一并保存。" } },
  objection_procedure: { to: "oversight.appeal.channel", lang: "nl", note: { en: "A key of an earlier version: the objection procedure, read as the appeal route.", zh: "早期版本的字段：异议程序，读作申诉途径。" } },
  standard_version: { to: `${EXT_ID}.standardVersion`, codec: textCodec(40) },
  contact_email: { to: "responsibility.contactOffice.channel", codec: textCodec(300), note: { en: "The office is named after the organisation.", zh: "联系部门以该组织命名。" } },
  lang: { to: "identity.originalLanguage", codec: langCodec, note: { en: "nld → nl. The original language is Dutch when none is given.", zh: "nld → nl。未填写时原文语言为荷兰语。" } },
  description: { to: "identity.description", lang: "nl", note: { en: "A key of an earlier version: the full description.", zh: "早期版本的字段：完整说明。" } },
  publiccode: { to: "howItWorks.sourceCode.url", codec: urlCodec() },
  source_data: { to: "datasets[0].description", lang: "nl" },
  source_data_link: { to: "datasets[0].url", codec: urlCodec() },
  methods_and_models: { to: "howItWorks.method", lang: "nl" },
  human_intervention: { to: "oversight.humanOversight", lang: "nl" },
  risks: { to: "risks[0].risk", lang: "nl", note: { en: "The whole text (the risks and how they are handled) as one item.", zh: "全文（风险及其应对）作为一项。" } },
  provider: { to: "responsibility.vendors[0].name", lang: "nl", codec: providerCodec, with: { "responsibility.vendors[0].role": "other" }, note: { en: "Role other (ch02 says only 'the external provider'). 'Intern ontwikkeld' (developed in house) is no vendor: kept as published.", zh: "角色为“其他”（标准只说“外部供应商”）。“Intern ontwikkeld”（内部开发）不是供应商：原样保留。" } },
  begin_date: { to: "lifecycle.goLiveDate", codec: isoPartialDateCodec(), note: { en: "yyyy-mm, the month it went into use.", zh: "yyyy-mm，投入使用的月份。" } },
  end_date: { to: null, note: { en: "The month it was taken out of use: the standard's retirement also needs a reason, which the register does not give, and the sunset date is this register's rule, not the source's; kept as published.", zh: "停止使用的月份：本标准的停用记录还需要停用原因，而该登记簿不提供；终止日期是本登记簿的规则，并非来源的事实；因此原样保留。" } },
  publication_category: { to: `${CATEGORY}.value`, codec: textCodec(100), note: { en: "The Dutch publication category, as written.", zh: "荷兰的公布类别，按原文。" } },
  lars: { to: `${EXT_ID}.id`, codec: textCodec(200), note: { en: "The register's id (the API's id).", zh: "登记簿编号（API 的 id）。" } },
  register_url: { to: `${EXT_ID}.url`, codec: urlCodec(), note: { en: "The algorithm's page in the register (the API's url); also the record's source address.", zh: "该算法在登记簿中的页面（API 的 url）；同时是记录的来源地址。" } },
  category: { to: null, note: { en: "Themes of the TOP list have no counterpart among the standard's policy areas: kept as published (a list as JSON text); the policy area is 'other'.", zh: "TOP 列表的主题在本标准的政策领域中没有对应：原样保留（列表以 JSON 文本保存）；政策领域记为“其他”。" } },
  impacttoetsen: { to: null, note: { en: "Names of the impact assessments done, without a date or a link: kept as published (a list as JSON text).", zh: "已完成的影响评估名称，没有日期或链接：原样保留（列表以 JSON 文本保存）。" } },
  lawful_basis_grouping: { to: null, note: { en: "A list of objects: kept as published, as JSON text.", zh: "对象列表：以 JSON 文本原样保留。" } },
  impacttoetsen_grouping: { to: null, note: { en: "A list of objects: kept as published, as JSON text.", zh: "对象列表：以 JSON 文本原样保留。" } },
  source_data_grouping: { to: null, note: { en: "A list of objects: kept as published, as JSON text.", zh: "对象列表：以 JSON 文本原样保留。" } },
  impactassessment: { to: null, note: { en: "The API list's own value (e.g. 'Onbekend', unknown): not read as 'not assessed'; kept as published.", zh: "API 列表自有的取值（如“Onbekend”，未知）：不解读为“未评估”；原样保留。" } },
  url: { to: null, note: { en: "The organisation's own earlier registration (not the register's page): kept as published.", zh: "该组织自己先前的登记（并非登记簿页面）：原样保留。" } },
};

const CELL_ORDER = [...NL_FIELDS.map((x) => x.key), "register_url", "geregistreerd", "toegevoegd", "impactassessment"];

export const NL_MAPPING_FIELDS: readonly InteropField[] = CELL_ORDER.map((key) => {
  const t = TO[key];
  if (t) return { key, ...t };
  const field = NL_FIELDS.find((x) => x.key === key && !x.ch02);
  const note = field?.section === "earlier" ? KEPT_EARLIER : field?.section === "register" ? KEPT_REGISTER : undefined;
  return { key, to: null, ...(note ? { note } : {}) };
});

const NETHERLANDS = { nl: "Nederland", en: "Netherlands", zh: "荷兰" };

/** The agency of an organisation's name: slug, level and place (see the head of this file). */
export function nlAgencyOf(name: string): DocAgency {
  const m = name.match(/^(Gemeente|Provincie)\s+(.+)$/i);
  const part = nlSlugPart(name).slice(0, 60).replace(/-+$/, "");
  if (!part) return { slug: "nl-unknown-organisation", name: { en: "Unknown organisation", zh: "未知组织" }, jurisdictionLevel: "national", place: { ...NETHERLANDS } };
  const slug = `nl-${part}`;
  if (m) {
    const place = m[2]!.trim();
    return { slug, name: { nl: name, en: name }, jurisdictionLevel: m[1]!.toLowerCase() === "gemeente" ? "city" : "province", place: { nl: place, en: `${place}, Netherlands` } };
  }
  return { slug, name: { nl: name, en: name }, jurisdictionLevel: "national", place: { ...NETHERLANDS } };
}

/** The first sentence of a text (verbatim), within 400 characters; else its beginning cut at a word. */
export function firstSentence(text: string, max = 400): string {
  const t = text.trim();
  const m = t.match(/^.+?[.!?](?=\s|$)/s);
  const s = m ? m[0] : t;
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function complete(doc: InteropDoc, row: Cells): void {
  const r = doc.record;
  // An organisation the register does not name (it requires one) is an unknown agency, named so in English and Chinese only.
  const given = doc.agency?.name.nl;
  const agency = nlAgencyOf(typeof given === "string" ? given : "");
  doc.agency = agency;
  setPath(r, "identity.jurisdiction", { level: agency.jurisdictionLevel, place: { ...agency.place } });
  setPath(r, "responsibility.agencies", [{ agency: agency.slug, role: "operates" }]);
  if (getPath(r, "responsibility.contactOffice.channel") !== undefined) setPath(r, "responsibility.contactOffice.name", agency.name.nl ? { nl: agency.name.nl } : { ...agency.name });
  const lars = getPath(r, `${EXT_ID}.id`) as string | undefined;
  if (!getPath(r, "identity.name.nl")) setPath(r, "identity.name.nl", lars ?? String(agency.name.nl ?? agency.name.en));
  const name = getPath(r, "identity.name.nl") as string;
  if (!getPath(r, "purpose.purpose.nl")) setPath(r, "purpose.purpose.nl", (getPath(r, "identity.summary.nl") as string | undefined) ?? name);
  if (!getPath(r, "identity.summary.nl")) setPath(r, "identity.summary.nl", firstSentence(getPath(r, "purpose.purpose.nl") as string));
  if (!getPath(r, "lifecycle.deploymentStatus")) setPath(r, "lifecycle.deploymentStatus", "not_stated");
  setPath(r, "sources[key=algoritmeregister].title", { nl: name });
  setPath(r, "sources[key=algoritmeregister].url", nlSourceUrl(row));
  // A second legal basis item is never made; a link alone (no basis) stays as published.
  const basis = (r.purpose as { legalBasis?: { citation?: string }[] }).legalBasis;
  if (basis && !basis.some((b) => b.citation)) delete (r.purpose as Record<string, unknown>).legalBasis;
}

/** The record's address in the register: the API's url, or its page by id, or the register itself. */
export function nlSourceUrl(row: Cells): string {
  const u = urlCodec().read(row.register_url ?? "", row);
  if (typeof u === "string") return u;
  const lars = (row.lars ?? "").trim();
  return lars && lars.length <= 100 ? nlRecordUrl(lars) : NL_REGISTER_HOME;
}

export const NL_MAPPING: InteropMapping = {
  register: NL_REGISTER,
  fields: NL_MAPPING_FIELDS,
  base: () => ({
    record: recordSkeleton({
      register: NL_REGISTER,
      identity: { originalLanguage: "nl", policyDomain: "other" },
      source: { key: "algoritmeregister", title: { nl: "Algoritmeregister" }, citation: "Algoritmeregister van de Nederlandse overheid (algoritmes.overheid.nl)" },
    }),
    agency: { slug: "", name: {}, jurisdictionLevel: "national", place: { ...NETHERLANDS } },
  }),
  complete,
  sourceUrl: nlSourceUrl,
  slug: (doc) => {
    const org = nlSlugPart(String(doc.agency?.name.nl ?? "")).replace(/^(gemeente|provincie)-/, "").slice(0, 30);
    const name = nlSlugPart(String(getPath(doc.record, "identity.name.nl") ?? "")) || "algoritme";
    return `nl-${org ? `${org}-` : ""}${name}`.slice(0, 70).replace(/-+$/, "");
  },
};
