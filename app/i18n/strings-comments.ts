// Interface strings for the public comments on a record, merged into strings.ts. Kept apart so
// parallel work does not edit the shared table; a key missing in one language fails the typecheck.
const en = {
  commentsCountInHeading: "({n} comments)",
  commentsCountInHeadingOne: "(1 comment)",
  commentNotSentTitle: "Your comment was not sent",
  commentsReplyAgency: "the responsible agency",
};

const zh: Record<keyof typeof en, string> = {
  commentsCountInHeading: "（{n} 条评论）",
  commentsCountInHeadingOne: "（1 条评论）",
  commentNotSentTitle: "您的评论未能提交",
  commentsReplyAgency: "责任机构",
};

export const commentsStrings = { en, zh };
