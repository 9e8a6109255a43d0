// Case 9 of ../shared/cases.md: Hangzhou's proposed "health index code", May 2020, never launched.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000009",
    slug: "hangzhou-health-index-code",
    name: L("一码知健（健康指数码）", "Health index code (Hangzhou)"),
    originalLanguage: "zh",
    kind: "code_system",
    jurisdiction: { level: "city", place: L("浙江省杭州市", "Hangzhou, Zhejiang") },
    policyDomain: "public_health",
    summary: L(
      "2020年5月下旬，杭州市卫健委讨论把电子病历和体检数据并入健康码的颜色。提议遭到强烈反对，从未上线。",
      "In late May 2020 the Hangzhou Health Commission discussed folding electronic medical records and physical-examination data into the health code's colour. The idea met strong opposition and never launched.",
    ),
    description: describe(
      [
        "2020年5月下旬，杭州市卫生健康委员会讨论推出“一码知健”，把电子病历、健康体检等数据纳入健康码，以颜色显示个人的健康状况。",
        "这一设想引发强烈反对，最终没有上线。它是健康码用途扩张的一个例子：从疫情防控扩展到对个人日常健康的评价。登记簿将其记为被否决的提议。",
      ],
      [
        "In late May 2020 the Hangzhou Health Commission discussed a \"health index code\" that would bring electronic medical records and physical-examination data into the health code and show a person's general health as a colour.",
        "The idea met strong opposition and never launched. It is an example of the health code's purpose creeping from epidemic control to rating people's everyday health. The register records it as a rejected proposal.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "hangzhou-health-commission", role: "decides" }],
    vendors: [],
  },
  purpose: {
    purpose: L("以健康码的颜色反映个人的综合健康状况（提议）。", "To show a person's overall health as a health code colour (proposed)."),
    legalBasis: [],
  },
  purposeHistory: [],
  howItWorks: {
    inputs: L("电子病历与体检数据（提议）。", "Electronic medical records and physical-examination data (proposed)."),
    outputs: L("反映健康状况的颜色（提议）。", "A colour showing the person's health (proposed)."),
  },
  dataScope: {
    elements: [
      { name: L("电子病历", "Electronic medical records"), category: "health", sensitive: true },
      { name: L("健康体检数据", "Physical-examination data"), category: "health", sensitive: true },
    ],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "proposed", reviewStatus: "rejected", announcedDate: "2020-05", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_000],
};

export default record;
