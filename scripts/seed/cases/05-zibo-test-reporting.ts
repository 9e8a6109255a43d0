// Case 5 of ../shared/cases.md: Zibo's nucleic-acid result reporting and its 30-minute relay.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000005",
    slug: "zibo-test-result-reporting",
    name: L("淄博核酸检测结果报送系统", "Zibo nucleic-acid result reporting"),
    originalLanguage: "zh",
    kind: "platform",
    jurisdiction: { level: "city", place: L("山东省淄博市", "Zibo, Shandong") },
    policyDomain: "public_health",
    summary: L(
      "检测机构把核酸结果自动上传淄博市系统，市系统每30分钟才向山东省系统推送一次，再由省系统更新健康码；跨省的疫苗接种和检测记录不能同步。",
      "Labs upload nucleic-acid results to Zibo's city system automatically, but the city system passes them to Shandong's provincial system only every 30 minutes, which then updates the health code; vaccination and test records from other provinces did not sync.",
    ),
    description: describe(
      [
        "淄博本地的核酸检测机构将检测结果自动上传到淄博市的系统，但市系统每30分钟才向山东省的系统推送一次数据，省系统再据此更新健康码。因此检测结果要延迟才能体现在健康码上。",
        "在其他省份接种疫苗或做核酸检测的记录无法同步。来源中没有记载纠正错误或延迟结果的途径。",
      ],
      [
        "Local labs in Zibo upload their results to the Zibo city system automatically, but the city system forwards them to the Shandong provincial system only every 30 minutes, and the provincial system then updates the health code. A result therefore reached the code only after a delay.",
        "Vaccinations and tests done in other provinces did not sync. The sources record no route to correct a wrong or late result.",
      ],
    ),
  },
  responsibility: {
    agencies: [
      { agency: "zibo-municipal-government", role: "operates" },
      { agency: "shandong-provincial-government", role: "operates" },
    ],
    vendors: [],
  },
  purpose: {
    purpose: L("把核酸检测结果传送到健康码系统。", "To carry nucleic-acid test results into the health code system."),
    legalBasis: [],
  },
  purposeHistory: [],
  howItWorks: {
    logic: L(
      "检测机构→淄博市系统（自动上传）→每30分钟推送一次→山东省系统→健康码。",
      "Lab -> Zibo city system (automatic upload) -> forwarded every 30 minutes -> Shandong provincial system -> health code.",
    ),
    inputs: L("本地检测机构上传的核酸检测结果。", "Nucleic-acid results uploaded by local labs."),
    outputs: L("推送给省级健康码系统的检测结果。", "Test results passed to the provincial health code system."),
  },
  dataScope: {
    elements: [
      { name: L("核酸检测结果", "Nucleic-acid test results"), category: "health", sensitive: true, granularity: L("每30分钟向省系统推送一次", "Forwarded to the province every 30 minutes") },
      { name: L("疫苗接种记录（跨省记录不同步）", "Vaccination records (records from other provinces did not sync)"), category: "health", sensitive: true },
    ],
    sharingRecipients: [L("山东省健康码系统", "Shandong provincial health code system")],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "suspended", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_000],
};

export default record;
