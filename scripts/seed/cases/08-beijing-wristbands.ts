// Case 8 of ../shared/cases.md: electronic wristbands for home quarantine in Beijing, 2022.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000008",
    slug: "beijing-quarantine-wristbands",
    name: L("电子手环（北京居家隔离）", "Electronic wristbands (Beijing home quarantine)"),
    originalLanguage: "zh",
    kind: "sensor_device",
    jurisdiction: { level: "city", place: L("北京市", "Beijing") },
    policyDomain: "public_health",
    summary: L(
      "2022年7月14日有北京居民反映：从外地返京居家隔离期间，须24小时佩戴社区送来的电子手环，实时监测心率、体温、呼吸频率和运动状况，超出了防疫所需。",
      "On 14 July 2022 Beijing residents reported that, in home quarantine after returning from elsewhere, they had to wear a wristband from their community 24 hours a day that monitored heart rate, temperature, respiratory rate and movement: more than epidemic control needed.",
    ),
    description: describe(
      [
        "电子手环被视为智能门磁的“升级版”，招致了更多批评与质疑。2022年7月14日，北京居民反映，从外地返京后的居家隔离期内需24小时佩戴社区送来的电子手环，手环实时监测心率、体温、呼吸频率、运动状况等信息。",
        "来源认为，这些手段虽然能够全面掌握隔离人员的行踪乃至身体健康状况，却超出了防疫所需的必要信息范围。来源中没有记载法律依据、数据去向或保存期限。",
      ],
      [
        "The electronic wristband, seen as an \"upgrade\" of the smart door sensor, drew more criticism. On 14 July 2022 Beijing residents reported that during home quarantine after returning from elsewhere they had to wear, 24 hours a day, a wristband delivered by their community that monitored heart rate, body temperature, respiratory rate and movement in real time.",
        "The source argues that while this gave full knowledge of quarantined people's movements and even their health, it went beyond the information epidemic control needed. The sources record no legal basis, recipients or retention period.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "beijing-municipal-government", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("监测返京居家隔离人员。", "To monitor people in home quarantine after returning to Beijing."),
    legalBasis: [],
    affectedPeople: { description: L("从外地返京、居家隔离的居民。", "Residents in home quarantine after returning to Beijing from elsewhere.") },
    mandatory: "yes",
  },
  purposeHistory: [],
  howItWorks: { inputs: L("手环传感器24小时采集的体征与运动数据。", "Vital signs and movement measured by the wristband 24 hours a day.") },
  dataScope: {
    elements: [
      { name: L("心率", "Heart rate"), category: "health", sensitive: true, granularity: L("实时，24小时", "Real time, 24 hours a day") },
      { name: L("体温", "Body temperature"), category: "health", sensitive: true, granularity: L("实时，24小时", "Real time, 24 hours a day") },
      { name: L("呼吸频率", "Respiratory rate"), category: "health", sensitive: true, granularity: L("实时，24小时", "Real time, 24 hours a day") },
      { name: L("运动状况", "Movement"), category: "location_trajectory", sensitive: true, granularity: L("实时，24小时", "Real time, 24 hours a day") },
    ],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "suspended", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_000],
};

export default record;
