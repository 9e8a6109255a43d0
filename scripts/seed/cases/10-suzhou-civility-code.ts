// Case 10 of ../shared/cases.md: the Suzhou civility code, offline after less than four days.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000010",
    slug: "suzhou-civility-code",
    name: L("文明码（苏州）", "Civility code (Suzhou)"),
    originalLanguage: "zh",
    kind: "scoring_system",
    jurisdiction: { level: "city", place: L("江苏省苏州市", "Suzhou, Jiangsu") },
    policyDomain: "civic_conduct",
    summary: L(
      "2020年9月，苏州推出“文明码”，为市民的文明程度画像，文明积分高的人在工作、生活、就业、学习和娱乐中享有优先。引发争议后，不到4天即下线。",
      "In September 2020 Suzhou launched a \"civility code\" that profiled citizens' civility; high civility points would bring priority in work, daily life, employment, study and entertainment. After a public outcry it was taken offline in less than four days.",
    ),
    description: describe(
      [
        "2020年9月，苏州推出“文明码”，对市民的文明程度进行“个人画像”。文明积分高的市民在工作、生活、就业、学习、娱乐等方面可以享有优先。",
        "文明码把健康码的形式用于评价公民品行，引起广泛争议，上线不到4天就下线了。",
      ],
      [
        "In September 2020 Suzhou launched a \"civility code\" that built a \"personal portrait\" of each citizen's civility. Citizens with high civility points would get priority in work, daily life, employment, study and entertainment.",
        "The code carried the health code's form over to rating citizens' conduct. It caused wide controversy and was taken offline less than four days after launch.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "suzhou-municipal-government", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("评价市民的文明程度，并给予文明积分高的人优先待遇。", "To rate citizens' civility and give priority to those with high civility points."),
    legalBasis: [],
    consequences: L("文明积分高者在工作、生活、就业、学习、娱乐方面享有优先。", "High scorers would get priority in work, daily life, employment, study and entertainment."),
  },
  purposeHistory: [],
  howItWorks: { outputs: L("文明积分与个人文明画像。", "Civility points and a personal civility profile.") },
  dataScope: {
    elements: [{ name: L("市民文明行为记录（“个人画像”）", "Records of citizens' civil conduct (a \"personal portrait\")"), category: "behaviour_credit", sensitive: false }],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: {
    deploymentStatus: "retired",
    reviewStatus: "unreviewed",
    goLiveDate: "2020-09",
    sunsetDate: null,
    renewals: [],
    retirement: { date: "2020-09", reason: L("引发公众争议，上线不到4天即下线。", "Taken offline less than four days after launch, after public controversy.") },
  },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_000],
};

export default record;
