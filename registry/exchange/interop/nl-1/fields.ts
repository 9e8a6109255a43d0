// The fields of the Dutch algorithm register (Algoritmeregister, algoritmes.overheid.nl), as data:
// the publication standard 1.0 (MinBZK/Algoritmeregister-Publicatiestandaard @ d20a0fe, ch02.md,
// "Informatievelden", EUPL-1.2) keyed as the register's own schema keys them
// (AlgoritmeVersionContent in the register's backend, copied as
// ../shared/interop/nl-algoritmeregister/algoritme_version_schema.py), and the keys of its public
// API's list (`https://algoritmes.overheid.nl/api/algoritme/NLD`, as the fixture
// test/fixtures/interop/nl-algoritmeregister/sample_1_record.json gives it). Data, not code: the
// reader, the writer, the mapping to the record standard and the crosswalk page all read it.
//
// Every key of AlgoritmeVersionContent is here, in its order, then the keys the register's own
// files add to a record (lars, publication_dt, state, create_dt, owner, language, code, org_id:
// its downloads, its export and its API's record, kept as published). ch02 describes the fields of the
// standard 1.0; the schema still has keys of earlier versions (0.x) that ch02 no longer describes
// (`impact`, `iama`, `competent_authority`…): they carry `ch02: false` and no Dutch label, and
// their English label only names the key (nothing is claimed about what they held). ch02's field
// "Toelichting op impacttoetsen" has no key of its own that the schema makes certain, so no key
// is labelled with it.
//
// kind: text (a string), list (a string or a list of strings: `category`, `impacttoetsen`),
// grouping (a list of objects: the `*_grouping` keys).

export type NlFieldKind = "text" | "list" | "grouping";
export type NlSection = "general" | "responsible_use" | "operation" | "metadata" | "earlier" | "register";

export type NlField = {
  /** The key in the register's schema (a cell of the format). */
  key: string;
  kind: NlFieldKind;
  section: NlSection;
  /** The field's name in ch02 (the standard 1.0), when ch02 describes it. */
  nl?: string;
  en: string;
  zh: string;
  /** Described by ch02 (the standard 1.0); false: a key the schema keeps from earlier versions. */
  ch02: boolean;
};

export const NL_SECTIONS: Record<NlSection, { nl?: string; en: string; zh: string }> = {
  general: { nl: "Algemene informatie", en: "General information", zh: "基本信息" },
  responsible_use: { nl: "Verantwoord gebruik", en: "Responsible use", zh: "负责任的使用" },
  operation: { nl: "Werking", en: "How it works", zh: "运作方式" },
  metadata: { nl: "Metadata", en: "Metadata", zh: "元数据" },
  earlier: { en: "Keys of earlier versions kept in the schema (not described by the standard 1.0)", zh: "模式中保留的早期版本字段（1.0 版标准未作说明）" },
  register: { en: "Set by the register (its export and its public API)", zh: "由登记簿设定（其导出与公开 API）" },
};

const f = (key: string, section: NlSection, en: string, zh: string, nl?: string, kind: NlFieldKind = "text"): NlField => ({ key, kind, section, en, zh, ch02: nl !== undefined, ...(nl !== undefined ? { nl } : {}) });
const old = (key: string, kind: NlFieldKind = "text"): NlField => ({ key, kind, section: "earlier", en: `Schema key “${key}”`, zh: `模式字段“${key}”`, ch02: false });
const reg = (key: string): NlField => ({ key, kind: "text", section: "register", en: `Key “${key}” of the register's downloads and API`, zh: `登记簿下载文件与 API 的字段“${key}”`, ch02: false });

/** The keys of AlgoritmeVersionContent, in the schema's order, then `lars` (the register's id of the algorithm) and the other keys the register's own files add. */
export const NL_FIELDS: readonly NlField[] = [
  f("name", "general", "Name", "名称", "Naam"),
  f("organization", "general", "Organisation", "组织", "Organisatie"),
  old("preferred_name"),
  old("department"),
  f("description_short", "general", "Short description", "简短说明", "Korte omschrijving"),
  old("type"),
  f("category", "general", "Theme (policy area)", "主题（政策领域）", "Thema", "list"),
  f("website", "general", "Link to public page", "公开页面链接", "Link naar publiekspagina"),
  f("status", "general", "Status", "状态", "Status"),
  f("goal", "responsible_use", "Goal and impact", "目的与影响", "Doel en impact"),
  old("impact"),
  f("proportionality", "responsible_use", "Considerations", "权衡", "Afwegingen"),
  old("decision_making_process"),
  old("documentation"),
  old("competent_authority"),
  f("lawful_basis", "responsible_use", "Legal basis", "法律依据", "Wettelijke basis"),
  old("iama"),
  old("iama_description"),
  old("dpia"),
  old("dpia_description"),
  old("objection_procedure"),
  f("standard_version", "metadata", "Schema (version of the standard)", "模式（标准版本）", "Schema"),
  old("uuid"),
  f("url", "general", "Link to source registration", "来源登记链接", "Link naar bronregistratie"),
  f("contact_email", "general", "Contact details", "联系方式", "Contactgegevens"),
  old("area"),
  f("lang", "metadata", "Language", "语言", "Taal"),
  old("revision_date"),
  old("description"),
  old("application_url"),
  f("publiccode", "operation", "Link to source code", "源代码链接", "Link naar broncode"),
  old("mprd"),
  f("source_data", "operation", "Data", "数据", "Gegevens"),
  f("methods_and_models", "operation", "Technical operation", "技术运作", "Technische werking"),
  old("monitoring"),
  f("human_intervention", "responsible_use", "Human intervention", "人工干预", "Menselijke tussenkomst"),
  f("risks", "responsible_use", "Risk management", "风险管理", "Risicobeheer"),
  old("performance_standard"),
  f("provider", "operation", "Provider", "供应商", "Leverancier"),
  f("process_index_url", "responsible_use", "Processing register", "处理活动登记", "Verwerkingsregister"),
  f("tags", "metadata", "Search terms", "检索词", "Zoektermen"),
  f("source_id", "metadata", "Source id", "来源编号", "Bron-ID"),
  f("begin_date", "general", "Start date", "开始日期", "Begindatum"),
  f("end_date", "general", "End date", "结束日期", "Einddatum"),
  f("lawful_basis_link", "responsible_use", "Link to legal basis", "法律依据链接", "Link naar wettelijke basis"),
  f("impacttoetsen", "responsible_use", "Impact assessment(s)", "影响评估", "Impacttoets(en)", "list"),
  f("source_data_link", "operation", "Link to data source", "数据来源链接", "Link naar Gegevensbron"),
  f("publication_category", "general", "Publication category", "公布类别", "Publicatiecategorie"),
  f("lawful_basis_grouping", "responsible_use", "Legal bases with their titles and links", "法律依据（标题与链接）", "Titel van wettelijke basis", "grouping"),
  f("impacttoetsen_grouping", "responsible_use", "Impact assessments with their links", "影响评估（含链接）", "Link naar Impacttoets", "grouping"),
  f("source_data_grouping", "operation", "Data sources with their titles and links", "数据来源（标题与链接）", "Titel van Gegevensbron", "grouping"),
  { key: "lars", kind: "text", section: "register", en: "The register's id of the algorithm (LARS code)", zh: "登记簿为该算法分配的编号（LARS 代码）", ch02: false },
  // The keys the register's own files add to a record's content (the schema file's
  // AlgoritmeVersionDownload, AlgoritmeVersionDownloadJson and AlgoritmeVersionExport, and the
  // API's AlgoritmeVersionGetOne and AlgoritmeVersionQuery): set by the register, not by the
  // organisation. The schema gives only their names and types (texts and times), so their labels
  // name the key and nothing is claimed about what they hold.
  reg("publication_dt"),
  reg("state"),
  reg("create_dt"),
  reg("owner"),
  reg("language"),
  reg("code"),
  reg("org_id"),
];

/** The schema's keys of list fields (a string or a list of strings) and of groupings (a list of objects). */
export const NL_LIST_KEYS: ReadonlySet<string> = new Set(NL_FIELDS.filter((x) => x.kind === "list").map((x) => x.key));
export const NL_GROUPING_KEYS: ReadonlySet<string> = new Set(NL_FIELDS.filter((x) => x.kind === "grouping").map((x) => x.key));
export const NL_SCHEMA_KEYS: readonly string[] = NL_FIELDS.map((x) => x.key);

/**
 * The public API's list (`{count, fetched_at, source_url, algoritmes: [...]}`): each key of an
 * item, the cell it is (a schema key, or a cell of its own where the schema has no such key), and
 * how sure the correspondence is.
 *
 * - title, doel, juridische_basis, organisatie, status: the schema's name, goal, lawful_basis,
 *   organization, status (the same texts: the API lists the register's fields under Dutch keys).
 * - id: the register's id of the algorithm, its LARS code (the page's address ends with it).
 * - url: the algorithm's page in the register (algoritmes.overheid.nl/nl/algoritme/<id>). Not the
 *   schema's `url`, which ch02 describes as the link to the organisation's own, earlier
 *   registration ("Link naar bronregistratie"): its own cell, `register_url`.
 * - impactassessment ("Onbekend"), geregistreerd, toegevoegd: the listing's own values (the
 *   impact assessment as the listing's filter names it, and two dates the standard does not
 *   define), cells of their own, under their own keys.
 */
export const NL_API_KEYS = [
  { key: "doel", cell: "goal" },
  { key: "geregistreerd", cell: "geregistreerd" },
  { key: "id", cell: "lars" },
  { key: "impactassessment", cell: "impactassessment" },
  { key: "juridische_basis", cell: "lawful_basis" },
  { key: "organisatie", cell: "organization" },
  { key: "status", cell: "status" },
  { key: "title", cell: "name" },
  { key: "toegevoegd", cell: "toegevoegd" },
  { key: "url", cell: "register_url" },
] as const;

/** The cells only the API's list has. */
export const NL_API_ONLY_FIELDS: readonly NlField[] = [
  { key: "register_url", kind: "text", section: "register", en: "The algorithm's page in the register (the API's url)", zh: "该算法在登记簿中的页面（API 的 url）", ch02: false },
  { key: "geregistreerd", kind: "text", section: "register", en: "Registered (a date of the API's list)", zh: "登记日期（API 列表中的日期）", ch02: false },
  { key: "toegevoegd", kind: "text", section: "register", en: "Added (a date of the API's list)", zh: "添加日期（API 列表中的日期）", ch02: false },
  { key: "impactassessment", kind: "text", section: "register", en: "Impact assessment (as the API's list names it)", zh: "影响评估（按 API 列表的写法）", ch02: false },
];

/** The keys of the API list document itself (its metadata; `algoritmes` holds the items). */
export const NL_API_DOC_KEYS = ["count", "fetched_at", "source_url", "algoritmes"] as const;

/** Every cell of the format: the schema's keys, `lars`, then the API's own cells. */
export const NL_CELL_KEYS: readonly string[] = [...NL_SCHEMA_KEYS, ...NL_API_ONLY_FIELDS.map((x) => x.key)];
