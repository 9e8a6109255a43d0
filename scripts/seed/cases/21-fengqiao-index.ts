// Case 21 of ../shared/cases.md: the "Fengqiao experience" index platform, from March 2021.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_004, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000021",
    slug: "fengqiao-experience-index",
    name: L("新时代“枫桥经验”指数平台", "\"Fengqiao experience\" index platform"),
    originalLanguage: "zh",
    kind: "scoring_system",
    jurisdiction: { level: "province", place: L("浙江省", "Zhejiang province") },
    policyDomain: "community_governance",
    summary: L(
      "2021年3月启动的项目，运用大数据和人工智能构建全流程闭环平台，实时评估县域治理，监测县、部门、街镇、村社的治理状况并生成风险预警。",
      "A project started in March 2021 that uses big data and AI to build a closed-loop platform evaluating county governance in real time, monitoring counties, departments, towns and villages, and issuing risk warnings.",
    ),
    description: describe(
      [
        "2021年3月，新时代“枫桥经验”指数项目启动，是浙江省新时代枫桥经验研究院成立后启动的首个重大项目。",
        "项目运用大数据、人工智能等技术构建全流程闭环平台，实时评估县域治理动态，监测全县、部门、街镇、村社的治理状况，梳理、分析公众诉求和治理短板，并生成风险预警。",
        "来源中没有记载平台使用哪些个人数据、指数如何计算，以及被预警的对象能否了解或质疑结果。",
      ],
      [
        "The \"Fengqiao experience in the new era\" index project started in March 2021 as the first major project of the Zhejiang institute set up to study the Fengqiao experience.",
        "It uses big data, AI and other technology to build a closed-loop platform that evaluates county governance in real time, monitors conditions across the county, its departments, towns and villages, sorts and analyses public complaints and weak spots, and generates risk warnings.",
        "The sources do not say what personal data the platform uses, how the index is computed, or whether those it flags can learn of or challenge the result.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "zhejiang-fengqiao-institute", role: "builds" }],
    vendors: [],
  },
  purpose: {
    purpose: L("实时评估县域治理状况并生成风险预警。", "To evaluate county governance in real time and issue risk warnings."),
    legalBasis: [],
  },
  purposeHistory: [],
  howItWorks: {
    automation: "informs",
    method: L("大数据、人工智能。", "Big data and artificial intelligence."),
    outputs: L("治理指数与风险预警。", "A governance index and risk warnings."),
  },
  dataScope: {
    elements: [{ name: L("公众问题诉求", "Public complaints and requests"), category: "other", sensitive: false }],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", announcedDate: "2021-03", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_004],
};

export default record;
