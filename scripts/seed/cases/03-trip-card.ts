// Case 3 of ../shared/cases.md: the communication trip card, taken offline on 13 December 2022.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000003",
    slug: "communication-trip-card",
    name: L("通信行程卡", "Communication trip card"),
    originalLanguage: "zh",
    kind: "code_system",
    jurisdiction: { level: "national", place: L("中国", "China") },
    policyDomain: "public_health",
    summary: L(
      "根据手机信号生成的行程记录。在省界附近，它会显示持卡人到过从未进入的邻省。2022年12月13日下线。",
      "A travel record built from mobile-phone signals. Near provincial borders it showed people as having visited a neighbouring province they never entered. Taken offline on 13 December 2022.",
    ),
    description: describe(
      [
        "通信行程卡根据手机信号记录持卡人到过的地方，在疫情防控中与健康码一起查验。",
        "由于依据的是基站信号，生活在省界附近的人常被显示为到过从未踏足的邻省。来源中没有记载纠正错误记录的途径。",
        "2022年12月13日，通信行程卡下线（公开记录）。",
      ],
      [
        "The communication trip card recorded where its holder had been from mobile-phone signals, and was checked alongside the health code during epidemic control.",
        "Because it relied on cell-tower signals, people living near provincial borders were often shown as having visited a neighbouring province they had never entered. The sources record no route to have a wrong record corrected.",
        "The trip card was taken offline on 13 December 2022 (public record).",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "miit", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("在疫情防控中证明持卡人近期到过的地区。", "To show, during epidemic control, which regions the holder had recently visited."),
    legalBasis: [],
    mandatory: "de_facto",
    accessibility: L(
      "据第49次《中国互联网络发展状况统计报告》，60岁及以上老年人中只有69.7%能独立出示健康码和行程卡。",
      "Per CNNIC's 49th report, only 69.7% of people aged 60+ could show a health code or trip card on their own.",
    ),
  },
  purposeHistory: [],
  howItWorks: {
    automation: "decides_alone",
    inputs: L("手机信号（基站）位置。", "Mobile-phone (cell-tower) location."),
    outputs: L("持卡人近期到访的省市列表。", "A list of provinces and cities the holder recently visited."),
  },
  dataScope: {
    elements: [
      { name: L("手机号码", "Mobile phone number"), category: "contact", sensitive: false },
      { name: L("基于手机信号的到访地区", "Regions visited, from mobile-phone signals"), category: "location_trajectory", sensitive: true },
    ],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: {
    deploymentStatus: "retired",
    reviewStatus: "unreviewed",
    sunsetDate: null,
    renewals: [],
    retirement: { date: "2022-12-13", reason: L("疫情防控措施调整，通信行程卡下线（公开记录）。", "Epidemic control measures were lifted and the trip card was taken offline (public record).") },
  },
  assessments: { documents: [] },
  incidents: [
    {
      kind: "wrongful_decision",
      date: "2022",
      title: L("省界附近的人被误显示到过邻省", "People near provincial borders wrongly shown as having visited a neighbouring province"),
      description: L(
        "行程卡依据基站信号判定行程，省界附近的居民被显示为到过从未进入的邻省，由此可能受到出行和隔离限制。",
        "Because the card judged movements from cell-tower signals, residents near provincial borders were shown as having visited a neighbouring province they never entered, which could bring travel and quarantine restrictions.",
      ),
      sources: ["seed-000"],
    },
  ],
  withheld: [],
  sources: [
    SEED_000,
    { key: "offline-2022-12-13", kind: "public_record", title: L("通信行程卡于2022年12月13日下线", "The trip card taken offline on 13 December 2022"), citation: "Public record, 13 December 2022" },
  ],
};

export default record;
