// Interface strings of the reviewer's pages: the ten findings in one form, a decided review as
// text, the queue's agency picker and the independence rule. Merged into strings.ts; kept apart
// so parallel work does not edit the shared table.
const en = {
  reviewFindingsIntro: "Give a rating for each criterion. Criteria left blank stay open and can be completed later; the decision needs all ten.",
  reviewSaveFindings: "Save findings",
  reviewFindingsSaved: "Findings saved.",
  reviewFindingsAutosaved: "Saved: criterion {criteria}.",
  reviewFindingField: "Criterion {n}: {field}",
  reviewDeadlineHint: " (for example 2027-06-30)",
  reviewFindingNone: "No finding recorded.",
  reviewFindingsDecided: "You have decided ({decision}): your findings are shown as recorded and can no longer be changed.",
  reviewFindingsClosed: "This review is closed: your findings are shown as recorded.",
  reviewConditionUntil: "{condition} (by {date})",
  reviewFilterAgencyAll: "All agencies",
  reviewListSeparator: ", ",
  reviewersStatusOne: "Needs one reviewer of another agency: {reviewing} reviewing, {approved} approved.",
  reviewersStatusMany: "Needs {required} reviewers of different agencies: {approved} approved so far, {reviewing} reviewing.",
  reviewIndependenceRule:
    "{level}: an approval takes effect only when {required} reviewers of {required} different agencies have approved. No reviewer may be of the agency that owns the tool or of an agency that has confirmed it is co-responsible; two reviewers of one agency count as one.",
  err_finding_twice: "This criterion is given twice.",
};

const zh: Record<keyof typeof en, string> = {
  reviewFindingsIntro: "请为每项标准选择结论。留空的标准保持未完成，可以之后再填；作出决定前须填完全部十项。",
  reviewSaveFindings: "保存审查意见",
  reviewFindingsSaved: "审查意见已保存。",
  reviewFindingsAutosaved: "已自动保存：标准 {criteria}。",
  reviewFindingField: "标准 {n}：{field}",
  reviewDeadlineHint: "（例如 2027-06-30）",
  reviewFindingNone: "尚未记录审查意见。",
  reviewFindingsDecided: "您已作出决定（{decision}）：以下为已记录的审查意见，不能再修改。",
  reviewFindingsClosed: "本次审查已结束：以下为已记录的审查意见。",
  reviewConditionUntil: "{condition}（期限：{date}）",
  reviewFilterAgencyAll: "全部机构",
  reviewListSeparator: "、",
  reviewersStatusOne: "需要 1 名其他机构的审查员：{reviewing} 名正在审查，{approved} 名已批准。",
  reviewersStatusMany: "需要 {required} 名不同机构的审查员，已有 {approved} 名批准，{reviewing} 名正在审查。",
  reviewIndependenceRule:
    "影响等级为{level}：须由 {required} 个不同机构的 {required} 名审查员均批准，批准才生效。审查员不得来自工具的所属机构，也不得来自已确认共同负责的机构；同一机构的两名审查员只算一名。",
  err_finding_twice: "该标准填写了两次。",
};

export const reviewFormStrings = { en, zh };
