// Case 13 of ../shared/cases.md: Xuhui district's needs model for families in difficulty.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000013",
    slug: "xuhui-family-needs-model",
    name: L("多维困境家庭救助需求分析模型", "Multidimensional needs model for families in difficulty (Xuhui)"),
    originalLanguage: "zh",
    kind: "algorithm",
    jurisdiction: { level: "district", place: L("上海市徐汇区", "Xuhui district, Shanghai") },
    policyDomain: "social_assistance",
    summary: L(
      "上海市徐汇区为精准救助研发的模型，根据数据库中的经济、住房、就业等数据，定位区内最需要帮助的个人和家庭，供基层工作人员介入。",
      "A model built by Xuhui district in Shanghai for targeted assistance: from economic, housing and employment data in its databases it finds the people and households most in need, for front-line staff to reach.",
    ),
    description: describe(
      [
        "为落实精准救助，上海市徐汇区研发了多维困境家庭救助需求分析模型。模型根据数据库中一系列关于经济、住房、就业等的数据，定位区域中最需要帮助的个人与家庭，帮助基层工作人员精准介入。",
        "来源中没有记载模型的具体方法、准确性测试、被识别家庭能否查询或更正结果，也没有记载数据保存期限。",
      ],
      [
        "To target assistance, Xuhui district in Shanghai developed a multidimensional model of the needs of families in difficulty. From a range of economic, housing and employment data in its databases, the model picks out the individuals and households in the area most in need of help, so that front-line staff can step in.",
        "The sources do not describe the model's method, any accuracy testing, whether families it identifies can see or correct the result, or how long the data is kept.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "shanghai-xuhui-district", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("找出最需要救助的个人和家庭。", "To find the people and households most in need of assistance."),
    legalBasis: [],
  },
  purposeHistory: [],
  howItWorks: {
    automation: "recommends",
    inputs: L("数据库中的经济、住房、就业等数据。", "Economic, housing, employment and other data held in databases."),
    outputs: L("最需要帮助的个人与家庭名单，供基层工作人员介入。", "A list of the people and households most in need, for front-line staff to follow up."),
  },
  dataScope: {
    elements: [
      { name: L("经济状况数据", "Economic data"), category: "financial", sensitive: true },
      { name: L("住房数据", "Housing data"), category: "other", sensitive: false },
      { name: L("就业数据", "Employment data"), category: "other", sensitive: false },
    ],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_000],
};

export default record;
