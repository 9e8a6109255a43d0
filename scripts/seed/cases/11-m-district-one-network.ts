// Case 11 of ../shared/cases.md: Shanghai M district's "one network for unified management".
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_001, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000011",
    slug: "shanghai-m-district-one-network",
    name: L("一网统管平台（上海市M区）", "One network for unified management (Shanghai M district)"),
    originalLanguage: "zh",
    kind: "platform",
    jurisdiction: { level: "district", place: L("上海市M区", "M district, Shanghai") },
    policyDomain: "urban_management",
    summary: L(
      "自2020年3月起运行的城市运行平台，汇集33个部门和14个街镇的数据，使用摄像头、人脸识别和场景异常识别，“一键呼叫”派单给网格员。嵌入的厂商算法只靠合同条款把关。",
      "A city operations platform running since March 2020 that pools data from 33 departments and 14 sub-districts and towns, uses cameras, face recognition and scene-anomaly detection, and dispatches grid workers with a \"one-click call\". Embedded vendor algorithms are checked only through contract clauses.",
    ),
    description: describe(
      [
        "M区面积约400平方公里，常住人口约255万，其中49%来自外地。“一网统管”平台自2020年3月起建设运行，汇集区内33个部门和14个街道、镇的数据。",
        "平台使用摄像头、人脸识别和场景异常识别发现问题，并通过“一键呼叫”把任务派给网格员。",
        "平台中嵌入了厂商提供的算法，对这些算法的审查只通过合同条款进行；工作人员表示“没有必要”另行审查。在相邻的一个区，厂商的工程师曾拷贝平台数据。",
        "来源中没有记载数据保存期限、公众申诉途径或终止日期。",
      ],
      [
        "M district covers about 400 km² and has about 2.55 million residents, 49% of them from elsewhere. Its \"one network for unified management\" platform has run since March 2020 and pools data from 33 district departments and 14 sub-districts and towns.",
        "The platform uses cameras, face recognition and scene-anomaly detection to spot problems, and sends tasks to grid workers with a \"one-click call\".",
        "Algorithms supplied by vendors are embedded in the platform and are checked only through contract clauses; staff said further review was \"no need\". In a neighbouring district a vendor's engineer copied platform data.",
        "The sources record no retention period, public appeal route or end date.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "shanghai-m-district", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("汇集部门和街镇数据，发现城市运行中的问题并派单处置。", "To pool department and sub-district data, detect problems in the running of the district and dispatch staff to deal with them."),
    legalBasis: [],
    affectedPeople: {
      estimate: 2_550_000,
      description: L("M区约255万常住人口，其中49%来自外地。", "M district's roughly 2.55 million residents, 49% of them from elsewhere."),
    },
  },
  purposeHistory: [],
  howItWorks: {
    automation: "recommends",
    inputs: L("33个部门和14个街镇的数据；摄像头视频。", "Data from 33 departments and 14 sub-districts and towns; camera video."),
    method: L("人脸识别、场景异常识别，以及嵌入的厂商算法。", "Face recognition, scene-anomaly detection and embedded vendor algorithms."),
    outputs: L("通过“一键呼叫”派给网格员的任务。", "Tasks sent to grid workers through the \"one-click call\"."),
    testing: L("嵌入的厂商算法仅通过合同条款审查。", "Embedded vendor algorithms are reviewed only through contract clauses."),
  },
  dataScope: {
    elements: [
      { name: L("公共场所摄像头视频", "Video from cameras in public places"), category: "location_trajectory", sensitive: true },
      { name: L("人脸识别信息", "Face recognition data"), category: "biometric", sensitive: true },
      { name: L("33个部门和14个街镇汇集的业务数据", "Operational data pooled from 33 departments and 14 sub-districts and towns"), category: "other", sensitive: false },
    ],
    sharingRecipients: [],
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", goLiveDate: "2020-03", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [
    {
      kind: "data_breach",
      date: "2022",
      title: L("相邻区的厂商工程师拷贝平台数据", "A vendor's engineer copied platform data in a neighbouring district"),
      description: L(
        "来源记载，在相邻的一个区，厂商的工程师拷贝了平台数据。来源中没有记载具体日期、涉及的数据或处理结果；此处日期为来源发表年份。",
        "The source records that in a neighbouring district a vendor's engineer copied platform data. It gives no exact date, no detail of the data and no outcome; the date here is the year the source was published.",
      ),
      sources: ["seed-001"],
    },
  ],
  withheld: [],
  sources: [SEED_001],
};

export default record;
