// Case 19 of ../shared/cases.md: Guangzhou's Suizhiguan city operations hub.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_004, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000019",
    slug: "guangzhou-suizhiguan",
    name: L("穗智管城市运行管理中枢", "Suizhiguan city operations hub (Guangzhou)"),
    originalLanguage: "zh",
    kind: "platform",
    jurisdiction: { level: "city", place: L("广东省广州市", "Guangzhou, Guangdong") },
    policyDomain: "urban_management",
    summary: L(
      "广州的城市运行管理中枢，集运行监测、预测预警、协同联动、决策支持、指挥调度五大功能于一体，运用大数据、云计算、区块链、人工智能和物联网。",
      "Guangzhou's city operations hub, combining five functions (monitoring, forecasting and early warning, coordination, decision support, and command and dispatch) using big data, cloud computing, blockchain, AI and the internet of things.",
    ),
    description: describe(
      [
        "广州市按照“一图统揽，一网共治”的总体构想，围绕“看全面、管到位、防在前”的目标，运用大数据、云计算、区块链、人工智能、物联网等技术，建设“穗智管”城市运行管理中枢。",
        "它有五大功能：运行监测、预测预警、协同联动、决策支持、指挥调度。",
        "来源中没有记载中枢汇聚了哪些个人数据、由哪些企业建设、数据保存期限或公众申诉途径。",
      ],
      [
        "Following the idea of \"one map for the whole picture, one network for shared governance\" and the aim to \"see everything, manage fully, prevent early\", Guangzhou built the Suizhiguan city operations hub with big data, cloud computing, blockchain, AI and the internet of things.",
        "It has five functions: operations monitoring, forecasting and early warning, coordination, decision support, and command and dispatch.",
        "The sources do not say which personal data the hub pools, which companies built it, how long data is kept or how the public can appeal.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "guangzhou-municipal-government", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("监测城市运行，预测预警，协同各部门，支持决策并指挥调度。", "To monitor the running of the city, forecast and warn, coordinate departments, support decisions and direct responses."),
    legalBasis: [],
  },
  purposeHistory: [],
  howItWorks: {
    automation: "recommends",
    method: L("大数据、云计算、区块链、人工智能、物联网。", "Big data, cloud computing, blockchain, artificial intelligence, internet of things."),
    outputs: L("运行监测、预测预警、协同联动、决策支持、指挥调度。", "Monitoring, forecasts and warnings, coordination, decision support, command and dispatch."),
  },
  dataScope: { elements: [], sharingRecipients: [] },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [],
  withheld: [],
  sources: [SEED_004],
};

export default record;
