// Case 15 of ../shared/cases.md: Tianjin Hexi district's "one-touch" elderly care platform.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000015",
    slug: "tianjin-hexi-one-touch-elderly-care",
    name: L("一键通智慧养老平台（天津市河西区）", "One-touch smart elderly care platform (Hexi district, Tianjin)"),
    originalLanguage: "zh",
    kind: "platform",
    jurisdiction: { level: "district", place: L("天津市河西区", "Hexi district, Tianjin") },
    policyDomain: "elderly_care",
    summary: L(
      "为600多名困难独居老人安装呼叫设备，提供7×24小时应急帮扶，并同步辖区老人的年龄、助餐、家政、助医等情况。",
      "Call devices installed for more than 600 low-income elderly people living alone, with emergency help 24 hours a day, 7 days a week; the platform keeps track of the area's older residents' age, meals, housekeeping and medical help.",
    ),
    description: describe(
      [
        "天津市河西区的“一键通”智慧养老平台为600多名困难独居老年人安装呼叫设备，开展7×24小时的应急帮扶，并随时同步辖区内老年人的年龄、助餐、家政、助医等情况。",
        "来源中没有记载这些数据与谁共享、保存多久，以及不使用设备的老人能否获得同样的服务。",
      ],
      [
        "Hexi district's \"one-touch\" smart elderly care platform has installed call devices for more than 600 low-income elderly people who live alone, providing emergency help around the clock, and keeps up to date the age, meal, housekeeping and medical-help details of older residents in the district.",
        "The sources do not say who the data is shared with, how long it is kept, or whether older people without a device get the same service.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "tianjin-hexi-district", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("为困难独居老人提供应急帮扶和养老服务。", "Emergency help and care services for low-income elderly people living alone."),
    legalBasis: [],
    affectedPeople: { description: L("600多名困难独居老年人，以及辖区内的其他老年人。", "More than 600 low-income elderly people living alone, and other older residents of the district.") },
    mandatory: "no",
  },
  purposeHistory: [],
  howItWorks: {
    automation: "informs",
    inputs: L("老人按下呼叫设备发出的求助。", "Calls for help from the elderly person's call device."),
    outputs: L("7×24小时应急帮扶。", "Emergency help around the clock."),
  },
  dataScope: {
    elements: [
      { name: L("年龄", "Age"), category: "identity", sensitive: false },
      { name: L("助餐情况", "Meal assistance"), category: "other", sensitive: false },
      { name: L("家政服务情况", "Housekeeping services"), category: "other", sensitive: false },
      { name: L("助医情况", "Medical assistance"), category: "health", sensitive: true },
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
