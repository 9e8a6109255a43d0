// One address of every public page type, for the end-to-end checks that walk them all (clean
// bytes, phone layout, public text): a new page type is added here once and every check sees it.
import { seedId } from "./seed";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");
const SUISHEN_CODE = seedId("shanghai-suishen-code");
const CIVILITY_CODE = seedId("suzhou-civility-code");

export const PUBLIC_PAGES = [
  "/",
  "/tools",
  "/tools?kind=code_system&sunset=no_sunset",
  "/tools?kind=code_system&sunset=lapsed&sunset=no_sunset",
  "/tools?q=%E5%81%A5%E5%BA%B7%E7%A0%81",
  "/tools?agency=shanghai-municipal-government",
  `/tools/${HEALTH_CODE}`,
  `/tools/${SUISHEN_CODE}`,
  `/tools/${CIVILITY_CODE}`,
  `/tools/${SUISHEN_CODE}/history`,
  "/agencies",
  "/agencies/shanghai-municipal-government",
  "/standard",
  "/sunsets",
  "/sunsets?kind=code_system&kind=app&agency=shanghai-municipal-government",
  "/incidents",
  "/log",
  "/api",
  "/unregistered",
  "/report-unregistered",
  `/tools/${HEALTH_CODE}/report`,
  "/login",
] as const;
