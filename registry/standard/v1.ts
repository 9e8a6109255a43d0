// The record standard, version 1: one record describes one tool.
// This module is the single source of truth for the data dictionary (/standard), the JSON
// Schema (/standard/v1.1.schema.json, and /standard/v1.schema.json for records of version 1), seed
// validation and form validation. It has no server dependencies so the browser can use it too.
//
// Version 1.1 adds optional fields only (V11_FIELDS), so every record of version 1 is also a
// valid record of version 1.1; a record that declares version "1" may not use them.
//
// Conventions:
// - Free text is keyed by language: { zh, en }, at least one language present. A record mirrored
//   from another register may also carry its text in other languages (`nl`, `fy`, `fr-CA`, at
//   most 8 per text). The original language of a name is recorded separately.
// - An optional field that is absent means "not disclosed". It is never read as "none". A field
//   that the operator refuses to publish is listed in `withheld` with its legal ground.
// - Dates are ISO 8601. Historical facts are often known only to the month or year, so
//   `PartialDate` accepts YYYY, YYYY-MM or YYYY-MM-DD; the sunset date is always a full date.
import { z } from "zod";

type Doc = { en: string; zh: string };
const doc = (en: string, zh: string) => ({ description: en, "x-description-zh": zh });
const withDoc = <T extends z.ZodType>(schema: T, d: Doc) => schema.meta(doc(d.en, d.zh)) as T;

/** The version new records declare. */
export const STANDARD_VERSION = "1.1" as const;
/** Every version a record may declare; each is a subset of the next. */
export const STANDARD_VERSIONS = ["1", "1.1"] as const;
export type StandardVersion = (typeof STANDARD_VERSIONS)[number];

// ---------------------------------------------------------------- limits

/**
 * The longest each list of a record may be. Generous (the largest documented case names 5 data
 * elements, 3 agencies and 3 sources) but finite, so that no single record costs a request
 * seconds: a draft with 5,000 data elements took 17 s to submit.
 */
export const LIST_LIMITS = {
  agencies: 50,
  vendors: 100,
  legalBasis: 100,
  purposeHistory: 500,
  /** Source keys cited by one purpose change or incident. */
  sourceRefs: 50,
  dataElements: 500,
  sharingRecipients: 200,
  appealStats: 500,
  renewals: 200,
  mitigations: 5,
  assessmentDocuments: 100,
  incidents: 1000,
  withheld: 17,
  sources: 500,
  // v1.1
  externalIds: 20,
  classifications: 20,
  risks: 100,
  models: 50,
  datasets: 100,
  /** Source registers with an extension area in one record. */
  extensionRegisters: 10,
  /** Fields in all of a record's extension areas together. */
  extensionFields: 200,
  /** Items of one extension field that is a list. */
  extensionListItems: 200,
} as const;

/** The largest a record may be, as UTF-8 JSON: the largest documented case is about 9 KB. */
export const RECORD_MAX_BYTES = 2 * 1024 * 1024;

/** A record's size in bytes as UTF-8 JSON, counted without building the bytes. */
export function recordBytes(record: unknown): number {
  const json = JSON.stringify(record) ?? "";
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** The size of a record over RECORD_MAX_BYTES (for the err_record_too_large issue), or null. */
export function recordSizeProblem(record: unknown): { mb: string; maxMb: number } | null {
  const bytes = recordBytes(record);
  return bytes > RECORD_MAX_BYTES ? { mb: (bytes / 1024 / 1024).toFixed(1), maxMb: RECORD_MAX_BYTES / 1024 / 1024 } : null;
}

/** A list of at most `max` items, saying so when there are more. */
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);

// ---------------------------------------------------------------- building blocks

/**
 * A language tag a record's text may be keyed by (BCP 47, the common shapes): a lower-case
 * language of 2-3 letters, then optionally a script (`Hant`) and a region (`CA`, `419`):
 * `nl`, `fy`, `fr-CA`, `zh-Hant`. `zh` and `en` are the interface's languages; any other is the
 * text of a record mirrored from another register, kept in its own language.
 */
export const LANG_TAG_PATTERN = "^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$";
const LANG_TAG_RE = new RegExp(LANG_TAG_PATTERN);
/** The most languages one text may be given in. */
export const TEXT_MAX_LANGS = 8;

export function localizedText(en: string, zh: string, opts: { max?: number } = {}) {
  const part = z.string().trim().min(1).max(opts.max ?? 20_000);
  return z
    .object({ zh: part.optional(), en: part.optional() })
    .catchall(part.optional())
    .superRefine((v, ctx) => {
      const langs = Object.keys(v).filter((k) => v[k] !== undefined);
      for (const k of Object.keys(v)) if (!LANG_TAG_RE.test(k)) ctx.addIssue({ code: "custom", message: "err_text_lang_tag", path: [k] });
      if (langs.length === 0) ctx.addIssue({ code: "custom", message: "err_text_missing" });
      if (langs.length > TEXT_MAX_LANGS) ctx.addIssue({ code: "custom", message: "err_text_too_many_langs", params: { maximum: TEXT_MAX_LANGS } });
    })
    .meta({ ...doc(en, zh), propertyNames: { pattern: LANG_TAG_PATTERN }, minProperties: 1, maxProperties: TEXT_MAX_LANGS });
}
/** Free text by language tag: `zh` and `en` for the interface, any other BCP 47 tag besides. */
export type LocalizedText = { zh?: string; en?: string; [lang: string]: string | undefined };

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "err_date_format")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: "err_date_unreal",
  });

export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "err_partial_date_format")
  .refine((s) => {
    const [y, m, d] = s.split("-").map(Number);
    if (m !== undefined && (m < 1 || m > 12)) return false;
    if (d !== undefined) return new Date(Date.UTC(y!, m! - 1, d)).getUTCDate() === d;
    return true;
  }, "err_date_unreal");

const Url = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => /^(https?:\/\/|mailto:)/i.test(s), "err_link_scheme");

// ALG- and the tool's number: six digits (zero-padded) up to ALG-999999, then as many as the number
// has, up to nine (a national register passes a million tools); one spelling per number.
export const ToolId = z.string().regex(/^ALG-(?:\d{6}|[1-9]\d{6,8})$/, "err_tool_id_format");
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "err_slug_format")
  .max(80);

// ---------------------------------------------------------------- enumerations

export const TOOL_KINDS = [
  "algorithm",
  "app",
  "mini_program",
  "code_system",
  "platform",
  "sensor_device",
  "scoring_system",
  "ai_model",
  "other",
] as const;
export const JURISDICTION_LEVELS = ["national", "province", "city", "district", "street_village"] as const;
export const POLICY_DOMAINS = [
  "public_health",
  "public_security",
  "urban_management",
  "social_assistance",
  "elderly_care",
  "civic_conduct",
  "government_administration",
  "community_governance",
  "integrity_supervision",
  "regional_coordination",
  "transport",
  "public_services",
  "justice",
  "other",
] as const;
export const AGENCY_ROLES = ["decides", "commissions", "builds", "operates", "supplies_data", "oversees"] as const;
export const VENDOR_ROLES = [
  "developer",
  "operator",
  "platform_provider",
  "hardware_supplier",
  "data_processor",
  "algorithm_supplier",
  "other",
] as const;
export const SOURCE_ACCESS = ["published", "available_to_reviewers", "escrow", "none"] as const;
export const MANDATORY_USE = ["yes", "no", "de_facto"] as const;
export const AUTOMATION_LEVELS = ["informs", "recommends", "decides_with_review", "decides_alone"] as const;
export const DATA_CATEGORIES = [
  "identity",
  "contact",
  "location_trajectory",
  "health",
  "biometric",
  "financial",
  "relationships",
  "behaviour_credit",
  "device",
  "other",
] as const;
/**
 * `not_stated` (since version 1.1): a record mirrored from another register whose source gives no
 * stage (338 rows of the US inventory of 2025 leave it empty); this register's own records always
 * state theirs.
 */
export const DEPLOYMENT_STATUSES = ["proposed", "pilot", "in_use", "suspended", "retired", "not_stated"] as const;
// `unreviewed` marks a tool that was deployed without any review and is registered after the
// fact; most of the embedded historical cases are in this state, which is the point.
export const REVIEW_STATUSES = [
  "unreviewed",
  "draft",
  "submitted",
  "in_review",
  "changes_requested",
  "approved",
  "approved_with_conditions",
  "rejected",
  "withdrawn",
] as const;
export const IMPACT_LEVELS = ["I", "II", "III", "IV"] as const;
export const ASSESSMENT_KINDS = ["privacy", "security", "algorithmic", "human_rights", "other"] as const;
export const INCIDENT_KINDS = [
  "data_breach",
  "outage",
  "wrongful_decision",
  "misuse_of_power",
  "function_creep",
  "security_flaw",
] as const;
export const SOURCE_KINDS = ["seed_text", "public_record", "official_document", "news", "academic"] as const;
export const PURPOSE_CHANGE_KINDS = ["purpose", "data_scope"] as const;
export const SECURITY_PROTECTION_LEVELS = ["1", "2", "3", "4", "5"] as const;
// v1.1
/** Registers whose records this register knows how to cite; any other short lower-case key is allowed too. */
export const KNOWN_REGISTERS = ["us-omb-ai-inventory", "uk-atrs", "nl-algoritmeregister", "ca-aia"] as const;
export const CLASSIFICATION_SCHEMES = ["us-omb-high-impact", "nl-publication-category", "ca-aia-level", "eu-ai-act-risk", "register-impact-level"] as const;
export const PROGRESS_STATUSES = ["planned", "in_progress", "done", "not_applicable"] as const;
export const PROCUREMENT_MODES = ["in_house", "contracted", "mixed"] as const;
export const DATASET_PHASES = ["development", "operational"] as const;
export const GOVERNANCE_TOPICS = ["testing", "independentReview", "monitoring", "training", "failSafe", "appeal", "consultation"] as const;
export const REGIMES = ["this_register", "source_register"] as const;

// Every field that may be withheld, by its dotted path. Withholding a field that is not in this
// list is not allowed: identity, purpose, legal basis and the sunset date are never secret.
export const WITHHOLDABLE_FIELDS = [
  "responsibility.contactOffice",
  "responsibility.vendors",
  "purpose.affectedPeople",
  "howItWorks.logic",
  "howItWorks.method",
  "howItWorks.sourceCode",
  "howItWorks.testing",
  "howItWorks.designPeakLoad",
  "dataScope.elements",
  "dataScope.sharingRecipients",
  "dataScope.crossBorderTransfer",
  "dataScope.deidentification",
  "dataScope.securityProtectionLevel",
  "dataScope.peopleCovered",
  "oversight.appealStats",
  "assessments.documents",
  "incidents",
] as const;

// ---------------------------------------------------------------- sections

export const AgencyRef = z
  .object({
    agency: withDoc(Slug, { en: "An agency from the register's list of agencies.", zh: "从登记簿机构名录中选择的机构。" }),
    role: z.enum(AGENCY_ROLES).meta(doc("What the agency does for this tool.", "该机构对本工具承担的角色。")),
  })
  .strict();

export const Vendor = z
  .object({
    name: localizedText("Company or institution name.", "公司或机构名称。", { max: 300 }),
    role: z.enum(VENDOR_ROLES).meta(doc("What the vendor supplies.", "供应商提供的内容。")),
    contractReference: z.string().trim().min(1).max(200).optional().meta(doc("Contract number or procurement reference.", "合同编号或采购项目编号。")),
    contractEnd: IsoDate.optional().meta(doc("When the contract ends.", "供应合同结束的日期。")),
    dataAccess: localizedText("What personal data the vendor can reach, and on what terms.", "供应商可接触哪些个人数据、依据何种条款。").optional(),
    sourceAccess: z.enum(SOURCE_ACCESS).optional().meta(doc("Who may read the source code.", "谁可以查阅源代码。")),
    companyNumber: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta(doc("The vendor's number in its country's company register. Since version 1.1.", "供应商在其所在国企业登记中的编号（如统一社会信用代码）。自 1.1 版起。")),
  })
  .strict();

export const Identity = z
  .object({
    id: withDoc(ToolId, { en: "Stable public id; never changes and is never reused.", zh: "稳定的公开编号，永不更改、永不复用。" }),
    slug: withDoc(Slug, { en: "The readable name in the tool's web address: lower-case letters, digits and hyphens.", zh: "工具网址中的可读名称，只用小写字母、数字和连字符。" }),
    name: localizedText("Name of the tool, in its original language and in translation.", "工具名称（原文与译文）。", { max: 300 }),
    originalLanguage: z
      .string()
      .regex(LANG_TAG_RE, "err_text_lang_tag")
      .meta(
        doc(
          "Language the tool is officially named in: zh or en; since version 1.1 also another language tag, for a record mirrored from another register (e.g. nl).",
          "工具正式名称所用的语言：zh 或 en；自 1.1 版起，转载自其他登记簿的记录也可用其他语言代码（例如 nl）。",
        ),
      ),
    kind: z.enum(TOOL_KINDS).meta(doc("What sort of tool it is.", "工具类型。")),
    jurisdiction: z
      .object({
        level: z.enum(JURISDICTION_LEVELS).meta(doc("Level of government that runs it.", "运行该工具的政府层级。")),
        place: localizedText("Place name (country, province, city, district...).", "地名（国家、省、市、区……）。", { max: 200 }),
      })
      .strict()
      .meta(doc("Where the tool applies.", "工具适用的辖区。")),
    policyDomain: z.enum(POLICY_DOMAINS).meta(doc("Area of public policy.", "所属政策领域。")),
    summary: localizedText("Plain-language summary, at most 400 characters per language.", "通俗摘要，每种语言不超过 400 字。", { max: 400 }),
    description: localizedText("Full description of the tool, in paragraphs; Markdown formatting may be used.", "对工具的完整说明，可分段书写。").optional(),
  })
  .strict()
  .meta(doc("Identity: what the tool is called and what it is.", "基本信息：工具的名称与性质。"));

export const Responsibility = z
  .object({
    agencies: list(AgencyRef, LIST_LIMITS.agencies)
      .min(1, "err_agencies_missing")
      .meta(doc("Agencies that decide, commission or build, operate, supply data to and oversee the tool.", "决策、委托或建设、运营、提供数据和监督该工具的机构。")),
    contactOffice: z
      .object({
        name: localizedText("Office that must answer the public.", "必须答复公众的首问责任部门。", { max: 300 }),
        channel: z.string().trim().min(1).max(300).optional().meta(doc("Phone, e-mail, address or web form.", "电话、邮箱、地址或网上表单。")),
      })
      .strict()
      .optional()
      .meta(doc("First-contact office that must answer the public.", "首问责任部门。")),
    vendors: list(Vendor, LIST_LIMITS.vendors).default([]).meta(doc("Companies that build, run or supply the tool.", "建设、运营或供应该工具的企业。")),
    accountableOfficer: z
      .object({
        role: localizedText("The accountable officer's role or title.", "负责人的职务或头衔。", { max: 300 }),
        name: z.string().trim().min(1).max(200).optional().meta(doc("The officer's name, where the source publishes it.", "负责人姓名（来源公开时填写）。")),
      })
      .strict()
      .optional()
      .meta(doc("The senior official who answers for the tool. Since version 1.1.", "对工具负总责的官员。自 1.1 版起。")),
    team: localizedText("The team or unit that runs the tool day to day. Since version 1.1.", "日常负责该工具的团队或单位。自 1.1 版起。", { max: 500 }).optional(),
  })
  .strict()
  .meta(doc("Responsibility chain: who decides, builds, runs and answers for the tool.", "责任链：谁决定、建设、运营并对工具负责。"));

export const LegalBasis = z
  .object({
    citation: z.string().trim().min(1).max(500).meta(doc("Law, regulation or document relied on.", "所依据的法律、法规或文件。")),
    url: Url.optional().meta(doc("Link to the text.", "原文链接。")),
  })
  .strict();

export const Purpose = z
  .object({
    purpose: localizedText("What the tool is for.", "工具的用途。"),
    legalBasis: list(LegalBasis, LIST_LIMITS.legalBasis)
      .default([])
      .meta(doc("The laws, regulations or documents that allow the tool. If none is listed, the record says that no basis was stated.", "允许使用该工具的法律、法规或文件。一项也未列出时，记录将显示未说明任何依据。")),
    necessity: localizedText("Why the tool is necessary.", "为何必要。").optional(),
    alternativesConsidered: localizedText("Less intrusive alternatives considered.", "考虑过的侵害更小的替代方案。").optional(),
    affectedPeople: z
      .object({
        estimate: z.number().int().nonnegative().optional().meta(doc("Estimated number of people affected.", "受影响人数估计。")),
        description: localizedText("Who is affected.", "受影响的人群。").optional(),
      })
      .strict()
      .optional()
      .meta(doc("Who is affected and how many.", "受影响的人群与人数。")),
    consequences: localizedText("Decisions or consequences for a person.", "对个人产生的决定或后果。").optional(),
    mandatory: z.enum(MANDATORY_USE).optional().meta(doc("Whether people must use it to get a service, by rule or in practice.", "是否必须使用才能获得服务，无论是规定强制还是事实上强制。")),
    nonDigitalAlternative: localizedText("The non-digital route (paper certificate, staffed counter).", "非数字替代途径（纸质证明、人工窗口）。").optional(),
    accessibility: localizedText("Provision for elderly and disabled people.", "面向老年人和残障人士的无障碍安排。").optional(),
    benefits: localizedText("The benefits the tool is expected to bring. Since version 1.1.", "工具预期带来的益处。自 1.1 版起。").optional(),
  })
  .strict()
  .meta(doc("Purpose and legal basis.", "目的与法律依据。"));

export const PurposeChange = z
  .object({
    date: withDoc(PartialDate, { en: "When the change took effect.", zh: "变更生效日期。" }),
    kind: z.enum(PURPOSE_CHANGE_KINDS).meta(doc("Whether the purpose or the data scope changed.", "变更的是用途还是数据范围。")),
    change: localizedText("What changed.", "变更内容。"),
    reviewRef: z.string().trim().min(1).max(100).optional().meta(doc("The review that allowed the change; absent if none did.", "批准该变更的审查；若无则留空。")),
    sources: list(z.string().max(60), LIST_LIMITS.sourceRefs).default([]).meta(doc("The sources behind this entry, each by its citation key.", "本条目所依据的来源，每项填写来源的引用代号。")),
  })
  .strict();

export const HowItWorks = z
  .object({
    automation: z.enum(AUTOMATION_LEVELS).optional().meta(doc("Level of automation.", "自动化程度。")),
    logic: localizedText("The decision logic in plain words (e.g. what turns a code red).", "用通俗语言说明的判定逻辑（例如何种情况赋红码）。").optional(),
    inputs: localizedText("What the tool reads: the data and signals it works from.", "工具读取的数据与信息。").optional(),
    outputs: localizedText("What the tool produces, e.g. a code colour, a score or a list.", "工具产生的结果，例如码的颜色、评分或名单。").optional(),
    method: localizedText("The model or method used, e.g. rules, a scorecard or a trained model.", "所用的模型或方法，例如规则、评分卡或训练得到的模型。").optional(),
    sourceCode: z
      .object({
        url: Url.optional().meta(doc("Where the source code is published.", "源代码公开地址。")),
        reasonNone: localizedText("Why the code is not published.", "未公开代码的原因。").optional(),
      })
      .strict()
      .optional()
      .meta(doc("Link to the source code, or why there is none.", "源代码链接，或不公开的理由。")),
    testing: localizedText("Accuracy and bias testing.", "准确性与偏差测试。").optional(),
    designPeakLoad: z
      .object({
        requestsPerSecond: z.number().nonnegative().optional().meta(doc("Completed requests per second at design peak.", "设计峰值每秒完成请求数。")),
        note: localizedText("How the peak load was set.", "峰值负载的确定方式。").optional(),
      })
      .strict()
      .optional()
      .meta(doc("Peak load the system is designed to carry.", "系统设计承载的峰值负载。")),
  })
  .strict()
  .meta(doc("How it works.", "运作方式。"));

export const DataElement = z
  .object({
    name: localizedText("The piece of data, e.g. licence plate or home address.", "数据项，例如车牌号或住址。", { max: 300 }),
    category: z.enum(DATA_CATEGORIES).meta(doc("Category of data.", "数据类别。")),
    sensitive: z.boolean().meta(doc("Sensitive personal information under the Personal Information Protection Law art. 28.", "是否属于《个人信息保护法》第二十八条规定的敏感个人信息。")),
    sourceSystem: localizedText("System the data comes from.", "数据来源系统。", { max: 300 }).optional(),
    necessity: localizedText("Why this element is necessary.", "该数据项的必要性理由。").optional(),
    granularity: localizedText("Granularity (e.g. street level, every 5 minutes).", "颗粒度（例如街道级、每 5 分钟）。", { max: 300 }).optional(),
    retention: localizedText("How long it is kept, and what happens to it then.", "数据保存多长时间，期满后如何处理。", { max: 300 }).optional(),
  })
  .strict();

export const DataScope = z
  .object({
    elements: list(DataElement, LIST_LIMITS.dataElements).default([]).meta(doc("Each data element with its necessity and retention.", "每个数据项及其必要性与保存期限。")),
    sharingRecipients: list(localizedText("Recipient.", "接收方。", { max: 300 }), LIST_LIMITS.sharingRecipients).default([]).meta(doc("Who the data is shared with.", "数据共享对象。")),
    crossBorderTransfer: z.boolean().optional().meta(doc("Whether data leaves the country.", "是否向境外提供数据。")),
    deidentification: localizedText("De-identification applied.", "去标识化措施。").optional(),
    securityProtectionLevel: z.enum(SECURITY_PROTECTION_LEVELS).optional().meta(doc("Classified security protection level (1-5).", "网络安全等级保护级别（1-5）。")),
    peopleCovered: z.number().int().nonnegative().optional().meta(doc("Number of people whose data is held.", "数据覆盖人数。")),
  })
  .strict()
  .meta(doc("Data scope.", "数据范围。"));

export const AppealStat = z
  .object({
    period: z.string().trim().min(1).max(40).meta(doc("Period, e.g. 2022 or 2022-Q3.", "统计期间，例如 2022 年或 2022 年第三季度。")),
    filed: z.number().int().nonnegative().meta(doc("Appeals filed in the period.", "期间内受理的申诉数。")),
    corrected: z.number().int().nonnegative().meta(doc("Appeals that led to a correction.", "经申诉予以纠正的数量。")),
    medianDays: z.number().nonnegative().optional().meta(doc("Median days to a decision.", "处理天数中位数。")),
  })
  .strict()
  .refine((s) => s.corrected <= s.filed, { message: "err_corrected_exceeds_filed", path: ["corrected"] });

export const Oversight = z
  .object({
    humanOversight: localizedText("Who can overrule the tool and how.", "谁可以推翻工具结果、如何推翻。").optional(),
    appeal: z
      .object({
        channel: localizedText("How to appeal or get a wrong result corrected.", "申诉或纠正错误结果的渠道。"),
        responseDays: z.number().int().nonnegative().optional().meta(doc("Promised response time in days.", "承诺的答复时限（天）。")),
      })
      .strict()
      .optional()
      .meta(doc("Appeal route.", "申诉途径。")),
    appealStats: list(AppealStat, LIST_LIMITS.appealStats).default([]).meta(doc("Appeals filed and corrected per period.", "各期申诉受理与纠正数量。")),
  })
  .strict()
  .meta(doc("Oversight and recourse.", "监督与救济。"));

const LifecycleShape = z
  .object({
    deploymentStatus: z.enum(DEPLOYMENT_STATUSES).meta(doc("Deployment status of the tool.", "工具的部署状态。")),
    reviewStatus: z.enum(REVIEW_STATUSES).meta(doc("Review status of this revision.", "本版本的审查状态。")),
    announcedDate: PartialDate.optional().meta(doc("When the tool was first proposed or announced.", "首次提出或公布日期。")),
    goLiveDate: PartialDate.optional().meta(doc("When it went into use.", "投入使用日期。")),
    sunsetDate: IsoDate.nullable().meta(
      doc(
        "The last day the tool may run. A record without one states that no end date was ever set, and the tool is shown as running without a lawful end date.",
        "工具可运行的最后一天。未填写即表示从未设定终止日期，该工具将被标示为没有合法终止日期。",
      ),
    ),
    renewals: list(
      z
        .object({
          date: IsoDate.meta(doc("Date of the renewal decision.", "续期决定日期。")),
          newSunsetDate: IsoDate.meta(doc("The new last day the tool may run.", "新的可运行最后一天。")),
          reviewRef: z.string().trim().min(1).max(100).optional().meta(doc("The review that allowed the renewal.", "批准续期的审查。")),
        })
        .strict(),
      LIST_LIMITS.renewals,
    )
      .default([])
      .meta(doc("Renewals of the sunset date.", "终止日期的续期记录。")),
    retirement: z
      .object({
        date: PartialDate.meta(doc("When it stopped running.", "停止运行日期。")),
        reason: localizedText("Why it was retired.", "停用原因。"),
      })
      .strict()
      .optional()
      .meta(
        doc(
          "Retirement date and reason: required for a retired tool, except in a record mirrored from another register whose source gives neither (since version 1.1).",
          "停用日期与原因：已停用的工具必须填写；但转载自其他登记簿、且来源未给出日期与原因的记录可以不填（自 1.1 版起）。",
        ),
      ),
  })
  .strict();
const lifecycleDoc = doc("Lifecycle and dates.", "生命周期与日期。");

/**
 * The lifecycle section: a retired tool has its retirement date and reason, and only a retired
 * tool has them. (In a whole record, a record mirrored from another register whose source gives
 * neither may leave them out: see ToolRecord.)
 */
export const Lifecycle = LifecycleShape.refine((l) => (l.deploymentStatus === "retired") === (l.retirement !== undefined), {
  message: "err_retirement_mismatch",
  path: ["retirement"],
}).meta(lifecycleDoc);

/** The lifecycle as a whole record holds it: the "retired needs its retirement" half is checked by ToolRecord, which knows the regime. */
const RecordLifecycle = LifecycleShape.refine((l) => l.retirement === undefined || l.deploymentStatus === "retired", {
  message: "err_retirement_mismatch",
  path: ["retirement"],
}).meta(lifecycleDoc);

export const ImpactAnswers = z
  .object({
    peopleAffected: z.enum(["under_1k", "under_100k", "under_1m", "over_1m"]).meta(doc("How many people it affects.", "影响人数。")),
    dataSensitivity: z.enum(["none", "personal", "sensitive", "sensitive_at_scale"]).meta(doc("Most sensitive data it processes.", "处理的最敏感数据。")),
    automation: z.enum(AUTOMATION_LEVELS).meta(doc("How far it decides on its own.", "自动决策程度。")),
    consequence: z.enum(["minor", "moderate", "serious", "severe"]).meta(doc("Worst consequence for a person.", "对个人的最严重后果。")),
    reversible: z.boolean().meta(doc("Whether a wrong result can be fully undone.", "错误结果能否完全撤销。")),
    mandatory: z.boolean().meta(doc("Whether people must use it to get a service or move freely.", "是否必须使用才能获得服务或自由通行。")),
    vulnerableGroups: z.boolean().meta(doc("Whether it targets or weighs on vulnerable groups.", "是否针对或明显影响弱势群体。")),
    mitigations: list(z.enum(["human_review", "appeal_route", "non_digital_alternative", "data_minimisation", "published_code"]), LIST_LIMITS.mitigations)
      .default([])
      .meta(doc("Mitigations in place; each lowers the score.", "已采取的缓解措施，每项降低得分。")),
  })
  .strict()
  .meta(doc("Answers to the impact questionnaire; the register computes the level from them.", "影响评估问卷答案；登记簿据此计算影响等级。"));

export const Assessments = z
  .object({
    impact: ImpactAnswers.optional(),
    documents: list(
      z
        .object({
          kind: z.enum(ASSESSMENT_KINDS).meta(doc("Kind of assessment.", "评估类型。")),
          title: localizedText("Title.", "标题。", { max: 300 }),
          url: Url.optional().meta(doc("Link to the published assessment.", "评估报告链接。")),
          date: PartialDate.optional().meta(doc("Date of the assessment.", "评估日期。")),
        })
        .strict(),
      LIST_LIMITS.assessmentDocuments,
    )
      .default([])
      .meta(doc("Privacy, security and other assessments.", "隐私、安全及其他评估报告。")),
  })
  .strict()
  .meta(doc("Assessments.", "评估。"));

export const Participation = z
  .object({
    consultationOpens: IsoDate.optional().meta(doc("First day comments are accepted.", "征求意见的第一天。")),
    consultationCloses: IsoDate.optional().meta(doc("Last day comments are accepted.", "征求意见的最后一天。")),
  })
  .strict()
  .meta(doc("Public consultation window (comments and replies are recorded by the register).", "公众征求意见期（意见与答复由登记簿记录）。"));

export const Incident = z
  .object({
    kind: z.enum(INCIDENT_KINDS).meta(doc("Kind of incident.", "事件类型。")),
    date: withDoc(PartialDate, { en: "When it happened.", zh: "发生时间。" }),
    title: localizedText("Short title.", "简短标题。", { max: 300 }),
    description: localizedText("What happened.", "事件经过。"),
    peopleAffected: z.number().int().nonnegative().optional().meta(doc("Number of people affected.", "受影响人数。")),
    response: localizedText("What the operator did.", "运营方的应对。").optional(),
    regulatorNotified: z.boolean().optional().meta(doc("Whether a regulator was notified.", "是否已报告监管机关。")),
    sources: list(z.string().max(60), LIST_LIMITS.sourceRefs).default([]).meta(doc("The sources behind this entry, each by its citation key.", "本条目所依据的来源，每项填写来源的引用代号。")),
  })
  .strict();

export const Withheld = z
  .object({
    field: z.enum(WITHHOLDABLE_FIELDS).meta(doc("Which part of the record is withheld, among those that may be.", "从可以不予公开的记录内容中选择一项。")),
    ground: localizedText("Why it is withheld.", "不予公开的理由。"),
    legalCitation: z.string().trim().min(1).max(500).optional().meta(doc("Legal provision relied on.", "所依据的法律条款。")),
  })
  .strict();

export const Source = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/).max(60).meta(doc("A short key by which incidents and changes cite this source: lower-case letters, digits and hyphens.", "事件和变更记录引用本来源时使用的简短代号，只用小写字母、数字和连字符。")),
    kind: z.enum(SOURCE_KINDS).meta(doc("Kind of source.", "来源类型。")),
    title: localizedText("Title or description of the source.", "来源标题或说明。", { max: 500 }),
    citation: z.string().trim().min(1).max(500).optional().meta(doc("Author, publication, date.", "作者、发表处与日期。")),
    url: Url.optional().meta(doc("Link to the source.", "来源链接。")),
    seedFile: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/).optional().meta(doc("File in the register's seed texts.", "登记簿种子文本文件名。")),
  })
  .strict();

// ---------------------------------------------------------------- version 1.1: record-level fields

/** A source register's key: one of KNOWN_REGISTERS or another short lower-case slug. */
export const RegisterKey = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "err_slug_format")
  .max(60)
  .meta(doc("A register, by its key: us-omb-ai-inventory, uk-atrs, nl-algoritmeregister, ca-aia or another short lower-case key.", "登记簿代号：us-omb-ai-inventory、uk-atrs、nl-algoritmeregister、ca-aia 或其他简短的小写代号。"));

export const ExternalId = z
  .object({
    register: RegisterKey,
    id: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta(
        doc(
          "The record's id in that register, in whatever form it uses; absent when that register publishes none for the record (the US inventory lets agencies leave it out).",
          "该记录在该登记簿中的编号，保持其原有格式；该登记簿未公开编号时不填（美国清单允许机构省略编号）。",
        ),
      ),
    url: Url.optional().meta(doc("The record's address in that register.", "该记录在该登记簿中的网址。")),
    standardVersion: z.string().trim().min(1).max(40).optional().meta(doc("The version of that register's standard the record follows.", "该记录所遵循的该登记簿标准的版本。")),
    publishedOn: PartialDate.optional().meta(doc("When that register first published the record.", "该登记簿首次公开该记录的日期。")),
    updatedOn: PartialDate.optional().meta(doc("When that register last updated the record.", "该登记簿最近更新该记录的日期。")),
    archivedOn: PartialDate.optional().meta(doc("When that register archived the record.", "该登记簿将该记录归档的日期。")),
  })
  .strict();

export const Classification = z
  .object({
    scheme: z.enum(CLASSIFICATION_SCHEMES).meta(doc("The classification scheme: a regime's risk or impact category.", "分类体系：某一制度下的风险或影响类别。")),
    value: z.string().trim().min(1).max(100).meta(doc("The class given, as the scheme writes it (e.g. high-impact, III, high-risk).", "所定类别，按该体系的写法填写（例如 high-impact、III、high-risk）。")),
    justification: localizedText("Why the tool is in this class, as stated.", "所述的归类理由。").optional(),
    date: PartialDate.optional().meta(doc("When the class was given.", "归类日期。")),
  })
  .strict();

export const Risk = z
  .object({
    risk: localizedText("A risk the tool poses.", "工具带来的一项风险。"),
    mitigation: localizedText("What is done about it.", "针对该风险采取的措施。").optional(),
  })
  .strict();

const ProgressStatus = z.enum(PROGRESS_STATUSES);

export const Procurement = z
  .object({
    mode: z.enum(PROCUREMENT_MODES).optional().meta(doc("Whether the tool was built in house, contracted out, or both.", "工具是自行建设、委托外包还是两者兼有。")),
    procedure: localizedText("How the tool was procured: the procedure and its reference.", "采购方式：采购程序及其编号。").optional(),
  })
  .strict()
  .meta(doc("How the tool was procured. Since version 1.1.", "工具的采购情况。自 1.1 版起。"));

export const SecurityAuthorisation = z
  .object({
    scheme: z.string().trim().min(1).max(100).optional().meta(doc("The authorisation scheme, e.g. US FISMA ATO.", "授权制度，例如美国 FISMA 运行授权。")),
    status: ProgressStatus.meta(doc("Where the authorisation stands.", "授权的进展。")),
    date: PartialDate.optional().meta(doc("When it was granted or is expected.", "授予日期或预计日期。")),
    note: localizedText("Anything more about the authorisation.", "关于授权的补充说明。").optional(),
  })
  .strict()
  .meta(doc("Security authorisation to operate. Since version 1.1.", "安全运行授权。自 1.1 版起。"));

export const ModelCard = z
  .object({
    name: localizedText("Name of the model.", "模型名称。", { max: 300 }),
    description: localizedText("What the model is and does.", "模型的性质与作用。").optional(),
    url: Url.optional().meta(doc("Link to the model card or documentation.", "模型说明文档链接。")),
  })
  .strict();

export const DatasetCard = z
  .object({
    name: localizedText("Name of the dataset; absent when the source describes the data without naming it.", "数据集名称；来源只描述数据而未给出名称时不填。", { max: 300 }).optional(),
    description: localizedText("What the dataset holds.", "数据集包含的内容。").optional(),
    url: Url.optional().meta(doc("Link to the dataset or its documentation.", "数据集或其说明文档的链接。")),
    phase: z.enum(DATASET_PHASES).optional().meta(doc("Whether the data was used to develop the tool or is used in operation.", "数据用于开发工具还是用于运行。")),
    source: localizedText("Where the data comes from.", "数据来源。").optional(),
    collection: localizedText("How and when the data was collected.", "数据的收集方式与时间。").optional(),
  })
  .strict()
  .refine((d) => d.name !== undefined || d.description !== undefined || d.url !== undefined || d.source !== undefined, { message: "err_dataset_empty", path: ["name"] });

export const GovernanceAnswer = z
  .object({
    status: ProgressStatus.meta(doc("Planned, in progress, done or not applicable.", "计划中、进行中、已完成或不适用。")),
    detail: localizedText("What was or will be done.", "已做或将做的工作。").optional(),
    date: PartialDate.optional().meta(doc("When it was done or is due.", "完成日期或预定日期。")),
  })
  .strict();

const governanceDocs: Record<(typeof GOVERNANCE_TOPICS)[number], Doc> = {
  testing: { en: "Testing before and during use.", zh: "使用前及使用中的测试。" },
  independentReview: { en: "Review by someone independent of the team.", zh: "由团队以外的独立方进行的审查。" },
  monitoring: { en: "Monitoring of the tool in use.", zh: "对使用中工具的监测。" },
  training: { en: "Training of the staff who use it.", zh: "对使用人员的培训。" },
  failSafe: { en: "What happens when the tool fails, and how it can be stopped.", zh: "工具失灵时如何处理、如何停用。" },
  appeal: { en: "A way for people to contest a result.", zh: "供当事人对结果提出异议的途径。" },
  consultation: { en: "Steps taken to consult the public or those affected.", zh: "征求公众或受影响者意见的措施。" },
};

export const Governance = z
  .object(Object.fromEntries(GOVERNANCE_TOPICS.map((t) => [t, GovernanceAnswer.optional().meta(doc(governanceDocs[t].en, governanceDocs[t].zh))])) as Record<(typeof GOVERNANCE_TOPICS)[number], z.ZodOptional<typeof GovernanceAnswer>>)
  .strict()
  .meta(doc("Governance steps, each planned, in progress, done or not applicable. Since version 1.1.", "治理措施，每项注明计划中、进行中、已完成或不适用。自 1.1 版起。"));

export const WithheldRecord = z
  .object({
    ground: localizedText("Why the whole record is withheld.", "整条记录不予公开的理由。"),
    legalCitation: z.string().trim().min(1).max(500).optional().meta(doc("Legal provision relied on.", "所依据的法律条款。")),
  })
  .strict()
  .meta(
    doc(
      "The whole record is withheld: it is published only as a notice that it exists and why it is withheld. Such a record keeps only what is always public (its name, kind, place, policy area, summary, agencies, purpose, legal basis, dates, sources and ids) and leaves every other part empty. Since version 1.1.",
      "整条记录不予公开：仅公开该记录存在及不予公开的理由。此类记录只保留始终公开的内容（名称、类型、地域、政策领域、摘要、机构、用途、法律依据、日期、来源和编号），其余部分一律留空。自 1.1 版起。",
    ),
  );

export const Regime = z
  .discriminatedUnion("governedBy", [
    z.object({ governedBy: z.literal("this_register").meta(doc("This register's rules govern the record.", "本登记簿的规则适用于该记录。")) }).strict(),
    z
      .object({
        governedBy: z.literal("source_register").meta(doc("The record is mirrored from another register, whose rules govern it.", "该记录转载自另一登记簿，适用该登记簿的规则。")),
        register: RegisterKey,
        sourceUrl: Url.meta(doc("The record's address in the source register.", "该记录在来源登记簿中的网址。")),
        retrievedOn: PartialDate.optional().meta(
          doc(
            "When the record was copied from the source register: a day, or only the month or year when no more is known; absent when the copy is undated.",
            "从来源登记簿复制该记录的日期；只知道年份或月份时可只填年月，复制日期不明时不填。",
          ),
        ),
      })
      .strict(),
  ])
  .meta(doc("Which rules govern the record: this register's (also when absent), or those of the register it is mirrored from. Since version 1.1.", "记录适用的规则：本登记簿的规则（未填写时亦同），或其转载来源登记簿的规则。自 1.1 版起。"));

const ExtensionKey = z
  .string()
  .min(1)
  .max(200)
  .refine((k) => !["__proto__", "constructor", "prototype"].includes(k), "err_extension_key");
const ExtensionValue = z.union([z.string().max(20_000), z.number(), z.boolean(), list(z.string().max(2_000), LIST_LIMITS.extensionListItems)]);

export const Extensions = z
  .record(RegisterKey, z.record(ExtensionKey, ExtensionValue).meta({ maxProperties: LIST_LIMITS.extensionFields }))
  .meta({
    maxProperties: LIST_LIMITS.extensionRegisters,
    ...doc(
      "Fields from a source register that have no place in this standard, kept as they were, by register key: text, numbers, yes/no or lists of text. At most 200 fields in all. Since version 1.1.",
      "来源登记簿中在本标准里没有对应位置的字段，按登记簿代号原样保存：文字、数字、是否或文字列表，合计不超过 200 个字段。自 1.1 版起。",
    ),
  });

/** The fields version 1.1 added, by dotted path ("[]" marks each item of a list); a record of version "1" has none of them. */
export const V11_FIELDS = [
  "responsibility.accountableOfficer",
  "responsibility.team",
  "responsibility.vendors[].companyNumber",
  "purpose.benefits",
  "externalIds",
  "classifications",
  "risks",
  "procurement",
  "securityAuthorisation",
  "models",
  "datasets",
  "governance",
  "withheldRecord",
  "regime",
  "extensions",
] as const;
/** The values version 1.1 added to an enumeration of version 1, by field. */
export const V11_VALUES = { "identity.policyDomain": ["justice"], "lifecycle.deploymentStatus": ["not_stated"] } as const;
/** The languages a record of version 1 may name as its original language; version 1.1 allows any language tag. */
export const V1_ORIGINAL_LANGUAGES = ["zh", "en"] as const;
/** Fields of the record itself, outside the sections the edit forms save one at a time. */
export const RECORD_LEVEL_FIELDS = ["standardVersion", ...V11_FIELDS.filter((f) => !f.includes("."))] as const;

/** Where a record uses something of version 1.1: each path (with row numbers) and what it is. */
export function v11Uses(record: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const visit = (v: unknown, parts: string[], at: (string | number)[]) => {
    if (v === null || typeof v !== "object") return;
    const [head, ...rest] = parts;
    if (head!.endsWith("[]")) {
      const key = head!.slice(0, -2);
      const items = (v as Record<string, unknown>)[key];
      if (Array.isArray(items)) items.forEach((item, i) => visit(item, rest, [...at, key, i]));
      return;
    }
    const child = Object.hasOwn(v, head!) ? (v as Record<string, unknown>)[head!] : undefined;
    if (!rest.length) {
      if (child !== undefined) out.push([...at, head!]);
      return;
    }
    visit(child, rest, [...at, head!]);
  };
  for (const f of V11_FIELDS) visit(record, f.split("."), []);
  for (const [path, values] of Object.entries(V11_VALUES)) {
    const v = valueAt(record, path);
    if ((values as readonly unknown[]).includes(v)) out.push(path.split("."));
  }
  const lang = valueAt(record, "identity.originalLanguage");
  if (typeof lang === "string" && !(V1_ORIGINAL_LANGUAGES as readonly string[]).includes(lang)) out.push(["identity", "originalLanguage"]);
  return out;
}

/** The version a record the register writes declares: unchanged, unless it uses something version 1.1 added. */
export function versionFor<R extends { standardVersion?: unknown }>(record: R): R {
  return record.standardVersion === "1" && v11Uses(record).length ? { ...record, standardVersion: STANDARD_VERSION } : record;
}

/** The record's lists of whole entries, also saved one section at a time by the editor. */
export const PurposeHistoryList = list(PurposeChange, LIST_LIMITS.purposeHistory);
export const IncidentList = list(Incident, LIST_LIMITS.incidents);
export const WithheldList = list(Withheld, LIST_LIMITS.withheld);
export const SourceList = list(Source, LIST_LIMITS.sources);

export const ToolRecord = z
  .object({
    standardVersion: z
      .enum(STANDARD_VERSIONS)
      .meta(doc("Version of this standard the record follows: 1 or 1.1. A record of version 1 uses none of the fields version 1.1 added.", "记录所遵循的标准版本：1 或 1.1。1 版记录不使用 1.1 版新增的字段。")),
    identity: Identity,
    responsibility: Responsibility,
    purpose: Purpose,
    purposeHistory: PurposeHistoryList.default([]).meta(doc("Every change of purpose or data scope after approval.", "批准后每一次用途或数据范围的变更。")),
    howItWorks: HowItWorks,
    dataScope: DataScope,
    oversight: Oversight,
    lifecycle: RecordLifecycle,
    assessments: Assessments,
    participation: Participation.optional(),
    incidents: IncidentList.default([]).meta(doc("Breaches, outages, wrongful decisions, misuse and function creep.", "数据泄露、系统崩溃、错误决定、滥用与功能蔓延等事件。")),
    withheld: WithheldList.default([]).meta(doc("Parts of the record withheld, each with its legal ground.", "不予公开的记录内容，每项附法律依据。")),
    sources: SourceList.min(1, "err_sources_missing").meta(doc("Documents and news behind the record.", "记录所依据的文件与报道。")),
    // version 1.1
    externalIds: list(ExternalId, LIST_LIMITS.externalIds)
      .optional()
      .meta(doc("The record's ids in other registers that publish the same tool. Since version 1.1.", "同一工具在其他登记簿中的记录编号。自 1.1 版起。")),
    classifications: list(Classification, LIST_LIMITS.classifications)
      .optional()
      .meta(doc("Risk or impact classes given to the tool under other regimes, or this register's own level. Since version 1.1.", "工具在其他制度下被定的风险或影响类别，或本登记簿自身的等级。自 1.1 版起。")),
    risks: list(Risk, LIST_LIMITS.risks).optional().meta(doc("Risks the tool poses, each with what is done about it. Since version 1.1.", "工具带来的风险及相应措施。自 1.1 版起。")),
    procurement: Procurement.optional(),
    securityAuthorisation: SecurityAuthorisation.optional(),
    models: list(ModelCard, LIST_LIMITS.models).optional().meta(doc("The models the tool uses. Since version 1.1.", "工具所用的模型。自 1.1 版起。")),
    datasets: list(DatasetCard, LIST_LIMITS.datasets)
      .optional()
      .meta(doc("The data used to develop the tool and the data it uses in operation. Since version 1.1.", "开发工具所用的数据及运行中使用的数据。自 1.1 版起。")),
    governance: Governance.optional(),
    withheldRecord: WithheldRecord.optional(),
    regime: Regime.optional(),
    extensions: Extensions.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const tooLarge = recordSizeProblem(r);
    if (tooLarge) ctx.addIssue({ code: "custom", path: [], message: "err_record_too_large", params: tooLarge });
    const keys = new Set(r.sources.map((s) => s.key));
    r.sources.forEach((s, i) => {
      if (r.sources.findIndex((o) => o.key === s.key) !== i)
        ctx.addIssue({ code: "custom", path: ["sources", i, "key"], message: "err_source_key_repeated", params: { key: s.key } });
    });
    const checkRefs = (refs: string[], path: (string | number)[]) =>
      refs.forEach((k, i) => {
        if (!keys.has(k)) ctx.addIssue({ code: "custom", path: [...path, i], message: "err_source_unknown", params: { key: k } });
      });
    r.incidents.forEach((inc, i) => checkRefs(inc.sources, ["incidents", i, "sources"]));
    r.purposeHistory.forEach((p, i) => checkRefs(p.sources, ["purposeHistory", i, "sources"]));
    r.withheld.forEach((w, i) => {
      if (!isEmptyAt(r, w.field))
        ctx.addIssue({ code: "custom", path: ["withheld", i, "field"], message: "err_withheld_filled", params: { field: w.field } });
    });
    if (r.lifecycle.deploymentStatus === "retired" && r.lifecycle.retirement === undefined && r.regime?.governedBy !== "source_register")
      ctx.addIssue({ code: "custom", path: ["lifecycle", "retirement"], message: "err_retirement_mismatch" });
    if (r.lifecycle.deploymentStatus === "not_stated" && r.regime?.governedBy !== "source_register")
      ctx.addIssue({ code: "custom", path: ["lifecycle", "deploymentStatus"], message: "err_status_not_stated_own" });
    if (r.standardVersion === "1")
      for (const path of v11Uses(r)) ctx.addIssue({ code: "custom", path, message: "err_needs_version_11", params: { version: STANDARD_VERSION } });
    const extensionFields = Object.values(r.extensions ?? {}).reduce((n, o) => n + Object.keys(o).length, 0);
    if (Object.keys(r.extensions ?? {}).length > LIST_LIMITS.extensionRegisters || extensionFields > LIST_LIMITS.extensionFields)
      ctx.addIssue({ code: "custom", path: ["extensions"], message: "err_extensions_too_many", params: { n: extensionFields, max: LIST_LIMITS.extensionFields } });
    if (r.withheldRecord) for (const path of withheldRecordFilled(r)) ctx.addIssue({ code: "custom", path, message: "err_withheld_record_filled", params: { field: path.join(".") } });
    if (r.regime?.governedBy === "source_register" && !r.externalIds?.some((e) => e.register === (r.regime as { register: string }).register))
      ctx.addIssue({ code: "custom", path: ["regime", "register"], message: "err_regime_id_missing", params: { register: r.regime.register } });
  })
  .meta({
    title: "Public Algorithm Register record, standard v1.1",
    ...doc("One record describes one government algorithm, app or code system.", "一条记录描述一个政府算法、应用或“码”系统。"),
  });

export type ToolRecord = z.output<typeof ToolRecord>;
export type ToolRecordInput = z.input<typeof ToolRecord>;
export type ToolKind = (typeof TOOL_KINDS)[number];
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];
export type WithholdableField = (typeof WITHHOLDABLE_FIELDS)[number];
export type ImpactAnswers = z.output<typeof ImpactAnswers>;

/**
 * What a record withheld in full (`withheldRecord`) may still hold: what the public must always
 * see (name and kind, who runs it, its purpose and legal basis, its dates and end date, its
 * sources and ids) and the ground. Everything else must be empty, as a withheld field must be:
 * so the withheld facts are never stored in a public revision, and no export, API answer or
 * mirror can give them away. `true` keeps the whole part.
 */
export const WITHHELD_RECORD_KEEPS: Record<string, true | readonly string[]> = {
  standardVersion: true,
  identity: ["id", "slug", "name", "originalLanguage", "kind", "jurisdiction", "policyDomain", "summary"],
  responsibility: ["agencies"],
  purpose: ["purpose", "legalBasis"],
  lifecycle: true,
  sources: true,
  externalIds: true,
  regime: true,
  withheldRecord: true,
};

const deepEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (Array.isArray(v) ? v.every(deepEmpty) : typeof v === "object" ? Object.values(v as object).every(deepEmpty) : false);

/** The parts of a record withheld in full that are filled but may not be, by path. */
export function withheldRecordFilled(r: Record<string, unknown>): string[][] {
  const out: string[][] = [];
  for (const [key, value] of Object.entries(r)) {
    const keep = WITHHELD_RECORD_KEEPS[key];
    if (keep === true) continue;
    if (!keep || typeof value !== "object" || value === null || Array.isArray(value)) {
      if (!deepEmpty(value)) out.push([key]);
      continue;
    }
    for (const [sub, v] of Object.entries(value)) if (!keep.includes(sub) && !deepEmpty(v)) out.push([key, sub]);
  }
  return out;
}

export function valueAt(record: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), record);
}

function isEmptyAt(record: unknown, path: string): boolean {
  const v = valueAt(record, path);
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

/** Field-level messages keyed by dotted path, for forms and seed checks. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "(record)";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * A stored revision's record, typed. It was checked against the standard when it was written;
 * limits added to the standard since (list lengths, record size) apply to new writes only, so a
 * record that breaks nothing but a newer limit is read as it is, never refused on display.
 */
export function readStoredRecord(json: string): ToolRecord {
  const raw: unknown = JSON.parse(json);
  const parsed = ToolRecord.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (parsed.error.issues.every((i) => i.code === "too_big")) return raw as ToolRecord;
  throw parsed.error;
}
