// The words the interface uses for its concepts, one per concept in each language, and the
// variants that were in use before and are no longer allowed. docs/glossary.md explains each choice;
// test/unit/glossary.test.ts checks every Chinese string (app/i18n/*.ts, registry/standard/labels.ts)
// against this table.
export type GlossaryEntry = {
  concept: string;
  en: string;
  zh: string;
  /** Chinese words that must not appear anywhere in the interface text. */
  rejected: string[];
  /** For a word shared with another concept: string keys that must not use it. */
  notInKeys?: RegExp;
};

export const GLOSSARY: GlossaryEntry[] = [
  { concept: "the register", en: "register", zh: "登记簿", rejected: ["登记册", "登记表"] },
  { concept: "a revision of a record", en: "revision", zh: "版本", rejected: ["修订版本", "修订版"] },
  { concept: "sunset date", en: "sunset date / end date", zh: "终止日期", rejected: ["到期日", "截止日期"] },
  { concept: "sunset state", en: "sunset state", zh: "终止状态", rejected: ["到期状态"] },
  { concept: "due for sunset", en: "due for sunset", zh: "即将到达终止日期", rejected: ["即将到期", "到期"] },
  { concept: "lapsed (past the sunset date)", en: "lapsed", zh: "已过终止日期", rejected: ["已过期", "过期"] },
  { concept: "retired", en: "retired", zh: "已停用", rejected: ["退役", "已下线", "已废止"] },
  { concept: "suspended", en: "suspended", zh: "已暂停", rejected: ["已中止"] },
  // 事件 is the word of Chinese law for incidents (网络安全事件, 个人信息安全事件); the log of
  // everything done in the register is therefore the 操作日志, never the 事件日志.
  { concept: "incident (breach, outage, wrongful decision …)", en: "incident", zh: "事件", rejected: ["事故"] },
  {
    concept: "the event log (hash chain of everything done)",
    en: "event log",
    zh: "操作日志",
    rejected: ["事件日志", "日志事件"],
    notInKeys: /^(log[A-Z]|navLog$|historyEvents$|apiOp_listEvents$|feedChain)/,
  },
  { concept: "review of a record (by a reviewer)", en: "review", zh: "审查", rejected: ["审议"] },
  { concept: "moderation of a comment", en: "moderation", zh: "审核", rejected: [] },
  { concept: "public comment", en: "comment", zh: "评论", rejected: ["留言"] },
  { concept: "public consultation", en: "consultation", zh: "征求意见", rejected: [] },
  { concept: "impact level", en: "impact level", zh: "影响等级", rejected: ["风险等级"] },
  { concept: "agency", en: "agency", zh: "机构", rejected: [] },
  { concept: "source of a record", en: "source", zh: "来源", rejected: ["出处"] },
  { concept: "appeal route", en: "appeal", zh: "申诉", rejected: ["上诉"] },
  { concept: "the register's time zone (default)", en: "Beijing time", zh: "北京时间", rejected: ["北京標準時間", "中国标准时间"] },
];
