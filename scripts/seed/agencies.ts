// Agencies named by the embedded cases. Names are the official Chinese names with an English
// rendering. Where a source names only a government level (a city, a district), the agency is
// that people's government; the record does not guess which office inside it was responsible.
// The Shanghai district studied in seed 001 is anonymised there as "M district" and stays so.
import type { z } from "zod";
import type { AgencySchema } from "../../registry/standard/agency";

type AgencyInput = z.input<typeof AgencySchema>;

const a = (
  slug: string,
  zh: string,
  en: string,
  jurisdictionLevel: AgencyInput["jurisdictionLevel"],
  placeZh: string,
  placeEn: string,
  parent?: string,
): AgencyInput => ({ slug, name: { zh, en }, jurisdictionLevel, place: { zh: placeZh, en: placeEn }, ...(parent ? { parent } : {}) });

export const SEED_AGENCIES: AgencyInput[] = [
  // national
  a("state-council-general-office", "国务院办公厅", "General Office of the State Council", "national", "中国", "China"),
  a("national-health-commission", "国家卫生健康委员会", "National Health Commission", "national", "中国", "China"),
  a("miit", "工业和信息化部", "Ministry of Industry and Information Technology", "national", "中国", "China"),
  a("samr", "国家市场监督管理总局（国家标准化管理委员会）", "State Administration for Market Regulation (Standardization Administration)", "national", "中国", "China"),
  // provinces and provincial-level cities
  a("shanghai-municipal-government", "上海市人民政府", "Shanghai Municipal People's Government", "province", "上海市", "Shanghai"),
  a("beijing-municipal-government", "北京市人民政府", "Beijing Municipal People's Government", "province", "北京市", "Beijing"),
  a("tianjin-municipal-government", "天津市人民政府", "Tianjin Municipal People's Government", "province", "天津市", "Tianjin"),
  a("henan-provincial-government", "河南省人民政府", "Henan Provincial People's Government", "province", "河南省", "Henan"),
  a("shandong-provincial-government", "山东省人民政府", "Shandong Provincial People's Government", "province", "山东省", "Shandong"),
  a("zhejiang-provincial-government", "浙江省人民政府", "Zhejiang Provincial People's Government", "province", "浙江省", "Zhejiang"),
  a("jiangsu-provincial-government", "江苏省人民政府", "Jiangsu Provincial People's Government", "province", "江苏省", "Jiangsu"),
  a("guangdong-provincial-government", "广东省人民政府", "Guangdong Provincial People's Government", "province", "广东省", "Guangdong"),
  // cities
  a("zhengzhou-municipal-government", "郑州市人民政府", "Zhengzhou Municipal People's Government", "city", "河南省郑州市", "Zhengzhou, Henan", "henan-provincial-government"),
  a("zibo-municipal-government", "淄博市人民政府", "Zibo Municipal People's Government", "city", "山东省淄博市", "Zibo, Shandong", "shandong-provincial-government"),
  a("hangzhou-municipal-government", "杭州市人民政府", "Hangzhou Municipal People's Government", "city", "浙江省杭州市", "Hangzhou, Zhejiang", "zhejiang-provincial-government"),
  a("hangzhou-health-commission", "杭州市卫生健康委员会", "Hangzhou Municipal Health Commission", "city", "浙江省杭州市", "Hangzhou, Zhejiang", "hangzhou-municipal-government"),
  a("wenzhou-municipal-government", "温州市人民政府", "Wenzhou Municipal People's Government", "city", "浙江省温州市", "Wenzhou, Zhejiang", "zhejiang-provincial-government"),
  a("suzhou-municipal-government", "苏州市人民政府", "Suzhou Municipal People's Government", "city", "江苏省苏州市", "Suzhou, Jiangsu", "jiangsu-provincial-government"),
  a("guangzhou-municipal-government", "广州市人民政府", "Guangzhou Municipal People's Government", "city", "广东省广州市", "Guangzhou, Guangdong", "guangdong-provincial-government"),
  // districts and counties
  a("shanghai-m-district", "上海市M区人民政府（来源中匿名）", "Shanghai \"M district\" government (anonymised in the source)", "district", "上海市M区", "\"M district\", Shanghai", "shanghai-municipal-government"),
  a("shanghai-xuhui-district", "上海市徐汇区人民政府", "Xuhui District People's Government, Shanghai", "district", "上海市徐汇区", "Xuhui District, Shanghai", "shanghai-municipal-government"),
  a("wenzhou-lucheng-district", "温州市鹿城区人民政府", "Lucheng District People's Government, Wenzhou", "district", "浙江省温州市鹿城区", "Lucheng District, Wenzhou", "wenzhou-municipal-government"),
  a("tianjin-hexi-district", "天津市河西区人民政府", "Hexi District People's Government, Tianjin", "district", "天津市河西区", "Hexi District, Tianjin", "tianjin-municipal-government"),
  a("hangzhou-xiaoshan-district", "杭州市萧山区人民政府", "Xiaoshan District People's Government, Hangzhou", "district", "浙江省杭州市萧山区", "Xiaoshan District, Hangzhou", "hangzhou-municipal-government"),
  a("tonglu-county", "桐庐县人民政府", "Tonglu County People's Government", "district", "浙江省杭州市桐庐县", "Tonglu County, Hangzhou", "hangzhou-municipal-government"),
  // towns and sub-districts
  a("guali-town", "萧山区瓜沥镇人民政府", "Guali Town People's Government, Xiaoshan", "street_village", "浙江省杭州市萧山区瓜沥镇", "Guali Town, Xiaoshan, Hangzhou", "hangzhou-xiaoshan-district"),
  a("tonglu-tongjun-subdistrict", "桐庐县桐君街道办事处", "Tongjun Sub-district Office, Tonglu County", "street_village", "浙江省杭州市桐庐县桐君街道", "Tongjun Sub-district, Tonglu", "tonglu-county"),
  // other public bodies
  a(
    "yrd-demonstration-zone-executive-committee",
    "长三角生态绿色一体化发展示范区执行委员会",
    "Executive Committee of the Yangtze River Delta Ecological Green Integrated Development Demonstration Zone",
    "province",
    "上海市青浦区、江苏省苏州市吴江区、浙江省嘉兴市嘉善县",
    "Qingpu (Shanghai), Wujiang (Jiangsu) and Jiashan (Zhejiang)",
  ),
  a(
    "zhejiang-fengqiao-institute",
    "浙江省新时代枫桥经验研究院",
    "Zhejiang Institute of the \"Fengqiao Experience\" in the New Era",
    "province",
    "浙江省",
    "Zhejiang",
  ),
];
