// Case 6 of ../shared/cases.md: the nucleic-acid record lookup and its use by employers.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000006",
    slug: "nucleic-acid-record-lookup",
    name: L("核酸检测记录查询", "Nucleic-acid test record lookup"),
    originalLanguage: "zh",
    kind: "mini_program",
    jurisdiction: { level: "national", place: L("中国", "China") },
    policyDomain: "public_health",
    summary: L(
      "国务院客户端小程序以及支付宝、微信上的核酸检测记录查询，2022年7月前可查3个月的检测记录。用人单位借此拒绝曾住方舱医院或曾感染的求职者。",
      "The nucleic-acid record lookup in the State Council client mini-program, Alipay and WeChat showed three months of test history until July 2022. Employers used it to turn away applicants who had been in Fangcang hospitals or had recovered from COVID-19.",
    ),
    description: describe(
      [
        "国务院客户端小程序和支付宝、微信提供核酸检测记录查询。2022年7月之前，可以查到持有人过去3个月的全部检测记录。",
        "一些用人单位利用这些记录拒绝求职者，招聘启事中出现“方舱医院出来的不要”“阳过的不要”等要求。防疫数据被用于就业筛选，这是典型的功能蔓延。",
        "2022年7月，查询范围缩短（来源中所记的变更）。",
      ],
      [
        "The State Council client mini-program, Alipay and WeChat offered a lookup of nucleic-acid test records. Until July 2022 it showed the holder's full test history for the past three months.",
        "Some employers used these records to turn applicants away, with job ads saying \"no one who stayed in a Fangcang hospital\" and \"no recovered cases\". Epidemic data used to screen job seekers is function creep.",
        "In July 2022 the period shown was shortened (the change recorded in the source).",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "state-council-general-office", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("让个人查询自己的核酸检测记录，用于疫情防控。", "To let people look up their own nucleic-acid test records for epidemic control."),
    legalBasis: [],
  },
  purposeHistory: [
    {
      date: "2022-07",
      kind: "data_scope",
      change: L("查询可见的检测记录不再是过去3个月的全部记录。", "The lookup stopped showing the full three months of test history."),
      sources: ["seed-000"],
    },
  ],
  howItWorks: { outputs: L("持有人的核酸检测记录列表。", "A list of the holder's nucleic-acid test records.") },
  dataScope: {
    elements: [
      { name: L("核酸检测记录", "Nucleic-acid test records"), category: "health", sensitive: true, retention: L("2022年7月前可查3个月", "Three months were shown until July 2022") },
    ],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "suspended", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [
    {
      kind: "function_creep",
      date: "2022",
      title: L("用人单位用检测记录拒绝求职者", "Employers used test records to refuse applicants"),
      description: L(
        "用人单位查看求职者的核酸检测记录，拒绝曾住方舱医院或曾感染新冠的人（“方舱医院出来的不要”“阳过的不要”）。",
        "Employers checked applicants' test records and refused people who had stayed in a Fangcang hospital or had recovered from COVID-19 (\"no one from a Fangcang hospital\", \"no recovered cases\").",
      ),
      sources: ["seed-000"],
    },
  ],
  withheld: [],
  sources: [SEED_000],
};

export default record;
