// One address of every public page type, for the end-to-end checks that walk them all (clean
// bytes, phone layout, public text): a new page type is added here once and every check sees it.
export const PUBLIC_PAGES = [
  "/",
  "/tools",
  "/tools?kind=code_system&sunset=no_sunset",
  "/tools?q=%E5%81%A5%E5%BA%B7%E7%A0%81",
  "/tools?agency=shanghai-municipal-government",
  "/tools/ALG-000001",
  "/tools/ALG-000002",
  "/tools/ALG-000010",
  "/tools/ALG-000002/history",
  "/agencies",
  "/agencies/shanghai-municipal-government",
  "/standard",
  "/sunsets",
  "/incidents",
  "/log",
  "/api",
  "/unregistered",
  "/report-unregistered",
  "/tools/ALG-000001/report",
  "/login",
] as const;
