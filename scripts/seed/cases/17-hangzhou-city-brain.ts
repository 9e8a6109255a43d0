// Case 17 of ../shared/cases.md: Hangzhou City Brain, proposed in 2016, starting with traffic.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_004, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000017",
    slug: "hangzhou-city-brain",
    name: L("杭州城市大脑", "Hangzhou City Brain"),
    originalLanguage: "zh",
    kind: "platform",
    jurisdiction: { level: "city", place: L("浙江省杭州市", "Hangzhou, Zhejiang") },
    policyDomain: "urban_management",
    summary: L(
      "杭州于2016年在全国率先提出建设城市大脑，以交通治理为突破口，用数字化手段驱动城市治理，汇聚城市级数据仓库，实现市、区两级协同。",
      "Proposed by Hangzhou in 2016 as the first of its kind in China, starting with traffic management: a city-level data warehouse and hub meant to drive city governance digitally and join up city and district systems.",
    ),
    description: describe(
      [
        "2016年，杭州在全国率先提出建设城市大脑，以交通治理为突破口。",
        "城市大脑采用“531”架构：“五个一”即打通一张网、构建一朵云、汇聚一个库（城市级数据仓库）、建设一个中枢、建强一个大脑；“三个通”即市、区、部门间，中枢、系统、平台、场景间，以及政府与市场间互联互通；“一”即一个新的城市基础设施。",
        "来源中没有记载汇聚了哪些个人数据、由哪些企业建设、数据保存期限或公众申诉途径。",
      ],
      [
        "In 2016 Hangzhou was the first city in China to plan a City Brain, taking traffic management as its starting point.",
        "The City Brain follows a \"5-3-1\" design: five \"ones\" (one network so data flows freely, one cloud, one city-level data warehouse, one hub, one brain), three kinds of connection (between city, districts and departments; between hub, systems, platforms and scenarios; between government and market), and one new kind of city infrastructure.",
        "The sources do not say which personal data it pools, which companies built it, how long data is kept or how the public can appeal.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "hangzhou-municipal-government", role: "decides" }],
    vendors: [],
  },
  purpose: {
    purpose: L("以数字化手段驱动城市治理，首先用于交通治理。", "To drive city governance digitally, starting with traffic management."),
    legalBasis: [],
  },
  purposeHistory: [],
  howItWorks: {
    method: L("“531”架构：一张网、一朵云、一个库、一个中枢、一个大脑。", "The \"5-3-1\" design: one network, one cloud, one data warehouse, one hub, one brain."),
  },
  dataScope: { elements: [], sharingRecipients: [] },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", announcedDate: "2016", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_004],
};

export default record;
