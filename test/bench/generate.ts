// Synthetic register for the benchmark: ~300 agencies and N schema-valid tool records, written
// through the real bulk write path (upsertAgencies, publishMany, which leaves what publishRevision
// one by one would) so the projection, link tables and search index look exactly as they would in
// production.
//
// Everything comes from one seeded pseudo-random generator, so the same GENERATOR_VERSION, seed
// and record count give the same records. The only outside input is the anchor date that
// sunset dates are spread around (past, due soon, far, none), so the sunset facet stays
// realistic whenever the file is generated.
//
// Text mixes Chinese and English vocabulary with controlled frequencies: rare words (门磁,
// 红码, 数据) appear in a few percent of records, common ones (系统, 管理, 平台, system,
// management) in a large share, so searches hit realistic result-set sizes. run.ts prints the
// actual fractions after generation.
import type { Db } from "../../db/client.server";
import { Worker } from "node:worker_threads";
import { publishMany, upsertAgencies, type PreparedRevision } from "../../registry/records/publish.server";
import { agencySearchText } from "../../registry/records/prepare";
import { optimizeSearchIndex } from "../../registry/records/search/optimize.server";
import { addDays } from "../../registry/lifecycle/sunset";
import type { ToolRecordInput } from "../../registry/standard/v1";

/** Bump whenever the generated data changes shape or distribution, so old files are rebuilt. */
export const GENERATOR_VERSION = 1;
export const SEED = 20_240_601;
export const AGENCY_COUNT = 300;

// ---------------------------------------------------------------- pseudo-random numbers

/** mulberry32: tiny, fast, good enough for test data, and identical on every machine. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number) => next() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = <T>(list: readonly (readonly [T, number])[]): T => {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return list[list.length - 1]![0];
  };
  /** Zipf-like index in [0, n): a few values are very common, most are rare (like agencies). */
  const skewed = (n: number) => Math.min(n - 1, Math.floor(n * Math.pow(next(), 2.2)));
  const sample = <T>(list: readonly T[], k: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < k && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return out;
  };
  return { next, int, chance, pick, weighted, skewed, sample };
}
type Random = ReturnType<typeof createRandom>;

// ---------------------------------------------------------------- vocabulary

type Place = { zh: string; en: string; slug: string };
const CITIES: Place[] = [
  ["杭州", "Hangzhou"], ["郑州", "Zhengzhou"], ["深圳", "Shenzhen"], ["北京", "Beijing"], ["上海", "Shanghai"],
  ["武汉", "Wuhan"], ["苏州", "Suzhou"], ["南京", "Nanjing"], ["成都", "Chengdu"], ["西安", "Xi'an"],
  ["广州", "Guangzhou"], ["天津", "Tianjin"], ["重庆", "Chongqing"], ["青岛", "Qingdao"], ["厦门", "Xiamen"],
  ["宁波", "Ningbo"], ["合肥", "Hefei"], ["长沙", "Changsha"], ["昆明", "Kunming"], ["济南", "Jinan"],
  ["福州", "Fuzhou"], ["大连", "Dalian"], ["沈阳", "Shenyang"], ["哈尔滨", "Harbin"], ["石家庄", "Shijiazhuang"],
  ["太原", "Taiyuan"], ["南昌", "Nanchang"], ["贵阳", "Guiyang"], ["南宁", "Nanning"], ["兰州", "Lanzhou"],
  ["温州", "Wenzhou"], ["无锡", "Wuxi"], ["佛山", "Foshan"], ["东莞", "Dongguan"], ["徐州", "Xuzhou"],
  ["洛阳", "Luoyang"], ["宜昌", "Yichang"], ["绍兴", "Shaoxing"], ["嘉兴", "Jiaxing"], ["泉州", "Quanzhou"],
].map(([zh, en]) => ({ zh: `${zh}市`, en: `${en} City`, slug: en!.toLowerCase().replace(/[^a-z]/g, "") }));
const DISTRICT_STEMS = [
  ["西湖", "Xihu"], ["余杭", "Yuhang"], ["朝阳", "Chaoyang"], ["海淀", "Haidian"], ["浦东", "Pudong"], ["福田", "Futian"],
  ["南山", "Nanshan"], ["金水", "Jinshui"], ["江岸", "Jiang'an"], ["鼓楼", "Gulou"], ["雁塔", "Yanta"], ["天河", "Tianhe"],
] as const;
const PROVINCES: Place[] = [
  ["浙江", "Zhejiang"], ["河南", "Henan"], ["广东", "Guangdong"], ["江苏", "Jiangsu"], ["湖北", "Hubei"], ["四川", "Sichuan"],
  ["山东", "Shandong"], ["福建", "Fujian"], ["陕西", "Shaanxi"], ["湖南", "Hunan"],
].map(([zh, en]) => ({ zh: `${zh}省`, en: `${en} Province`, slug: en!.toLowerCase() }));
const NATIONAL: Place = { zh: "全国", en: "China (national)", slug: "national" };

const AGENCY_TYPES = [
  // [zh, en, slug, weight]: the 大数据 bureau is deliberately rare so 数据 stays a few-percent word.
  ["公安局", "Public Security Bureau", "psb", 6],
  ["卫生健康委员会", "Health Commission", "health", 5],
  ["民政局", "Civil Affairs Bureau", "civil-affairs", 5],
  ["城市管理局", "Urban Management Bureau", "urban-mgmt", 4],
  ["交通运输局", "Transport Bureau", "transport", 3],
  ["教育局", "Education Bureau", "education", 3],
  ["医疗保障局", "Healthcare Security Bureau", "healthcare-security", 3],
  ["市场监督管理局", "Market Regulation Administration", "market-regulation", 3],
  ["文明办", "Civilization Office", "civilization-office", 2],
  ["政务服务中心", "Government Service Center", "service-center", 4],
  ["住房保障局", "Housing Security Bureau", "housing", 2],
  ["疫情防控指挥部", "Epidemic Prevention Headquarters", "epidemic-hq", 2],
  ["大数据管理局", "Big Data Administration", "big-data", 1],
] as const;

type Theme = {
  zh: string;
  en: string;
  slug: string;
  kind: ToolRecordInput["identity"]["kind"];
  domain: ToolRecordInput["identity"]["policyDomain"];
  weight: number;
  /** Logic in plain words; code systems explain what turns a code red. */
  logic: [string, string];
  elements: string[];
};

const CODE_LOGIC: [string, string] = [
  "根据核酸检测结果、行程轨迹和风险地区名单自动赋码：绿码通行，黄码须限期检测，红码须集中隔离，由系统自动判定。",
  "The code is assigned automatically from test results, travel trajectory and the list of risk areas: green passes, yellow must be tested within a deadline, red means the code turns red and the holder is sent to quarantine.",
];
const GENERIC_LOGIC: [string, string][] = [
  ["系统对申请信息进行规则比对，符合条件的自动通过，其余转人工复核。", "The system checks each application against fixed rules; matching ones pass automatically, the rest go to a caseworker for review."],
  ["模型按历史记录计算风险分值，超过阈值的对象推送给工作人员核查。", "A model scores risk from past records; cases above the threshold are sent to staff for checking."],
  ["平台汇聚各部门信息，按网格派发工单并跟踪处置结果。", "The platform pools information from departments, dispatches work orders by grid cell and tracks how they are handled."],
  ["设备采集图像后在本地识别，识别结果上传管理平台留存。", "Devices capture images and recognise them locally; results are uploaded to the management platform and kept."],
];

const THEMES: Theme[] = [
  { zh: "健康码", en: "health code", slug: "health-code", kind: "code_system", domain: "public_health", weight: 2.5, logic: CODE_LOGIC, elements: ["name", "idNumber", "phone", "testResult", "trajectory", "vaccination"] },
  { zh: "行程卡", en: "trip card", slug: "trip-card", kind: "code_system", domain: "public_health", weight: 1.5, logic: CODE_LOGIC, elements: ["phone", "trajectory", "cellTower"] },
  { zh: "文明码", en: "civility code", slug: "civility-code", kind: "code_system", domain: "civic_conduct", weight: 0.8, logic: GENERIC_LOGIC[1]!, elements: ["name", "idNumber", "conductRecord", "volunteerHours"] },
  { zh: "跨区域通行码", en: "cross-region pass code", slug: "pass-code", kind: "code_system", domain: "regional_coordination", weight: 0.7, logic: CODE_LOGIC, elements: ["name", "idNumber", "trajectory"] },
  { zh: "智能门磁", en: "smart door sensor", slug: "door-sensor", kind: "sensor_device", domain: "community_governance", weight: 1.1, logic: ["门磁在居家隔离期间记录开门次数，异常开门即向社区报警。", "The sensor records each time the door opens during home quarantine and alerts the community office on an unexpected opening."], elements: ["address", "doorEvents", "phone"] },
  { zh: "人脸识别门禁", en: "face recognition access control", slug: "face-access", kind: "sensor_device", domain: "public_security", weight: 3, logic: GENERIC_LOGIC[3]!, elements: ["faceImage", "name", "address", "accessLog"] },
  { zh: "城市大脑", en: "city brain", slug: "city-brain", kind: "platform", domain: "urban_management", weight: 2, logic: GENERIC_LOGIC[2]!, elements: ["vehiclePlate", "cameraFootage", "trajectory"] },
  { zh: "网格化管理平台", en: "grid management platform", slug: "grid-platform", kind: "platform", domain: "community_governance", weight: 5, logic: GENERIC_LOGIC[2]!, elements: ["name", "address", "householdMembers", "phone"] },
  { zh: "社会救助精准识别模型", en: "social assistance targeting model", slug: "assistance-model", kind: "ai_model", domain: "social_assistance", weight: 4, logic: GENERIC_LOGIC[1]!, elements: ["name", "idNumber", "income", "bankAccount", "householdMembers", "disability"] },
  { zh: "养老服务补贴审核算法", en: "elderly care subsidy eligibility algorithm", slug: "elderly-subsidy", kind: "algorithm", domain: "elderly_care", weight: 4, logic: GENERIC_LOGIC[0]!, elements: ["name", "idNumber", "age", "income", "healthStatus"] },
  { zh: "社会信用积分", en: "social credit points system", slug: "credit-points", kind: "scoring_system", domain: "integrity_supervision", weight: 4, logic: GENERIC_LOGIC[1]!, elements: ["name", "idNumber", "creditRecord", "conductRecord"] },
  { zh: "志愿服务积分", en: "volunteer points", slug: "volunteer-points", kind: "scoring_system", domain: "civic_conduct", weight: 3, logic: GENERIC_LOGIC[0]!, elements: ["name", "phone", "volunteerHours"] },
  { zh: "交通违法智能识别", en: "traffic violation detection", slug: "traffic-ai", kind: "ai_model", domain: "transport", weight: 5, logic: GENERIC_LOGIC[3]!, elements: ["vehiclePlate", "cameraFootage", "faceImage"] },
  { zh: "政务服务小程序", en: "government services mini-program", slug: "services-mini", kind: "mini_program", domain: "public_services", weight: 8, logic: GENERIC_LOGIC[0]!, elements: ["name", "idNumber", "phone", "faceImage"] },
  { zh: "掌上办事App", en: "mobile services app", slug: "services-app", kind: "app", domain: "public_services", weight: 8, logic: GENERIC_LOGIC[0]!, elements: ["name", "idNumber", "phone", "deviceId"] },
  { zh: "视频监控分析平台", en: "video surveillance analytics platform", slug: "video-analytics", kind: "platform", domain: "public_security", weight: 4, logic: GENERIC_LOGIC[3]!, elements: ["cameraFootage", "faceImage", "trajectory"] },
  { zh: "重点人员预警模型", en: "persons-of-interest early-warning model", slug: "early-warning", kind: "ai_model", domain: "public_security", weight: 2, logic: GENERIC_LOGIC[1]!, elements: ["name", "idNumber", "trajectory", "relationships", "creditRecord"] },
  { zh: "公共租赁住房分配算法", en: "public housing allocation algorithm", slug: "housing-allocation", kind: "algorithm", domain: "social_assistance", weight: 3, logic: GENERIC_LOGIC[0]!, elements: ["name", "idNumber", "income", "householdMembers"] },
  { zh: "义务教育学位分配算法", en: "school place allocation algorithm", slug: "school-places", kind: "algorithm", domain: "public_services", weight: 3, logic: GENERIC_LOGIC[0]!, elements: ["name", "idNumber", "address", "householdMembers"] },
  { zh: "医保基金智能审核", en: "medical insurance fund smart audit", slug: "insurance-audit", kind: "algorithm", domain: "public_health", weight: 4, logic: GENERIC_LOGIC[1]!, elements: ["name", "idNumber", "healthStatus", "bankAccount"] },
  { zh: "企业信用风险分类", en: "enterprise credit risk classification", slug: "enterprise-risk", kind: "scoring_system", domain: "integrity_supervision", weight: 4, logic: GENERIC_LOGIC[1]!, elements: ["creditRecord", "name", "phone"] },
  { zh: "垃圾分类智能监督", en: "waste sorting smart supervision", slug: "waste-sorting", kind: "sensor_device", domain: "urban_management", weight: 3, logic: GENERIC_LOGIC[3]!, elements: ["faceImage", "address", "accessLog"] },
  { zh: "电动自行车进电梯识别", en: "e-bike elevator detection", slug: "ebike-elevator", kind: "sensor_device", domain: "community_governance", weight: 2, logic: GENERIC_LOGIC[3]!, elements: ["cameraFootage", "address"] },
  { zh: "12345热线工单分派", en: "12345 hotline ticket routing", slug: "hotline-routing", kind: "algorithm", domain: "government_administration", weight: 5, logic: GENERIC_LOGIC[2]!, elements: ["name", "phone", "address"] },
  { zh: "公文写作辅助大模型", en: "official-document writing assistant", slug: "writing-assistant", kind: "ai_model", domain: "government_administration", weight: 3, logic: GENERIC_LOGIC[1]!, elements: ["name"] },
  { zh: "统一身份认证平台", en: "unified identity authentication platform", slug: "identity-platform", kind: "platform", domain: "government_administration", weight: 3, logic: GENERIC_LOGIC[0]!, elements: ["name", "idNumber", "phone", "faceImage"] },
  { zh: "辅助工具", en: "support tool", slug: "support-tool", kind: "other", domain: "other", weight: 2, logic: GENERIC_LOGIC[0]!, elements: ["name", "phone"] },
];

type ElementDef = { zh: string; en: string; category: string; sensitive: boolean };
const ELEMENTS: Record<string, ElementDef> = {
  name: { zh: "姓名", en: "Name", category: "identity", sensitive: false },
  idNumber: { zh: "身份证号码", en: "Resident ID number", category: "identity", sensitive: false },
  phone: { zh: "手机号码", en: "Mobile phone number", category: "contact", sensitive: false },
  address: { zh: "居住地址", en: "Home address", category: "contact", sensitive: false },
  testResult: { zh: "核酸检测结果", en: "PCR test result", category: "health", sensitive: true },
  vaccination: { zh: "疫苗接种记录", en: "Vaccination record", category: "health", sensitive: true },
  healthStatus: { zh: "健康状况", en: "Health status", category: "health", sensitive: true },
  disability: { zh: "残疾等级", en: "Disability grade", category: "health", sensitive: true },
  trajectory: { zh: "行程轨迹", en: "Travel trajectory", category: "location_trajectory", sensitive: true },
  cellTower: { zh: "基站定位", en: "Cell-tower location", category: "location_trajectory", sensitive: true },
  doorEvents: { zh: "开门记录", en: "Door-opening events", category: "behaviour_credit", sensitive: false },
  faceImage: { zh: "人脸图像", en: "Face image", category: "biometric", sensitive: true },
  cameraFootage: { zh: "监控视频", en: "Camera footage", category: "biometric", sensitive: true },
  accessLog: { zh: "出入记录", en: "Entry and exit log", category: "location_trajectory", sensitive: false },
  vehiclePlate: { zh: "车牌号码", en: "Licence plate", category: "identity", sensitive: false },
  income: { zh: "家庭收入", en: "Household income", category: "financial", sensitive: true },
  bankAccount: { zh: "银行账户", en: "Bank account", category: "financial", sensitive: true },
  householdMembers: { zh: "家庭成员", en: "Household members", category: "relationships", sensitive: false },
  relationships: { zh: "社会关系", en: "Social relationships", category: "relationships", sensitive: false },
  creditRecord: { zh: "信用记录", en: "Credit record", category: "behaviour_credit", sensitive: false },
  conductRecord: { zh: "文明行为记录", en: "Conduct record", category: "behaviour_credit", sensitive: false },
  volunteerHours: { zh: "志愿服务时长", en: "Volunteer hours", category: "behaviour_credit", sensitive: false },
  age: { zh: "年龄", en: "Age", category: "identity", sensitive: false },
  deviceId: { zh: "设备标识", en: "Device identifier", category: "device", sensitive: false },
  other: { zh: "其他信息", en: "Other information", category: "other", sensitive: false },
};
const ELEMENT_KEYS = Object.keys(ELEMENTS);

// Common sentences: 系统 / 管理 / 服务 / 平台 and system / management / service appear in most
// records. The ones with 数据 are rarer on purpose.
const SUMMARY_TAILS: [string, string, number][] = [
  ["提高基层管理效率。", "to make local management more efficient.", 6],
  ["为群众提供便捷服务。", "to give residents a quicker service.", 6],
  ["辅助工作人员作出决定。", "to help staff make decisions.", 5],
  ["实现统一管理和动态监测。", "for unified management and continuous monitoring.", 4],
  ["推进数据共享和业务协同。", "to share data and coordinate work across departments.", 0.4],
];
const DESCRIPTION_SENTENCES: [string, string][] = [
  ["系统由多个部门共同建设，日常运行由运营单位负责。", "The system was built by several departments and is run day to day by the operator."],
  ["使用者须先完成实名认证，部分功能需要授权定位。", "Users must first register with their real name, and some functions need location permission."],
  ["上线初期曾出现高峰时段访问缓慢的情况。", "In its first weeks the service was slow at peak times."],
  ["对结果有异议的，可以通过热线或窗口提出复核。", "Anyone who disputes a result can ask for a review by hotline or at a service counter."],
  ["平台与上级平台对接，按要求报送统计信息。", "The platform is connected to the higher-level platform and reports statistics as required."],
  ["该工具的使用范围在上线后有所扩大。", "The tool was used for more purposes after it went live."],
  ["老年人可以由家属或社区工作人员代为办理。", "Elderly people can have a relative or community worker act for them."],
];
const RARE_DESCRIPTION_SENTENCES: [string, string][] = [
  ["相关数据按规定期限保存，到期后删除。", "Data are kept for the set period and deleted afterwards."],
];
const PURPOSES: [string, string][] = [
  ["核实申请人资格，防止冒领。", "To check that applicants are eligible and prevent fraudulent claims."],
  ["掌握人员流动情况，落实防控措施。", "To know who moves where and enforce control measures."],
  ["提升城市治理精细化水平。", "To make city management more precise."],
  ["方便群众线上办理事项。", "To let residents complete procedures online."],
  ["识别并预警风险对象。", "To identify and flag people considered a risk."],
];
const VENDORS: [string, string][] = [
  ["阿里云计算有限公司", "Alibaba Cloud"], ["腾讯云计算（北京）有限责任公司", "Tencent Cloud"], ["华为技术有限公司", "Huawei"],
  ["杭州海康威视数字技术股份有限公司", "Hikvision"], ["浙江大华技术股份有限公司", "Dahua Technology"], ["商汤科技", "SenseTime"],
  ["浪潮软件集团", "Inspur Software"], ["中国电信股份有限公司", "China Telecom"], ["中国移动通信集团", "China Mobile"],
  ["东软集团", "Neusoft"], ["数字政府建设运营中心", "Digital Government Operations Centre"],
];

// ---------------------------------------------------------------- agencies

export type BenchAgency = { slug: string; name: { zh: string; en: string }; jurisdictionLevel: string; place: { zh: string; en: string }; parent?: string };

export function generateAgencies(rand: Random, count = AGENCY_COUNT): BenchAgency[] {
  const out: BenchAgency[] = [];
  const used = new Set<string>();
  const typeWeights = AGENCY_TYPES.map((t) => [t, t[3]] as const);
  // National and provincial agencies first, so lower levels can name them as parents.
  for (const [zh, en, slug] of AGENCY_TYPES.slice(0, 6)) {
    out.push({ slug: `national-${slug}`, name: { zh: `国家${zh.replace(/局$|委员会$/, "")}主管部门`, en: `National ${en} authority` }, jurisdictionLevel: "national", place: { zh: NATIONAL.zh, en: NATIONAL.en } });
    used.add(`national-${slug}`);
  }
  for (const p of PROVINCES) {
    for (const [zh, en, slug] of AGENCY_TYPES.slice(0, 3)) {
      out.push({ slug: `${p.slug}-${slug}`, name: { zh: `${p.zh}${zh}`, en: `${p.en} ${en}` }, jurisdictionLevel: "province", place: { zh: p.zh, en: p.en }, parent: `national-${slug}` });
      used.add(`${p.slug}-${slug}`);
    }
  }
  while (out.length < count) {
    const city = rand.pick(CITIES);
    const [zh, en, slug] = rand.weighted(typeWeights);
    const district = rand.chance(0.35) ? rand.pick(DISTRICT_STEMS) : undefined;
    const s = district ? `${city.slug}-${district[1].toLowerCase().replace(/[^a-z]/g, "")}-${slug}` : `${city.slug}-${slug}`;
    if (used.has(s)) continue;
    used.add(s);
    out.push(
      district
        ? { slug: s, name: { zh: `${city.zh}${district[0]}区${zh}`, en: `${district[1]} District ${en}, ${city.en}` }, jurisdictionLevel: "district", place: { zh: `${city.zh}${district[0]}区`, en: `${district[1]} District, ${city.en}` } }
        : { slug: s, name: { zh: `${city.zh}${zh}`, en: `${city.en} ${en}` }, jurisdictionLevel: "city", place: { zh: city.zh, en: city.en } },
    );
  }
  return out;
}

// ---------------------------------------------------------------- records

const DEPLOYMENT = [["in_use", 45], ["pilot", 15], ["proposed", 12], ["suspended", 8], ["retired", 20]] as const;
const REVIEW = [
  ["unreviewed", 30], ["submitted", 8], ["in_review", 8], ["changes_requested", 5], ["approved", 30],
  ["approved_with_conditions", 10], ["rejected", 5], ["withdrawn", 4],
] as const;
const LEVEL = [["national", 3], ["province", 12], ["city", 45], ["district", 30], ["street_village", 10]] as const;

const pad = (n: number) => String(n).padStart(6, "0");
export const toolId = (i: number) => `ALG-${pad(i)}`;

/** One record; `i` is 1-based and fixes the id. `anchor` is the date sunset dates are spread around. */
export function generateRecord(rand: Random, i: number, agencies: BenchAgency[], anchor: string): ToolRecordInput {
  const theme = rand.weighted(THEMES.map((t) => [t, t.weight] as const));
  const level = rand.weighted(LEVEL);
  const city = rand.pick(CITIES);
  const district = rand.pick(DISTRICT_STEMS);
  const place =
    level === "national"
      ? { zh: NATIONAL.zh, en: NATIONAL.en }
      : level === "province"
        ? (({ zh, en }) => ({ zh, en }))(rand.pick(PROVINCES))
        : level === "city"
          ? { zh: city.zh, en: city.en }
          : level === "district"
            ? { zh: `${city.zh}${district[0]}区`, en: `${district[1]} District, ${city.en}` }
            : { zh: `${city.zh}${district[0]}区第${rand.int(1, 30)}社区`, en: `Community ${rand.int(1, 30)}, ${district[1]} District, ${city.en}` };

  const variant = rand.pick(["", "（试点）", "二期", "升级版", ""] as const);
  const variantEn = { "": "", "（试点）": " (pilot)", 二期: " phase II", 升级版: " upgrade" }[variant];
  const zhOnlyName = rand.chance(0.08);
  const name = zhOnlyName ? { zh: `${place.zh}${theme.zh}${variant}` } : { zh: `${place.zh}${theme.zh}${variant}`, en: `${place.en} ${theme.en}${variantEn}` };
  const [tailZh, tailEn] = rand.weighted(SUMMARY_TAILS.map(([z, e, w]) => [[z, e] as const, w] as const));
  const summary = rand.chance(0.9)
    ? { zh: `${place.zh}使用的${theme.zh}系统，${tailZh}`, en: `A ${theme.en} system used in ${place.en}, ${tailEn}` }
    : { zh: `${place.zh}使用的${theme.zh}系统，${tailZh}` };

  const sentences = rand.sample(DESCRIPTION_SENTENCES, rand.int(2, 5));
  if (rand.chance(0.02)) sentences.push(RARE_DESCRIPTION_SENTENCES[0]!);
  const description = {
    zh: `## 概述\n\n${sentences.map((s) => s[0]).join("")}\n\n## 管理\n\n- 运营单位负责日常管理。\n- 系统日志保存不少于六个月。`,
    en: `## Overview\n\n${sentences.map((s) => s[1]).join(" ")}\n\n## Management\n\n- The operator is responsible for day-to-day management.\n- System logs are kept for at least six months.`,
  };

  const roles = ["decides", "operates", "commissions", "builds", "supplies_data", "oversees"] as const;
  const agencyRefs = rand
    .sample(roles, rand.int(1, 3))
    .map((role) => ({ agency: agencies[rand.skewed(agencies.length)]!.slug, role }))
    .filter((r, k, all) => all.findIndex((o) => o.agency === r.agency && o.role === r.role) === k);

  const elementKeys = [...new Set([...rand.sample(theme.elements, rand.int(1, theme.elements.length)), ...rand.sample(ELEMENT_KEYS, rand.int(0, 3))])];
  const elements = elementKeys.map((k) => {
    const e = ELEMENTS[k]!;
    return {
      name: { zh: e.zh, en: e.en },
      category: e.category as "identity",
      sensitive: e.sensitive,
      ...(rand.chance(0.6) ? { retention: { zh: `${rand.pick([30, 90, 180, 365])}天`, en: `${rand.pick([30, 90, 180, 365])} days` } } : {}),
      ...(rand.chance(0.4) ? { necessity: { zh: "办理业务所必需。", en: "Needed to handle the case." } } : {}),
    };
  });

  const deploymentStatus = rand.weighted(DEPLOYMENT);
  const reviewStatus = rand.weighted(REVIEW);
  // Sunset: none ever set, already past, due within 60 days, or comfortably ahead.
  const sunsetKind = rand.weighted([["none", 12], ["past", 20], ["near", 8], ["far", 60]] as const);
  const sunsetDate =
    sunsetKind === "none" ? null : sunsetKind === "past" ? addDays(anchor, -rand.int(1, 1500)) : sunsetKind === "near" ? addDays(anchor, rand.int(0, 60)) : addDays(anchor, rand.int(61, 1100));
  const goLive = addDays(anchor, -rand.int(30, 2400));

  const withholdTesting = rand.chance(0.1);
  const incidents = rand.chance(0.08)
    ? [
        {
          kind: rand.pick(["data_breach", "outage", "wrongful_decision", "misuse_of_power", "function_creep", "security_flaw"] as const),
          date: goLive.slice(0, 7),
          title: { zh: "高峰时段系统崩溃", en: "System outage at peak time" },
          description: { zh: "大量用户同时访问导致服务中断数小时，群众无法出示结果。", en: "A surge of users took the service down for hours and people could not show their result." },
          peopleAffected: rand.int(100, 2_000_000),
          sources: ["s1"],
        },
      ]
    : [];

  return {
    standardVersion: "1",
    identity: {
      id: toolId(i),
      slug: `${theme.slug}-${city.slug}-${pad(i)}`,
      name,
      originalLanguage: "zh",
      kind: theme.kind,
      jurisdiction: { level, place },
      policyDomain: theme.domain,
      summary,
      ...(rand.chance(0.85) ? { description } : {}),
    },
    responsibility: {
      agencies: agencyRefs,
      ...(rand.chance(0.7) ? { contactOffice: { name: { zh: "12345政务服务热线", en: "12345 government service hotline" }, channel: "12345" } } : {}),
      vendors: rand.chance(0.6)
        ? rand.sample(VENDORS, rand.int(1, 2)).map(([zh, en]) => ({
            name: { zh, en },
            role: rand.pick(["developer", "operator", "platform_provider", "hardware_supplier"] as const),
            ...(rand.chance(0.5) ? { contractReference: `CG-${2018 + rand.int(0, 7)}-${rand.int(1000, 9999)}` } : {}),
            sourceAccess: rand.pick(["published", "available_to_reviewers", "escrow", "none"] as const),
          }))
        : [],
    },
    purpose: {
      purpose: (([zh, en]) => ({ zh, en }))(rand.pick(PURPOSES)),
      legalBasis: rand.chance(0.7) ? [{ citation: rand.pick(["《个人信息保护法》第十三条", "《传染病防治法》第十二条", "《社会救助暂行办法》", "地方政府规章"]) }] : [],
      ...(rand.chance(0.6) ? { affectedPeople: { estimate: rand.int(500, 20_000_000) } } : {}),
      mandatory: rand.pick(["yes", "no", "de_facto"] as const),
      ...(rand.chance(0.5) ? { nonDigitalAlternative: { zh: "可到社区服务窗口人工办理。", en: "A staffed counter at the community centre." } } : {}),
    },
    purposeHistory: [],
    howItWorks: {
      automation: rand.pick(["informs", "recommends", "decides_with_review", "decides_alone"] as const),
      logic: { zh: theme.logic[0], en: theme.logic[1] },
      ...(rand.chance(0.3) ? { sourceCode: { reasonNone: { zh: "涉及商业秘密，未公开。", en: "Not published: the vendor claims trade secrets." } } } : {}),
      ...(!withholdTesting && rand.chance(0.3) ? { testing: { zh: "上线前进行了准确率测试。", en: "Accuracy was tested before launch." } } : {}),
    },
    dataScope: {
      elements,
      sharingRecipients: rand.chance(0.3) ? [{ zh: "上级主管部门", en: "The supervising authority" }] : [],
      ...(rand.chance(0.5) ? { securityProtectionLevel: rand.pick(["2", "3"] as const) } : {}),
      ...(rand.chance(0.5) ? { peopleCovered: rand.int(1000, 30_000_000) } : {}),
    },
    oversight: {
      ...(rand.chance(0.6) ? { appeal: { channel: { zh: "拨打12345热线申请复核。", en: "Call the 12345 hotline to ask for a review." }, responseDays: rand.pick([3, 7, 15]) } } : {}),
      appealStats: rand.chance(0.1) ? [{ period: "2023", filed: 120, corrected: rand.int(0, 120), medianDays: 6 }] : [],
    },
    lifecycle: {
      deploymentStatus,
      reviewStatus,
      goLiveDate: goLive,
      sunsetDate,
      renewals: [],
      ...(deploymentStatus === "retired" ? { retirement: { date: addDays(goLive, rand.int(30, 700)).slice(0, 7), reason: { zh: "任务结束，停止使用。", en: "Its task ended and it was switched off." } } } : {}),
    },
    assessments: {
      ...(rand.chance(0.85)
        ? {
            impact: {
              peopleAffected: rand.pick(["under_1k", "under_100k", "under_1m", "over_1m"] as const),
              dataSensitivity: rand.pick(["none", "personal", "sensitive", "sensitive_at_scale"] as const),
              automation: rand.pick(["informs", "recommends", "decides_with_review", "decides_alone"] as const),
              consequence: rand.pick(["minor", "moderate", "serious", "severe"] as const),
              reversible: rand.chance(0.5),
              mandatory: rand.chance(0.4),
              vulnerableGroups: rand.chance(0.3),
              mitigations: rand.sample(["human_review", "appeal_route", "non_digital_alternative", "data_minimisation", "published_code"] as const, rand.int(0, 3)),
            },
          }
        : {}),
      documents: [],
    },
    incidents,
    withheld: withholdTesting ? [{ field: "howItWorks.testing", ground: { zh: "涉及国家安全。", en: "Withheld on national-security grounds." } }] : [],
    sources: [{ key: "s1", kind: rand.pick(["public_record", "official_document", "news"] as const), title: { zh: `${place.zh}${theme.zh}相关报道`, en: `Report on the ${place.en} ${theme.en}` }, url: `https://example.org/source/${pad(i)}` }],
  };
}

// ---------------------------------------------------------------- writing

export type GenerateStats = { records: number; revisions: number; agencies: number; seconds: number };

/** A batch of generated records: the last record's number, and the records with their publication times. */
export type GeneratedBatch = { end: number; items: { input: ToolRecordInput; at: string }[] };

export const BATCH = 1000;

/**
 * The register's records in batches of BATCH (each tool's second revision, if it has one, in
 * the same batch), from the seeded generator: the same batches wherever they are made (this
 * thread or generate-worker.ts). `agencies` is what generateAgencies made first from `rand`.
 * Batches up to record `skip` (those of a generation being resumed) are made, to move the random
 * numbers to where they were, but not yielded.
 */
export function* generatedBatches(rand: Random, agencies: BenchAgency[], records: number, anchor: string, skip = 0): Generator<GeneratedBatch> {
  const baseTime = Date.parse(`${addDays(anchor, -2000)}T00:00:00Z`);
  for (let start = 1; start <= records; start += BATCH) {
    const end = Math.min(records, start + BATCH - 1);
    const items: GeneratedBatch["items"] = [];
    for (let i = start; i <= end; i++) {
      const record = generateRecord(rand, i, agencies, anchor);
      // Spread publication times over ~5.5 years so "recently updated" is meaningful.
      const at = new Date(baseTime + Math.floor((i / records) * 2000 * 86_400_000) + rand.int(0, 86_399_999)).toISOString();
      items.push({ input: record, at });
      // A few tools have a second revision (the review moved on), as a real register would.
      if (rand.chance(0.03)) {
        const next = { ...record, lifecycle: { ...record.lifecycle, reviewStatus: "approved" as const } };
        items.push({ input: next, at: new Date(Date.parse(at) + 30 * 86_400_000).toISOString() });
      }
    }
    if (end > skip) yield { end, items };
  }
}

/** The search names of the register's agencies by slug, as publishing reads them. */
export function agencySearchNames(db: Db): Record<string, string> {
  const rows = db.$client.prepare(`SELECT slug, name_zh, name_en FROM agencies`).all() as { slug: string; name_zh: string | null; name_en: string | null }[];
  return Object.fromEntries(rows.map((a) => [a.slug, agencySearchText(a.name_zh, a.name_en)]));
}

/**
 * Fill a migrated, empty database. Batches of BATCH records are written by publishMany, one
 * transaction each. With `threads` (the default) the records are made and prepared (validated,
 * serialised, hashed, their search rows computed: about a third of the CPU of publishing) in a worker
 * thread (generate-worker.ts), one batch ahead of the batch this thread writes; the register
 * written is the same either way (test/integration/generate-threads.test.ts).
 */
export async function generateRegister(
  db: Db,
  records: number,
  anchor: string,
  log: (msg: string) => void = () => {},
  opts: { resumeAfter?: number; threads?: boolean } = {},
): Promise<GenerateStats> {
  const started = performance.now();
  // Resuming a generation that stopped: its first `resumeAfter` records are written (whole
  // batches); generatedBatches makes them again without yielding them.
  const skip = opts.resumeAfter ?? 0;
  if (skip % BATCH !== 0) throw new Error(`resumeAfter must be a whole number of batches, got ${skip}`);
  const rand = createRandom(SEED);
  const agencies = generateAgencies(rand);
  if (!skip) upsertAgencies(agencies, db);

  const batches = opts.threads === false ? generatedBatches(rand, agencies, records, anchor, skip) : inWorkerThread(records, anchor, skip, agencySearchNames(db));
  let revisions = 0;
  for await (const { end, items } of batches) {
    publishMany(items, db);
    revisions += items.length;
    if (end % 10_000 === 0 || end === records) {
      const s = (performance.now() - started) / 1000;
      log(`  ${end.toLocaleString("en")} / ${records.toLocaleString("en")} records (${s.toFixed(1)} s, ${Math.round(end / s)} records/s)`);
    }
  }
  // As after any bulk import (scripts/seed/run.server.ts does the same): merge the search index's
  // segments, which roughly halves query time on a freshly loaded register.
  optimizeSearchIndex(db);
  return { records, revisions, agencies: agencies.length, seconds: (performance.now() - started) / 1000 };
}

type Batch = { end: number; items: ({ input: unknown; at: string } | PreparedRevision)[] };

/** Batches made and prepared by generate-worker.ts, asked for one ahead of the one being written. */
async function* inWorkerThread(records: number, anchor: string, skip: number, agencyNames: Record<string, string>): AsyncGenerator<Batch> {
  const worker = new Worker(new URL("./generate-worker.mjs", import.meta.url), { workerData: { records, anchor, skip, agencyNames }, execArgv: [] });
  const waiting: ((m: WorkerBatch | Error) => void)[] = [];
  const arrived: (WorkerBatch | Error)[] = [];
  const deliver = (m: WorkerBatch | Error) => (waiting.length ? waiting.shift()!(m) : arrived.push(m));
  worker.on("message", (m: WorkerBatch) => deliver(m));
  worker.on("error", (e: Error) => deliver(e));
  worker.on("exit", (code) => deliver(new Error(`the generator's thread exited (${code}) before the last batch`)));
  const next = () => {
    worker.postMessage("next");
    return new Promise<WorkerBatch | Error>((resolve) => (arrived.length ? resolve(arrived.shift()!) : waiting.push(resolve)));
  };
  try {
    let pending = next();
    for (;;) {
      const m = await pending;
      if (m instanceof Error) throw m;
      if (m.done) return;
      pending = next(); // the thread prepares the next batch while this one is written
      // The record is read back from its canonical JSON: the same record, cheaper to carry than a cloned object.
      yield { end: m.end, items: m.items.map((i) => ({ ...i, record: JSON.parse(i.json) })) };
    }
  } finally {
    await worker.terminate();
  }
}

/** What generate-worker.ts sends for each "next": a prepared batch without its records' objects, or done. */
export type WorkerBatch = { done: true } | { done: false; end: number; items: Omit<PreparedRevision, "record">[] };
