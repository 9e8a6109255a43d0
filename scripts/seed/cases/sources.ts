// Sources shared by the embedded cases: the seed texts in ../shared/seeds, cited by file name.
import type { ToolRecordInput } from "../../../registry/standard/v1";

type Source = ToolRecordInput["sources"][number];

export const SEED_000: Source = {
  key: "seed-000",
  kind: "academic",
  title: {
    zh: "陈水生、谢仪：《数字治理价值的偏离及其复归：基于“数字抗疫”的案例研究》",
    en: "Chen Shuisheng and Xie Yi, \"The deviation and return of digital governance values: a case study of 'digital epidemic prevention'\"",
  },
  citation: "《电子政务》2023年第2期",
  seedFile: "000_67db68785310814b.txt",
};

export const SEED_001: Source = {
  key: "seed-001",
  kind: "academic",
  title: {
    zh: "李汉卿、孟子龙：《城市数字治理的生成及其风险防控：以上海市M区“一网统管”为例》",
    en: "Li Hanqing and Meng Zilong, \"The generation and risk control of urban digital governance: Shanghai M district 'one network for unified management'\"",
  },
  citation: "《当代经济管理》2022年第9期",
  seedFile: "001_53d2b0c5d58c1cda.txt",
};

export const SEED_004: Source = {
  key: "seed-004",
  kind: "academic",
  title: { zh: "数字治理（教材章节）", en: "Digital governance (textbook chapter)" },
  citation: "Textbook chapter on digital governance",
  seedFile: "004_966d704e43cf11f1.txt",
};

/** Appended to the description of every embedded case. */
export const editorsNote = {
  zh: "*本记录由登记簿编辑根据所列来源事后登记，运营机构未提交或审查。来源未提供的事实留空。*",
  en: "*Registered after the fact by the register's editors from the sources listed; the operator did not submit or review it. Facts the sources do not give are left empty.*",
};

/** Bilingual text, Chinese first. */
export const L = (zh: string, en: string) => ({ zh, en });

/** The description of an embedded case: paragraphs in each language, then the editors' note. */
export function describe(zh: string[], en: string[]) {
  return { zh: [...zh, editorsNote.zh].join("\n\n"), en: [...en, editorsNote.en].join("\n\n") };
}
