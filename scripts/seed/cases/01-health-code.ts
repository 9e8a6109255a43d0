// Case 1 of ../shared/cases.md: the health code, national and provincial versions, 2020-2022.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { SEED_000, editorsNote } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000001",
    slug: "health-code",
    name: { zh: "健康码", en: "Health code" },
    originalLanguage: "zh",
    kind: "code_system",
    jurisdiction: { level: "national", place: { zh: "中国（国家版与各省版本）", en: "China (national and provincial versions)" } },
    policyDomain: "public_health",
    summary: {
      zh: "新冠疫情期间（2020-2022年）的红、黄、绿三色码，进入公共场所和乘坐交通工具须出示。系统多次大范围崩溃，出现“认码不认证”，且从未设定终止日期。",
      en: "The red, yellow and green code of the COVID-19 years (2020-2022), required to enter public places and use transport. The systems crashed repeatedly, the code was trusted over medical certificates, and no end date was ever set.",
    },
    description: {
      zh: [
        "健康码以红、黄、绿三种颜色标示持码人的疫情风险，2020年至2022年间在全国使用，有国家版本和各省版本。",
        "",
        "进入公共场所、乘坐公共交通工具都需要出示健康码，因此它**事实上是强制的**。",
        "",
        "- 2020年3月，一位新冠肺炎康复的武汉市民持有包括治愈出院证明在内的10份健康证明，仍因健康码为红码被拒绝登机——“认码不认证”。",
        "- 有患者因没有核酸检测报告而被拒绝救治。",
        "- 据2022年2月发布的第49次《中国互联网络发展状况统计报告》，60岁及以上老年人中能独立出示健康码和行程卡的仅占69.7%。",
        "",
        "2022年12月，各地取消查验健康码（公开记录）。来源中没有记载系统正式下线的日期，也没有设定过终止日期。",
        "",
        editorsNote.zh,
      ].join("\n"),
      en: [
        "The health code marked each holder's epidemic risk in red, yellow or green. It ran nationwide from 2020 to 2022, in a national version and provincial versions.",
        "",
        "Showing it was required to enter public places and to use public transport, so it was **mandatory in practice**.",
        "",
        "- In March 2020 a recovered Wuhan patient carrying ten documents proving her health, including her discharge certificate, was refused boarding because her code was still red: \"the code outranks the certificate\" (认码不认证).",
        "- Patients were refused treatment without a nucleic-acid test report.",
        "- According to CNNIC's 49th Statistical Report on Internet Development (February 2022), only 69.7% of people aged 60 and over could show a health code or trip card on their own.",
        "",
        "Health code checks were dropped in December 2022 (public record). The sources give no date on which the systems were formally switched off, and no end date was ever set.",
        "",
        editorsNote.en,
      ].join("\n"),
    },
  },
  responsibility: {
    agencies: [
      { agency: "state-council-general-office", role: "operates" },
      { agency: "national-health-commission", role: "decides" },
      { agency: "samr", role: "oversees" },
    ],
    vendors: [],
  },
  purpose: {
    purpose: {
      zh: "在新冠疫情防控中识别个人的感染风险，并据此决定其能否进入公共场所、乘坐交通工具。",
      en: "To classify each person's COVID-19 infection risk during epidemic control and decide on that basis whether they may enter public places and use transport.",
    },
    legalBasis: [
      { citation: "GB/T 38961-2020《个人健康信息码 参考模型》" },
      { citation: "GB/T 38962-2020《个人健康信息码 数据格式》" },
      { citation: "GB/T 38963-2020《个人健康信息码 应用接口》" },
    ],
    affectedPeople: {
      description: {
        zh: "需要出行、进入公共场所或就医的所有人，尤其是不会使用智能手机的老年人。",
        en: "Everyone who needed to travel, enter public places or see a doctor, and above all elderly people without a smartphone.",
      },
    },
    consequences: {
      zh: "红码或黄码意味着不能进入公共场所、乘坐交通工具，甚至被拒绝登机或救治。",
      en: "A red or yellow code meant being barred from public places and transport, and in documented cases refused boarding or medical treatment.",
    },
    mandatory: "de_facto",
    accessibility: {
      zh: "据第49次《中国互联网络发展状况统计报告》，60岁及以上老年人中只有69.7%能独立出示健康码和行程卡。来源中没有记载统一的非数字替代途径。",
      en: "Per CNNIC's 49th report, only 69.7% of people aged 60+ could show a health code or trip card on their own. The sources record no general non-digital alternative.",
    },
  },
  purposeHistory: [],
  howItWorks: {
    automation: "decides_alone",
    outputs: { zh: "红、黄、绿三色码。", en: "A red, yellow or green code." },
    designPeakLoad: {
      note: {
        zh: "《国家健康码和核酸系统安全平稳运行工作指引（3.0版）》要求：每秒最大完成请求数应高于地区内最大城市人口数的千分之一。各系统实际设计值未公开。",
        en: "The national work guideline for health code and nucleic-acid systems (v3.0) requires that peak completed requests per second exceed one thousandth of the population of the largest city in the region. No system's actual design figure has been published.",
      },
    },
  },
  dataScope: {
    elements: [
      {
        name: { zh: "位置与行程（精确到社区、乡镇街道）", en: "Location and movements (to community and sub-district level)" },
        category: "location_trajectory",
        sensitive: true,
        granularity: { zh: "社区、乡镇街道级", en: "Community and sub-district level" },
      },
      {
        name: { zh: "到达场所及停留时长", en: "Places visited and time spent there" },
        category: "location_trajectory",
        sensitive: true,
      },
      {
        name: { zh: "密切接触人员信息", en: "People the holder was in contact with" },
        category: "relationships",
        sensitive: true,
      },
      {
        name: { zh: "核酸检测结果", en: "Nucleic-acid test results" },
        category: "health",
        sensitive: true,
      },
      {
        name: { zh: "疫苗接种记录", en: "Vaccination records" },
        category: "health",
        sensitive: true,
      },
    ],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: {
    deploymentStatus: "suspended",
    reviewStatus: "unreviewed",
    goLiveDate: "2020",
    sunsetDate: null,
    renewals: [],
  },
  assessments: {
    impact: {
      peopleAffected: "over_1m",
      dataSensitivity: "sensitive_at_scale",
      automation: "decides_alone",
      consequence: "severe",
      reversible: false,
      mandatory: true,
      vulnerableGroups: true,
      mitigations: [],
    },
    documents: [],
  },
  incidents: [
    {
      kind: "outage",
      date: "2020",
      title: { zh: "2020-2022年多地健康码系统大范围崩溃", en: "Region-wide health code crashes, 2020-2022" },
      description: {
        zh: "由于突发峰值应对能力不足，2020年至2022年间杭州、北京、山东、西安、天津、上海和广东等地的健康码系统先后出现异常甚至全域性崩溃，出行和企业生产经营随之停顿。",
        en: "Lacking capacity for sudden peaks, the health code systems of Hangzhou, Beijing, Shandong, Xi'an, Tianjin, Shanghai and Guangdong failed one after another between 2020 and 2022, some across their whole region, halting travel and business.",
      },
      sources: ["seed-000"],
    },
    {
      kind: "wrongful_decision",
      date: "2020-03",
      title: { zh: "“认码不认证”：康复者持10份证明仍被拒绝登机", en: "\"The code outranks the certificate\": a recovered patient with ten certificates refused boarding" },
      description: {
        zh: "2020年3月，一位新冠肺炎康复的武汉市民准备返回海南，有关部门为她提供了治愈出院证明等10份证明，但因健康码仍为红码，她被拒绝登机。",
        en: "In March 2020 a Wuhan resident who had recovered from COVID-19 and was returning to Hainan carried ten documents from the authorities, including her discharge certificate, but was refused boarding because her code was still red.",
      },
      peopleAffected: 1,
      sources: ["seed-000"],
    },
  ],
  withheld: [],
  sources: [
    SEED_000,
    {
      key: "gbt-38961",
      kind: "official_document",
      title: { zh: "GB/T 38961/38962/38963-2020 个人健康信息码系列国家标准", en: "National standards GB/T 38961, 38962 and 38963-2020 on the personal health information code" },
      citation: "SAMR / SAC, 2020 (public record)",
    },
    {
      key: "dec-2022",
      kind: "public_record",
      title: { zh: "2022年12月取消查验健康码", en: "Health code checks dropped in December 2022" },
      citation: "Public record, December 2022",
    },
  ],
};

export default record;
