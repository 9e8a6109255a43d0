// Case 16 of ../shared/cases.md: the Lijiayuan points platform, Guali town, Xiaoshan, Hangzhou.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000016",
    slug: "guali-lijiayuan-points",
    name: L("沥家园", "Lijiayuan points platform"),
    originalLanguage: "zh",
    kind: "platform",
    jurisdiction: { level: "street_village", place: L("浙江省杭州市萧山区瓜沥镇", "Guali town, Xiaoshan, Hangzhou, Zhejiang") },
    policyDomain: "community_governance",
    summary: L(
      "瓜沥镇在八里桥村首先试点的积分平台：平安巡防、垃圾分类检查等任务以线上“抢单”的方式发布，居民参与后获得积分并兑换奖励。",
      "A points platform first piloted by Guali town in Baliqiao village: safety patrols and waste-sorting inspections are posted as online tasks for residents to \"grab\", and taking part earns points that can be exchanged for rewards.",
    ),
    description: describe(
      [
        "杭州市萧山区瓜沥镇在八里桥村首发试点“沥家园”政务分享平台，把平安巡防、垃圾分类检查等任务设定为定时不定点的线上“抢单”活动，居民参与后可获取积分并兑换奖励。",
        "来源中没有记载积分规则、记录了哪些个人数据、保存多久，或积分是否影响居民获得其他服务。",
      ],
      [
        "Guali town in Xiaoshan, Hangzhou, first piloted the Lijiayuan platform in Baliqiao village. Tasks such as safety patrols and waste-sorting inspections are posted online at set times for residents to \"grab\"; those who take part earn points they can exchange for rewards.",
        "The sources do not give the points rules, what personal data is recorded or for how long, or whether points affect residents' access to anything else.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "guali-town", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("动员居民参与平安巡防、垃圾分类检查等社区事务。", "To get residents to take part in community work such as safety patrols and waste-sorting inspections."),
    legalBasis: [],
    mandatory: "no",
  },
  purposeHistory: [],
  howItWorks: { outputs: L("居民可兑换奖励的积分。", "Points that residents exchange for rewards.") },
  dataScope: {
    elements: [{ name: L("居民参与任务的记录与积分", "Residents' task participation and points"), category: "behaviour_credit", sensitive: false }],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "pilot", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_000],
};

export default record;
