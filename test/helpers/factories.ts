// Factories for records and accounts used by the workflow tests.
import type { ToolRecordInput } from "../../registry/standard/v1";
import type { NewToolIdentityInput } from "../../registry/review/drafts.server";
import { actorById } from "../../registry/auth/accounts.server";
import type { Actor } from "../../registry/auth/roles";
import { getDb } from "../../db/client.server";

export function actorByEmail(email: string): Actor {
  const row = getDb().$client.prepare(`SELECT id FROM users WHERE email = ?`).get(email) as { id: number } | undefined;
  if (!row) throw new Error(`no user ${email}`);
  return actorById(row.id)!;
}

export function newIdentity(slug = "parking-permit-scoring"): NewToolIdentityInput {
  return {
    slug,
    name: { zh: "停车许可评分", en: "Parking permit scoring" },
    originalLanguage: "zh",
    kind: "algorithm",
    jurisdiction: { level: "city", place: { zh: "上海市", en: "Shanghai" } },
    policyDomain: "transport",
    summary: { zh: "根据居住和车辆数据为停车许可申请排序。", en: "Ranks parking permit applications from residence and vehicle data." },
  };
}

/** Every section but identity of a complete record at impact level III (or IV), due `sunset`. */
export function completeSections(opts: { level: "III" | "IV"; sunset: string; agency?: string }): Omit<ToolRecordInput, "identity" | "standardVersion"> {
  const impact =
    opts.level === "III"
      ? { peopleAffected: "over_1m", dataSensitivity: "sensitive", automation: "recommends", consequence: "serious", reversible: true, mandatory: false, vulnerableGroups: true, mitigations: [] }
      : { peopleAffected: "over_1m", dataSensitivity: "sensitive_at_scale", automation: "decides_alone", consequence: "severe", reversible: false, mandatory: false, vulnerableGroups: false, mitigations: [] };
  return {
    responsibility: {
      agencies: [{ agency: opts.agency ?? "shanghai-municipal-government", role: "operates" }],
      contactOffice: { name: { zh: "市交通委员会办公室", en: "Municipal transport commission office" }, channel: "12345" },
      vendors: [],
    },
    purpose: {
      purpose: { zh: "公平分配有限的停车许可。", en: "To allocate scarce parking permits fairly." },
      legalBasis: [{ citation: "《上海市道路交通管理条例》" }],
      nonDigitalAlternative: { zh: "可到街道办事处窗口提交纸质申请。", en: "Paper applications at any sub-district office." },
    },
    purposeHistory: [],
    howItWorks: { automation: "recommends", logic: { en: "Points for years of residence; fewer points for a second car." } },
    dataScope: {
      elements: [
        {
          name: { zh: "居住地址", en: "Home address" },
          category: "location_trajectory",
          sensitive: true,
          necessity: { en: "Permits are for residents of the street." },
          retention: { en: "Until the permit ends, then 1 year." },
        },
      ],
      sharingRecipients: [],
    },
    oversight: { humanOversight: { en: "A case officer approves every refusal and can overturn the ranking." }, appeal: { channel: { en: "Written objection to the commission." }, responseDays: 15 }, appealStats: [] },
    lifecycle: { deploymentStatus: "proposed", reviewStatus: "draft", sunsetDate: opts.sunset, renewals: [] },
    assessments: { impact: impact as NonNullable<ToolRecordInput["assessments"]["impact"]>, documents: [] },
    incidents: [],
    withheld: [],
    sources: [{ key: "proposal", kind: "official_document", title: { en: "Proposal to the commission" } }],
  };
}

/** A row of an import file (the columns of /tools.csv) for a new tool of the given slug. */
export function importRow(slug: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    name_zh: `工具 ${slug}`,
    name_en: `Tool ${slug}`,
    slug,
    kind: "app",
    policy_domain: "public_health",
    jurisdiction_level: "city",
    place_zh: "上海市",
    deployment_status: "pilot",
    sunset_date: "2027-06-30",
    summary_zh: "一个用于测试的工具，摘要里有逗号，和“引号”。",
    ...extra,
  };
}
