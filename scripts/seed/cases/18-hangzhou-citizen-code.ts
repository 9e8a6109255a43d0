// Case 18 of ../shared/cases.md: Hangzhou Citizen Code 1.0, launched 20 December 2023.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_004, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000018",
    slug: "hangzhou-citizen-code",
    name: L("杭州市民码 1.0", "Hangzhou Citizen Code 1.0"),
    originalLanguage: "zh",
    kind: "code_system",
    jurisdiction: { level: "city", place: L("浙江省杭州市", "Hangzhou, Zhejiang") },
    policyDomain: "public_services",
    summary: L(
      "2023年12月20日上线，多项惠民政策、公共服务和权益优待可凭一个码直接享受，以解决多码并行的问题。",
      "Launched on 20 December 2023: many benefits, public services and entitlements through a single code, to end the need for many separate codes.",
    ),
    description: describe(
      [
        "2023年12月20日，“杭州市民码 1.0”上线，多项惠民政策、公共服务、权益优待实现一“码”直享，以破解困扰市民的多码并行难题。",
        "来源中没有记载市民码关联了哪些个人数据、是否必须使用，以及不使用手机的市民如何获得同样的服务。",
      ],
      [
        "Hangzhou Citizen Code 1.0 went live on 20 December 2023. Many benefit policies, public services and entitlements can be used directly with one code, ending the nuisance of many codes side by side.",
        "The sources do not say what personal data the code links, whether using it is required, or how residents without a phone get the same services.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "hangzhou-municipal-government", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("凭一个码享受多项惠民政策、公共服务和权益优待。", "One code for many benefits, public services and entitlements."),
    legalBasis: [],
  },
  purposeHistory: [],
  howItWorks: {},
  dataScope: { elements: [], sharingRecipients: [] },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", goLiveDate: "2023-12-20", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_004],
};

export default record;
