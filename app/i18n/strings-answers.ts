// The record page's answers at a glance (app/components/answer-card.tsx). Merged into strings.ts;
// a key missing in one language fails the typecheck.
const en = {
  answersHeading: "At a glance",
  answersCollectsQ: "What does it collect?",
  answersCollects: "{n} kinds of data, {s} of them sensitive: {categories}.",
  answersCollectsNone: "The agency has not disclosed what data it collects.",
  answersBasisQ: "On what legal basis?",
  answersBasisMore: "and {n} more",
  answersBasisNone: "No legal basis has been stated.",
  answersReviewQ: "Who reviewed it?",
  answersReviewDecided: "{status}: decided on {date}.",
  answersReviewNone: "{status}: no review decision yet.",
  answersComplainQ: "How can I complain or get a wrong result corrected?",
  answersComplainDays: "The agency promises an answer within {days} days.",
  answersComplainNone: "The agency has not disclosed an appeal route. In this register you can:",
  answersComplainComment: "comment on this record",
  answersComplainReport: "report a problem with this record",
  answersEndQ: "When does it end?",
  answersEndDate: "Its sunset date is {date}.",
  answersEndNone: "No end date has been set.",
  answersMore: "Details",
  answersDefinition: "What this field means",
};

const zh: Record<keyof typeof en, string> = {
  answersHeading: "要点",
  answersCollectsQ: "收集哪些数据？",
  answersCollects: "{n} 项数据，其中 {s} 项为敏感个人信息：{categories}。",
  answersCollectsNone: "机构未公开收集哪些数据。",
  answersBasisQ: "依据什么法律？",
  answersBasisMore: "等 {n} 项",
  answersBasisNone: "未说明任何法律依据。",
  answersReviewQ: "谁审查过？",
  answersReviewDecided: "{status}：{date}作出决定。",
  answersReviewNone: "{status}：尚无审查决定。",
  answersComplainQ: "如何申诉或纠正错误结果？",
  answersComplainDays: "机构承诺在 {days} 天内答复。",
  answersComplainNone: "机构未公开申诉途径。您可以在本登记簿：",
  answersComplainComment: "就本记录发表评论",
  answersComplainReport: "报告本记录的问题",
  answersEndQ: "何时终止？",
  answersEndDate: "终止日期为 {date}。",
  answersEndNone: "未设定终止日期。",
  answersMore: "详情",
  answersDefinition: "字段说明",
};

export const answersStrings = { en, zh };
