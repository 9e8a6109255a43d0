// Case 12 of ../shared/cases.md: Suishen Pai, residents' reporting feature in the Suishenban app.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000012",
    slug: "shanghai-suishen-pai",
    name: L("随申拍", "Suishen Pai (report-a-problem)"),
    originalLanguage: "zh",
    kind: "app",
    jurisdiction: { level: "province", place: L("上海市", "Shanghai") },
    policyDomain: "urban_management",
    summary: L(
      "上海“随申办”App中的一项功能，居民可随时随地举报各类违法行为和安全隐患，协助政府部门及时发现和处理问题。",
      "A feature of Shanghai's Suishenban app with which residents can report violations and safety hazards wherever they are, helping government departments find and deal with problems quickly.",
    ),
    description: describe(
      [
        "“随申拍”是上海“随申办”App上线的功能。居民可以随时随地举报各类违法行为和安全隐患，帮助政府部门迅速发现问题并第一时间处理。",
        "来源把它作为数字治理开放共享、畅通民意反馈渠道的例子。来源中没有记载举报数据的处理方式、保存期限或被举报人的权利。",
      ],
      [
        "Suishen Pai is a feature of Shanghai's Suishenban app. Residents can report violations of the law and safety hazards at any time and place, helping departments find problems fast and deal with them at once.",
        "The source cites it as an example of open digital government that gives the public more channels to be heard. The sources record nothing on how reports are handled, how long they are kept, or the rights of people who are reported.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "shanghai-municipal-government", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("让居民举报违法行为和安全隐患。", "To let residents report violations and safety hazards."),
    legalBasis: [],
    mandatory: "no",
  },
  purposeHistory: [],
  howItWorks: {
    inputs: L("居民提交的举报。", "Reports submitted by residents."),
    outputs: L("转给政府部门处理的问题线索。", "Leads passed to government departments to deal with."),
  },
  dataScope: { elements: [], sharingRecipients: [] },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_000],
};

export default record;
