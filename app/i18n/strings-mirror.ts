// Interface strings for the mirror pages, merged into strings.ts. Kept apart so that work on one
// area does not edit the shared table; a key missing in one language fails the typecheck.
const en = {
  mirrorBanner: "This is a static copy of the register, made on {date}. It does not change after that date.",
  mirrorBannerLive: "The live register",
  mirrorFormNote: "This is a static mirror of {date}: to search, comment or report a problem, use the live register.",
  mirrorCompareIntro: "Changes between two consecutive revisions:",
  mirrorCompareLink: "revision {from} → {to}",
  mirrorIndexTitle: "Public Algorithm Register: static copy of {date}",
  mirrorIndexIntro: "A static copy of the whole public register in Chinese and English, with its data exports. It works from any web server or straight from the disk.",
  mirrorIndexChinese: "中文版",
  mirrorIndexEnglish: "English version",
  mirrorIndexData: "Data: all tools as CSV, JSON and NDJSON; the record standard as JSON Schema; how this copy was made (README.txt).",
};

const zh: Record<keyof typeof en, string> = {
  mirrorBanner: "这是本登记簿于 {date} 制作的静态副本，此后不再更新。",
  mirrorBannerLive: "在线登记簿",
  mirrorFormNote: "这是 {date} 的静态镜像：搜索、评论或报告问题请使用在线登记簿。",
  mirrorCompareIntro: "相邻两个版本之间的变更：",
  mirrorCompareLink: "第 {from} 版 → 第 {to} 版",
  mirrorIndexTitle: "公共算法登记簿：{date} 的静态副本",
  mirrorIndexIntro: "整个公开登记簿（中文和英文）及其数据导出的静态副本，可由任何网页服务器提供，也可直接从磁盘打开。",
  mirrorIndexChinese: "中文版",
  mirrorIndexEnglish: "English version",
  mirrorIndexData: "数据：全部工具（CSV、JSON、NDJSON）；记录标准（JSON Schema）；本副本的制作说明（README.txt）。",
};

export const mirrorStrings = { en, zh };
