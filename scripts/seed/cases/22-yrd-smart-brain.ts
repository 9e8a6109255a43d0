// Case 22 of ../shared/cases.md: the Yangtze River Delta demonstration zone's cross-province smart brain.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_004, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000022",
    slug: "yrd-cross-province-smart-brain",
    name: L("长三角示范区跨省域智慧大脑", "Cross-province smart brain (Yangtze River Delta demonstration zone)"),
    originalLanguage: "zh",
    kind: "platform",
    jurisdiction: { level: "province", place: L("长三角生态绿色一体化发展示范区（沪苏浙）", "Yangtze River Delta eco-green integration demonstration zone (Shanghai, Jiangsu, Zhejiang)") },
    policyDomain: "regional_coordination",
    summary: L(
      "2023年1月29日上线的全国首个跨省域智慧大脑，依托长三角区域数据共享交换平台，打通两省一市18条数据链路，汇聚242项数据资源。",
      "China's first cross-province smart brain, launched on 29 January 2023 on the Yangtze River Delta data-sharing and exchange platform: 18 data links and 242 data resources across two provinces and one city.",
    ),
    description: describe(
      [
        "2023年1月29日，长三角生态绿色一体化发展示范区上线全国首个跨省域智慧大脑。它依托长三角区域数据共享交换平台，打通两省一市三级八方的18条数据链路，汇聚242项数据资源，形成涵盖基础库、主题库、专题库的数据资源池，用于跨区域协同治理。",
        "来源中没有记载这242项数据资源包含哪些个人数据、跨省共享的条款、保存期限或终止日期。",
      ],
      [
        "On 29 January 2023 the Yangtze River Delta eco-green integration demonstration zone launched China's first cross-province smart brain. Built on the region's data-sharing and exchange platform, it joins 18 data links across two provinces and one city at three levels of government and pools 242 data resources into base, thematic and special-topic databases for governance across the borders.",
        "The sources do not say which personal data the 242 resources include, the terms of sharing across provinces, retention periods or an end date.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "yrd-demonstration-zone-executive-committee", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("跨省共享数据，支持示范区的跨区域协同治理。", "To share data across provincial borders for joint governance of the demonstration zone."),
    legalBasis: [],
  },
  purposeHistory: [],
  howItWorks: {
    inputs: L("两省一市18条数据链路汇聚的242项数据资源。", "242 data resources from 18 data links across two provinces and one city."),
  },
  dataScope: {
    elements: [{ name: L("242项跨省数据资源（基础库、主题库、专题库）", "242 cross-province data resources (base, thematic and special-topic databases)"), category: "other", sensitive: false }],
    sharingRecipients: [L("上海市、江苏省、浙江省的有关部门", "Agencies in Shanghai, Jiangsu and Zhejiang")],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", goLiveDate: "2023-01-29", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_004],
};

export default record;
