// Case 14 of ../shared/cases.md: Zhejiang Zhengding, the government work platform.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000014",
    slug: "zhejiang-zhengding",
    name: L("浙政钉", "Zhejiang Zhengding"),
    originalLanguage: "zh",
    kind: "platform",
    jurisdiction: { level: "province", place: L("浙江省", "Zhejiang province") },
    policyDomain: "government_administration",
    summary: L(
      "浙江省政府的办公平台，覆盖省、市、县、乡镇、村（社区）五级组织，支持政务审批、督查督办等功能，服务全省112万政务人员。",
      "Zhejiang's government work platform, covering five levels of organisation from province to village and community, with approvals, supervision and follow-up, serving 1.12 million public servants across the province.",
    ),
    description: describe(
      [
        "“浙政钉”是浙江省政府的办公平台，覆盖省、市、县、乡镇、村（社区）五级组织，支持政务审批、督查督办等功能，服务全省112万政务人员。",
        "来源中没有记载平台处理哪些个人数据、由哪家企业提供或数据保存期限。",
      ],
      [
        "Zhengding is the Zhejiang provincial government's work platform. It covers five levels of organisation (province, city, county, township and village or community), supports approvals and supervision of assigned work, and serves 1.12 million public servants across the province.",
        "The sources do not say what personal data the platform processes, which company supplies it or how long data is kept.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "zhejiang-provincial-government", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("供五级政府组织办公、审批和督查督办。", "Office work, approvals and supervision across five levels of government."),
    legalBasis: [],
    affectedPeople: { estimate: 1_120_000, description: L("全省112万政务人员。", "1.12 million public servants in the province.") },
  },
  purposeHistory: [],
  howItWorks: {},
  dataScope: { elements: [], sharingRecipients: [] },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_000],
};

export default record;
