// The 22 documented cases of ../shared/cases.md, in order: ALG-000001 to ALG-000022.
import type { ToolRecordInput } from "../../../registry/standard/v1";
import c1 from "./01-health-code";
import c2 from "./02-suishen-code";
import c3 from "./03-trip-card";
import c4 from "./04-henan-red-coding";
import c5 from "./05-zibo-test-reporting";
import c6 from "./06-test-record-lookup";
import c7 from "./07-door-sensors";
import c8 from "./08-beijing-wristbands";
import c9 from "./09-hangzhou-health-index-code";
import c10 from "./10-suzhou-civility-code";
import c11 from "./11-m-district-one-network";
import c12 from "./12-suishen-pai";
import c13 from "./13-xuhui-needs-model";
import c14 from "./14-zhejiang-zhengding";
import c15 from "./15-hexi-one-touch";
import c16 from "./16-lijiayuan";
import c17 from "./17-hangzhou-city-brain";
import c18 from "./18-hangzhou-citizen-code";
import c19 from "./19-guangzhou-suizhiguan";
import c20 from "./20-tongjun-qinqing-map";
import c21 from "./21-fengqiao-index";
import c22 from "./22-yrd-smart-brain";

export const SEED_RECORDS: ToolRecordInput[] = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22];
