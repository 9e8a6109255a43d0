// Case 4 of ../shared/cases.md: the Henan health code used to red-code bank depositors and
// homeowners who came to complain, June 2022.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000004",
    slug: "henan-health-code-red-coding",
    name: L("河南健康码（赋红码事件）", "Henan health code (the red-coding of depositors)"),
    originalLanguage: "zh",
    kind: "code_system",
    jurisdiction: { level: "province", place: L("河南省", "Henan province") },
    policyDomain: "public_health",
    summary: L(
      "2022年6月，河南四家村镇银行的储户和一个烂尾楼盘的业主在维权时被赋红码，有的人从未出行，有的人一到郑州就变成红码。这是对健康码系统的滥用。",
      "In June 2022 depositors of four Henan village banks and homeowners of a stalled housing project were given red health codes when they sought redress; some had not travelled, one turned red on arriving in Zhengzhou. A misuse of power on a health code system.",
    ),
    description: describe(
      [
        "自2022年4月起，河南四家村镇银行的储户无法取款。2022年6月，这些储户被赋红码，其中一些人并没有出行经历；一位储户到达郑州准备维权时，健康码当即变为红码。",
        "同在6月，一个停工八个月的楼盘的业主向监管部门反映问题，也被赋红码。",
        "健康码本用于疫情防控。把红码用于阻止群众维权，是没有经过任何审查的用途变更，也是对权力的滥用。来源中没有记载受影响人数或纠正途径。",
      ],
      [
        "From April 2022 depositors of four village banks in Henan could not withdraw their money. In June 2022 these depositors were given red codes, some without any travel history; one depositor's code turned red the moment she arrived in Zhengzhou to complain.",
        "Also in June, homeowners of a housing project stalled for eight months who petitioned the regulators were red-coded too.",
        "The health code existed for epidemic control. Using red codes to stop people seeking redress was a change of purpose that no review allowed, and a misuse of power. The sources give neither the number of people affected nor any route to a correction.",
      ],
    ),
  },
  responsibility: {
    agencies: [
      { agency: "henan-provincial-government", role: "operates" },
      { agency: "zhengzhou-municipal-government", role: "operates" },
    ],
    vendors: [],
  },
  purpose: {
    purpose: L("河南省新冠疫情防控中的个人健康码。", "Henan's personal health code for COVID-19 epidemic control."),
    legalBasis: [],
    consequences: L("红码持有人不能自由出行，无法前往郑州维权。", "A red code barred its holder from moving freely, and so from going to Zhengzhou to complain."),
    mandatory: "de_facto",
  },
  purposeHistory: [
    {
      date: "2022-06",
      kind: "purpose",
      change: L(
        "健康码被用于给村镇银行储户和烂尾楼业主赋红码，阻止其维权。没有任何审查批准这一用途。",
        "The health code was used to give red codes to village-bank depositors and homeowners to stop them seeking redress. No review allowed this use.",
      ),
      sources: ["seed-000"],
    },
  ],
  howItWorks: { automation: "decides_alone", outputs: L("红、黄、绿三色码。", "A red, yellow or green code.") },
  dataScope: { elements: [], sharingRecipients: [] },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "suspended", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [
    {
      kind: "misuse_of_power",
      date: "2022-06",
      title: L("村镇银行储户和烂尾楼业主被赋红码", "Village-bank depositors and homeowners given red codes"),
      description: L(
        "河南四家村镇银行的储户（自2022年4月起无法取款）被赋红码，有的人并未出行，有人一到郑州维权就变成红码；停工八个月楼盘的业主向监管部门反映后也被赋红码。",
        "Depositors of four Henan village banks (unable to withdraw since April 2022) were given red codes, some without having travelled, one on arriving in Zhengzhou to complain; homeowners of a project stalled for eight months were red-coded after petitioning regulators.",
      ),
      sources: ["seed-000"],
    },
  ],
  withheld: [],
  sources: [SEED_000],
};

export default record;
