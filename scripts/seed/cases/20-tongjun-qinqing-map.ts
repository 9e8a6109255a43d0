// Case 20 of ../shared/cases.md: the "Qinqing map" of Tongjun sub-district, Tonglu.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_004, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000020",
    slug: "tongjun-qinqing-map",
    name: L("亲清地图", "Qinqing map (Tongjun sub-district)"),
    originalLanguage: "zh",
    kind: "scoring_system",
    jurisdiction: { level: "street_village", place: L("浙江省杭州市桐庐县桐君街道", "Tongjun sub-district, Tonglu, Hangzhou, Zhejiang") },
    policyDomain: "integrity_supervision",
    summary: L(
      "一村一码：村民扫码即可查看本村的项目、资产、资源、农房审批和资金流向。系统按各村风险设置“廉政风险指数”，以三色预警。",
      "One QR code per village: villagers scan it to see their village's projects, assets, resources, rural housing approvals and fund flows. The system rates each village with an \"integrity risk index\" and a three-colour warning.",
    ),
    description: describe(
      [
        "桐庐县桐君街道推出“亲清地图”，通过一图集成、一码通行、三色预警加强清廉乡村建设。",
        "街道各村（社）分别建立专属二维码，一村一码，村（居）民扫码即可查询本村项目、资产、资源、农房审批等信息，了解项目进度和资金流向。",
        "系统根据各村的风险情况设置“廉政风险指数”模块，以三种颜色预警，便于街道对各村廉政风险作出判断。来源中没有记载指数的计算方法或被评为高风险的村能否申辩。",
      ],
      [
        "Tongjun sub-district in Tonglu county launched the Qinqing map to build clean village government through one integrated map, one code per village and three-colour warnings.",
        "Each village or community has its own QR code; residents scan it to look up the village's projects, assets, resources and rural housing approvals, and to follow project progress and fund flows.",
        "An \"integrity risk index\" module rates each village's risk of corruption with a three-colour warning, so that the sub-district can judge where the risks are. The sources do not give how the index is computed or whether a village rated high-risk can contest it.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "tonglu-tongjun-subdistrict", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("公开村级项目、资产和资金信息，并评估各村的廉政风险。", "To publish village projects, assets and funds, and to rate each village's integrity risk."),
    legalBasis: [],
  },
  purposeHistory: [],
  howItWorks: {
    automation: "informs",
    outputs: L("各村的廉政风险指数及三色预警。", "An integrity risk index per village with a three-colour warning."),
  },
  dataScope: {
    elements: [
      { name: L("村级项目、资产、资源与资金流向", "Village projects, assets, resources and fund flows"), category: "financial", sensitive: false },
      { name: L("农房审批信息", "Rural housing approvals"), category: "other", sensitive: false },
    ],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_004],
};

export default record;
