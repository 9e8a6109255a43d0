// Case 7 of ../shared/cases.md: smart door sensors on quarantined homes, Lucheng district, Wenzhou.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000007",
    slug: "lucheng-smart-door-sensors",
    name: L("智能门磁（鹿城区）", "Smart door sensors (Lucheng district)"),
    originalLanguage: "zh",
    kind: "sensor_device",
    jurisdiction: { level: "district", place: L("浙江省温州市鹿城区", "Lucheng district, Wenzhou, Zhejiang") },
    policyDomain: "public_health",
    summary: L(
      "自2021年起，温州市鹿城区在居家隔离住户的门上安装智能门磁。住户一开门，社区网格员的手机就会收到短信，实现24小时远程“云监督”。",
      "From 2021 Lucheng district in Wenzhou fitted smart door sensors to the doors of people in home quarantine. When a door opened, the community grid worker got a text message: 24-hour remote \"cloud supervision\".",
    ),
    description: describe(
      [
        "从2021年起，智能门磁多次作为正面案例出现在新闻报道中。温州市鹿城区为居家隔离的住户安装智能门磁，社区网格员借助门磁对居家隔离人员进行24小时远程“云监督”：住户一旦开门，工作人员的手机上就会收到短信。",
        "来源认为，这类技术手段超出了防疫所需的必要信息范围，使居民的人身自由受到限制。来源中没有记载法律依据、数据保存期限或拆除日期。",
      ],
      [
        "From 2021 smart door sensors were repeatedly presented in the news as a success. Lucheng district in Wenzhou fitted them to the doors of households in home quarantine so that community grid workers could supervise them remotely around the clock: as soon as a door opened, the worker's phone received a text message.",
        "The source argues that such tools went beyond the information epidemic control needed and restricted people's freedom. The sources record no legal basis, retention period or removal date.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "wenzhou-lucheng-district", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("监督居家隔离人员是否离开住所。", "To check that people in home quarantine did not leave their homes."),
    legalBasis: [],
    affectedPeople: { description: L("鹿城区居家隔离的住户。", "Households in home quarantine in Lucheng district.") },
    mandatory: "yes",
  },
  purposeHistory: [],
  howItWorks: {
    automation: "informs",
    logic: L("门被打开时，门磁向社区网格员的手机发送短信。", "When the door opens, the sensor sends a text message to the community grid worker's phone."),
    outputs: L("发给网格员的开门短信提醒。", "A text-message alert to the grid worker."),
  },
  dataScope: {
    elements: [
      { name: L("住户开门的时间", "Times the household's door was opened"), category: "location_trajectory", sensitive: true, granularity: L("每次开门", "Every opening of the door") },
    ],
    sharingRecipients: [L("社区网格员", "Community grid workers")],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "suspended", reviewStatus: "unreviewed", goLiveDate: "2021", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_000],
};

export default record;
