// Case 2 of ../shared/cases.md: the Shanghai Suishen code and the July 2022 offer of its data.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import { L, SEED_000, describe } from "./sources";

const record: ToolRecordInput = {
  standardVersion: "1",
  identity: {
    id: "ALG-000002",
    slug: "shanghai-suishen-code",
    name: L("随申码", "Suishen code (Shanghai health code)"),
    originalLanguage: "zh",
    kind: "code_system",
    jurisdiction: { level: "province", place: L("上海市", "Shanghai") },
    policyDomain: "public_health",
    summary: L(
      "上海市的健康码。2022年7月，有人在论坛上以4000美元出售据称包含4850万用户随申码数据的数据库。",
      "Shanghai's health code. In July 2022 a forum post offered for USD 4,000 a database said to hold the Suishen code data of 48.5 million users.",
    ),
    description: describe(
      [
        "随申码是上海市版本的健康码，记录持码人精确到社区、乡镇街道的位置，到达的场所与停留时长，以及与其有接触的人员信息。",
        "2022年7月，有人在境外论坛发帖，以4000美元的价格出售据称包含4850万用户随申码数据的数据库。来源指出，此类数据一旦泄露，被泄露者可能面临诈骗、绑架和敲诈勒索等人身财产安全风险。",
        "来源中没有记载运营方的回应、数据保存期限或终止日期。",
      ],
      [
        "The Suishen code is Shanghai's version of the health code. It records where its holder has been down to community and sub-district level, the places visited and how long they stayed, and the people they were in contact with.",
        "In July 2022 a post on a forum offered for USD 4,000 a database said to hold the Suishen code data of 48.5 million users. The source warns that people whose data leaks this way are exposed to fraud, kidnapping and extortion.",
        "The sources record no response from the operator, no retention period and no end date.",
      ],
    ),
  },
  responsibility: {
    agencies: [{ agency: "shanghai-municipal-government", role: "operates" }],
    vendors: [],
  },
  purpose: {
    purpose: L("上海市新冠疫情防控中的个人健康码。", "Shanghai's personal health code for COVID-19 epidemic control."),
    legalBasis: [],
    mandatory: "de_facto",
  },
  purposeHistory: [],
  howItWorks: { outputs: L("红、黄、绿三色码。", "A red, yellow or green code.") },
  dataScope: {
    elements: [
      { name: L("位置（精确到社区、乡镇街道）", "Location (to community and sub-district level)"), category: "location_trajectory", sensitive: true, granularity: L("社区、乡镇街道级", "Community and sub-district level") },
      { name: L("到达的场所及停留时长", "Places visited and time spent there"), category: "location_trajectory", sensitive: true },
      { name: L("与持码人有接触的人员信息", "People the holder was in contact with"), category: "relationships", sensitive: true },
    ],
    sharingRecipients: [],
    peopleCovered: 48_500_000,
  },
  oversight: { appealStats: [] },
  lifecycle: { deploymentStatus: "suspended", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
  assessments: { documents: [] },
  incidents: [
    {
      kind: "data_breach",
      date: "2022-07",
      title: L("据称包含4850万用户随申码数据的数据库被以4000美元兜售", "Database said to hold 48.5 million users' Suishen code data offered for USD 4,000"),
      description: L(
        "2022年7月，有人在论坛发帖出售据称包含4850万用户随申码数据的数据库，要价4000美元。",
        "In July 2022 a forum post offered a database said to hold 48.5 million users' Suishen code data, asking USD 4,000.",
      ),
      peopleAffected: 48_500_000,
      sources: ["seed-000"],
    },
  ],
  withheld: [],
  sources: [SEED_000],
};

export default record;
