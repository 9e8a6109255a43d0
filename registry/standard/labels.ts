// Bilingual labels for every enumerated value of the standard, used by the pages, the data
// dictionary and exports. test/unit/labels.test.ts checks that no value is missing a label.
import type { LocalizedText } from "./v1";

type Labels = Record<string, { zh: string; en: string }>;

export const LABELS = {
  kind: {
    algorithm: { zh: "算法", en: "Algorithm" },
    app: { zh: "应用程序", en: "App" },
    mini_program: { zh: "小程序", en: "Mini-program" },
    code_system: { zh: "“码”系统", en: "Code system" },
    platform: { zh: "平台", en: "Platform" },
    sensor_device: { zh: "传感器 / 设备", en: "Sensor or device" },
    scoring_system: { zh: "评分或积分系统", en: "Scoring or points system" },
    ai_model: { zh: "人工智能模型", en: "AI model" },
    other: { zh: "其他", en: "Other" },
  },
  jurisdiction: {
    national: { zh: "国家级", en: "National" },
    province: { zh: "省级", en: "Province" },
    city: { zh: "市级", en: "City" },
    district: { zh: "区县级", en: "District or county" },
    street_village: { zh: "街道 / 乡镇 / 村", en: "Street, town or village" },
  },
  policyDomain: {
    public_health: { zh: "公共卫生", en: "Public health" },
    public_security: { zh: "公共安全", en: "Public security" },
    urban_management: { zh: "城市管理", en: "Urban management" },
    social_assistance: { zh: "社会救助", en: "Social assistance" },
    elderly_care: { zh: "养老服务", en: "Elderly care" },
    civic_conduct: { zh: "文明行为", en: "Civic conduct" },
    government_administration: { zh: "政务办公", en: "Government administration" },
    community_governance: { zh: "基层治理", en: "Community governance" },
    integrity_supervision: { zh: "廉政监督", en: "Integrity supervision" },
    regional_coordination: { zh: "区域协同", en: "Regional coordination" },
    transport: { zh: "交通", en: "Transport" },
    public_services: { zh: "公共服务", en: "Public services" },
    justice: { zh: "司法与矫正", en: "Justice" },
    other: { zh: "其他", en: "Other" },
  },
  agencyRole: {
    decides: { zh: "决策", en: "Decides" },
    commissions: { zh: "委托 / 建设方", en: "Commissions" },
    builds: { zh: "建设", en: "Builds" },
    operates: { zh: "运营", en: "Operates" },
    supplies_data: { zh: "提供数据", en: "Supplies data" },
    oversees: { zh: "监督", en: "Oversees" },
  },
  vendorRole: {
    developer: { zh: "开发商", en: "Developer" },
    operator: { zh: "运维方", en: "Operator" },
    platform_provider: { zh: "平台提供方", en: "Platform provider" },
    hardware_supplier: { zh: "硬件供应商", en: "Hardware supplier" },
    data_processor: { zh: "数据处理方", en: "Data processor" },
    algorithm_supplier: { zh: "算法供应商", en: "Algorithm supplier" },
    other: { zh: "其他", en: "Other" },
  },
  sourceAccess: {
    published: { zh: "已公开", en: "Published" },
    available_to_reviewers: { zh: "可供审查人员查阅", en: "Available to reviewers" },
    escrow: { zh: "第三方托管", en: "Held in escrow" },
    none: { zh: "不可查阅", en: "No access" },
  },
  mandatory: {
    yes: { zh: "强制使用", en: "Mandatory" },
    no: { zh: "自愿使用", en: "Voluntary" },
    de_facto: { zh: "事实上强制", en: "Mandatory in practice" },
  },
  automation: {
    informs: { zh: "仅提供信息", en: "Informs a person" },
    recommends: { zh: "提出建议", en: "Recommends" },
    decides_with_review: { zh: "自动决定，经人工复核", en: "Decides, with human review" },
    decides_alone: { zh: "完全自动决定", en: "Decides alone" },
  },
  category: {
    identity: { zh: "身份信息", en: "Identity" },
    contact: { zh: "联系方式", en: "Contact" },
    location_trajectory: { zh: "位置与行踪", en: "Location and trajectory" },
    health: { zh: "健康", en: "Health" },
    biometric: { zh: "生物识别", en: "Biometric" },
    financial: { zh: "金融财务", en: "Financial" },
    relationships: { zh: "社会关系 / 接触者", en: "Relationships and contacts" },
    behaviour_credit: { zh: "行为与信用", en: "Behaviour and credit" },
    device: { zh: "设备", en: "Device" },
    other: { zh: "其他", en: "Other" },
  },
  status: {
    proposed: { zh: "拟议", en: "Proposed" },
    pilot: { zh: "试点", en: "Pilot" },
    in_use: { zh: "使用中", en: "In use" },
    suspended: { zh: "已暂停", en: "Suspended" },
    retired: { zh: "已停用", en: "Retired" },
    not_stated: { zh: "来源未说明", en: "Not stated by the source" },
  },
  review: {
    unreviewed: { zh: "未经审查", en: "Never reviewed" },
    draft: { zh: "草稿", en: "Draft" },
    submitted: { zh: "已提交", en: "Submitted" },
    in_review: { zh: "审查中", en: "In review" },
    changes_requested: { zh: "要求修改", en: "Changes requested" },
    approved: { zh: "已批准", en: "Approved" },
    approved_with_conditions: { zh: "附条件批准", en: "Approved with conditions" },
    rejected: { zh: "已否决", en: "Rejected" },
    withdrawn: { zh: "已撤回", en: "Withdrawn" },
    // Not a revision status: the lists' value for a record mirrored from another register, which
    // this register does not review (registry/records/query.ts SOURCE_REGIME).
    source_regime: { zh: "不由本登记簿审查（适用来源登记簿规则）", en: "Not reviewed here: governed by its source register" },
  },
  // China's classified protection of information systems (网络安全等级保护), levels 1 to 5.
  securityProtectionLevel: {
    "1": { zh: "第一级", en: "Level 1" },
    "2": { zh: "第二级", en: "Level 2" },
    "3": { zh: "第三级", en: "Level 3" },
    "4": { zh: "第四级", en: "Level 4" },
    "5": { zh: "第五级", en: "Level 5" },
  },
  level: {
    I: { zh: "Ⅰ级（低）", en: "Level I (low)" },
    II: { zh: "Ⅱ级", en: "Level II" },
    III: { zh: "Ⅲ级", en: "Level III" },
    IV: { zh: "Ⅳ级（最高）", en: "Level IV (highest)" },
    none: { zh: "未评估", en: "Not assessed" },
    // Not a level: the lists' value for a mirrored record without this register's impact assessment.
    source_regime: { zh: "不由本登记簿评估（适用来源登记簿规则）", en: "Not assessed here: governed by its source register" },
  },
  sunset: {
    ok: { zh: "有效期内", en: "Within its term" },
    due_soon: { zh: "即将到达终止日期", en: "Sunset due soon" },
    lapsed: { zh: "已过终止日期，继续运行即违规", en: "Lapsed: unlawful to keep running" },
    no_sunset: { zh: "未设终止日期", en: "No end date set" },
    retired: { zh: "已停用", en: "Retired" },
    not_applicable: { zh: "未部署", en: "Never deployed" },
    source_regime: { zh: "适用来源登记簿的规则", en: "Governed by its source register" },
  },
  sensitive: {
    yes: { zh: "含敏感个人信息", en: "Holds sensitive data" },
    no: { zh: "不含敏感个人信息", en: "No sensitive data" },
  },
  incident: {
    data_breach: { zh: "数据泄露", en: "Data breach" },
    outage: { zh: "系统故障 / 崩溃", en: "Outage" },
    wrongful_decision: { zh: "错误决定", en: "Wrongful decision" },
    misuse_of_power: { zh: "权力滥用", en: "Misuse of power" },
    function_creep: { zh: "功能蔓延", en: "Function creep" },
    security_flaw: { zh: "安全漏洞", en: "Security flaw" },
  },
  assessmentKind: {
    privacy: { zh: "个人信息保护影响评估", en: "Privacy impact assessment" },
    security: { zh: "安全评估", en: "Security assessment" },
    algorithmic: { zh: "算法评估", en: "Algorithmic assessment" },
    human_rights: { zh: "权利影响评估", en: "Rights impact assessment" },
    other: { zh: "其他评估", en: "Other assessment" },
  },
  sourceKind: {
    seed_text: { zh: "原始文献", en: "Source text" },
    public_record: { zh: "公开记录", en: "Public record" },
    official_document: { zh: "官方文件", en: "Official document" },
    news: { zh: "新闻报道", en: "News report" },
    academic: { zh: "学术文献", en: "Academic source" },
  },
  purposeChange: {
    purpose: { zh: "用途变更", en: "Change of purpose" },
    data_scope: { zh: "数据范围变更", en: "Change of data scope" },
  },
  peopleAffected: {
    under_1k: { zh: "少于 1 千人", en: "Under 1,000 people" },
    under_100k: { zh: "少于 10 万人", en: "Under 100,000 people" },
    under_1m: { zh: "少于 100 万人", en: "Under 1 million people" },
    over_1m: { zh: "100 万人以上", en: "Over 1 million people" },
  },
  dataSensitivity: {
    none: { zh: "无个人信息", en: "No personal data" },
    personal: { zh: "一般个人信息", en: "Personal data" },
    sensitive: { zh: "敏感个人信息", en: "Sensitive data" },
    sensitive_at_scale: { zh: "大规模敏感个人信息", en: "Sensitive data at scale" },
  },
  consequence: {
    minor: { zh: "轻微", en: "Minor" },
    moderate: { zh: "中等", en: "Moderate" },
    serious: { zh: "严重", en: "Serious" },
    severe: { zh: "极其严重", en: "Severe" },
  },
  mitigation: {
    human_review: { zh: "人工复核", en: "Human review" },
    appeal_route: { zh: "申诉途径", en: "Appeal route" },
    non_digital_alternative: { zh: "非数字替代途径", en: "Non-digital alternative" },
    data_minimisation: { zh: "数据最小化", en: "Data minimisation" },
    published_code: { zh: "公开代码", en: "Published code" },
  },
  impactFactor: {
    peopleAffected: { zh: "影响人数", en: "People affected" },
    dataSensitivity: { zh: "数据敏感度", en: "Data sensitivity" },
    automation: { zh: "自动化程度", en: "Automation" },
    consequence: { zh: "后果严重程度", en: "Severity of consequences" },
    irreversible: { zh: "不可逆", en: "Not reversible" },
    mandatory: { zh: "强制使用", en: "Mandatory use" },
    vulnerableGroups: { zh: "涉及弱势群体", en: "Vulnerable groups" },
  },
  eventKind: {
    published_by_editors: { zh: "编辑登记发布", en: "Published by the editors" },
    submitted: { zh: "提交审查", en: "Submitted for review" },
    withdrawn: { zh: "撤回", en: "Withdrawn" },
    imported: { zh: "从其他登记簿导入", en: "Imported from another register" },
    review_started: { zh: "开始审查", en: "Review started" },
    decision: { zh: "审查决定", en: "Review decision" },
    status_changed: { zh: "状态变更", en: "Status changed" },
    purpose_changed: { zh: "用途或数据范围变更", en: "Purpose or data scope changed" },
    retired: { zh: "停用", en: "Retired" },
    comment_moderated: { zh: "评论审核", en: "Comment moderated" },
    comment_replied: { zh: "机构回复评论", en: "Agency replied to a comment" },
    consultation_response: { zh: "机构答复征求意见", en: "Agency response to the consultation" },
    report_resolved: { zh: "公众报告处理", en: "Public report handled" },
    incident_recorded: { zh: "记录事件", en: "Incident recorded" },
    appeal_stats_published: { zh: "公布申诉统计", en: "Appeal statistics published" },
    responsibility_confirmed: { zh: "机构确认共同责任", en: "Agency confirmed its responsibility" },
    responsibility_declined: { zh: "机构拒绝共同责任", en: "Agency declined responsibility" },
    tool_taken_over: { zh: "机构接管登记簿编辑登记的记录", en: "Agency took over the record the register's editors registered" },
    account_created: { zh: "创建账户", en: "Account created" },
    account_reinvited: { zh: "重新发送账户邀请", en: "Account invitation renewed" },
    account_activated: { zh: "账户设置密码", en: "Account password set" },
    account_disabled: { zh: "停用账户", en: "Account disabled" },
    account_enabled: { zh: "重新启用账户", en: "Account re-enabled" },
    account_role_changed: { zh: "变更账户角色或机构", en: "Account role or agency changed" },
    agency_created: { zh: "新增机构", en: "Agency added" },
    agency_updated: { zh: "修改机构信息", en: "Agency details changed" },
    restored: { zh: "从备份恢复登记簿", en: "Register restored from a backup" },
  },
  chainBreak: {
    hash_mismatch: { zh: "内容与哈希值不符", en: "its content does not match its hash" },
    prev_hash_mismatch: { zh: "未接续上一条记录的哈希值", en: "it does not carry the previous entry's hash" },
    id_gap: { zh: "记录缺失", en: "an entry is missing before it" },
  },
  criterion: {
    "1": { zh: "合法依据与正当目的", en: "Lawful basis and legitimate purpose" },
    "2": { zh: "必要性、相称性与数据最小化", en: "Necessity, proportionality and data minimisation" },
    "3": { zh: "安全与数据保护（含供应商访问）", en: "Security and data protection (including vendor access)" },
    "4": { zh: "有效性与承载能力", en: "Effectiveness and capacity" },
    "5": { zh: "包容与无障碍", en: "Inclusion and accessibility" },
    "6": { zh: "人工监督与救济", en: "Human oversight and recourse" },
    "7": { zh: "透明度", en: "Transparency" },
    "8": { zh: "公众参与", en: "Public participation" },
    "9": { zh: "问责", en: "Accountability" },
    "10": { zh: "目的限制与终止日期", en: "Purpose limitation and sunset" },
  },
  rating: {
    met: { zh: "符合", en: "Met" },
    partly_met: { zh: "部分符合", en: "Partly met" },
    not_met: { zh: "不符合", en: "Not met" },
    not_applicable: { zh: "不适用", en: "Not applicable" },
  },
  severity: {
    low: { zh: "低", en: "Low" },
    medium: { zh: "中", en: "Medium" },
    high: { zh: "高", en: "High" },
  },
  reportKind: {
    record_problem: { zh: "记录有误", en: "Problem with a record" },
    unregistered_tool: { zh: "未登记的工具", en: "Unregistered tool" },
  },
  reportStatus: {
    new: { zh: "新报告", en: "New" },
    confirmed: { zh: "已确认", en: "Confirmed" },
    dismissed: { zh: "已驳回", en: "Dismissed" },
  },
  decision: {
    approve: { zh: "批准", en: "Approve" },
    approve_with_conditions: { zh: "附条件批准", en: "Approve with conditions" },
    request_changes: { zh: "要求修改", en: "Request changes" },
    reject: { zh: "否决", en: "Reject" },
  },
  // version 1.1
  register: {
    "us-omb-ai-inventory": { zh: "美国联邦人工智能用例清单", en: "US federal AI use case inventory" },
    "uk-atrs": { zh: "英国算法透明度记录标准", en: "UK Algorithmic Transparency Recording Standard" },
    "nl-algoritmeregister": { zh: "荷兰政府算法登记簿", en: "Dutch Algorithm Register" },
    "ca-aia": { zh: "加拿大算法影响评估", en: "Canada's Algorithmic Impact Assessment" },
  },
  classificationScheme: {
    "us-omb-high-impact": { zh: "美国管理和预算办公室：高影响人工智能", en: "US OMB: high-impact AI" },
    "nl-publication-category": { zh: "荷兰政府算法登记簿：公开类别", en: "Dutch Algorithm Register: publication category" },
    "ca-aia-level": { zh: "加拿大算法影响评估：影响等级", en: "Canada AIA: impact level" },
    "eu-ai-act-risk": { zh: "欧盟人工智能法：风险类别", en: "EU AI Act: risk category" },
    "register-impact-level": { zh: "本登记簿：影响等级", en: "This register: impact level" },
  },
  progress: {
    planned: { zh: "计划中", en: "Planned" },
    in_progress: { zh: "进行中", en: "In progress" },
    done: { zh: "已完成", en: "Done" },
    not_applicable: { zh: "不适用", en: "Not applicable" },
  },
  procurementMode: {
    in_house: { zh: "自行建设", en: "Built in house" },
    contracted: { zh: "委托外包", en: "Contracted out" },
    mixed: { zh: "自建与外包兼有", en: "Partly in house, partly contracted" },
  },
  datasetPhase: {
    development: { zh: "开发用数据", en: "Development data" },
    operational: { zh: "运行用数据", en: "Operational data" },
  },
  regime: {
    this_register: { zh: "适用本登记簿规则", en: "Governed by this register's rules" },
    source_register: { zh: "转载记录，适用来源登记簿规则", en: "Mirrored: governed by the source register's rules" },
    // The list's regime filter names the register a record is mirrored from (registry/records/query.ts REGIME_VALUES).
    "us-omb-ai-inventory": { zh: "转载自美国联邦人工智能用例清单", en: "Mirrored from the US federal AI use case inventory" },
    "uk-atrs": { zh: "转载自英国算法透明度记录标准", en: "Mirrored from the UK Algorithmic Transparency Recording Standard" },
    "nl-algoritmeregister": { zh: "转载自荷兰政府算法登记簿", en: "Mirrored from the Dutch Algorithm Register" },
    "ca-aia": { zh: "转载自加拿大算法影响评估", en: "Mirrored from Canada's Algorithmic Impact Assessment" },
    other_register: { zh: "转载自其他登记簿", en: "Mirrored from another register" },
  },
} satisfies Record<string, Labels>;

export type LabelGroup = keyof typeof LABELS;

/** The label of `value` in `group`, or the raw value if it has none. */
export function label(group: LabelGroup, value: string | null | undefined, lang: "zh" | "en"): string {
  if (value === null || value === undefined) return "";
  const l = (LABELS[group] as Labels)[value];
  return l ? l[lang] : value;
}

export function labelText(group: LabelGroup, value: string): LocalizedText {
  return (LABELS[group] as Labels)[value] ?? { en: value };
}
