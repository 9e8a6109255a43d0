// Interface strings for the event log's anchor and full check (/log), merged into strings.ts.
// Kept apart so that work on one area does not edit the shared table; a key missing in one
// language fails the typecheck.
const en = {
  chainCheckHeading: "Last check",
  chainCheckNone:
    "No check has run yet. The server checks the whole log within a minute of starting and about once a minute after that, and every new entry as it is added.",
  chainCheckOk:
    "Checked at {time}: the chain is intact. All {count} entries up to entry {id} follow one from another and from the checkpoint kept outside the database, and every submitted revision has the text and review status its entries record.",
  chainCheckBroken: "Checked at {time}: the register does not match its log ({count} problems). What is named here cannot be trusted:",
  chainCheckHeadHash: "Hash of entry {id} at that check:",
  chainCheckFull:
    "The whole log and every revision were last checked at {time}, up to entry {id}; the entries after it were checked as they were added. The whole check runs again every minute (for a very large log, at intervals five times as long as one check takes), at low priority so that it does not hold up pages.",
  chainHeadHeading: "Latest entry",
  chainHeadNow: "Entry {id}, hash:",
  chainHeadEmpty: "The log is empty.",
  chainHeadHelp:
    "Keep a copy of this entry's number and hash (it is also in every page of /log.json, in the API and in the feeds). Whoever holds it can later check that the register still contains it unchanged: a rewritten or shortened log no longer does. On the server: npm run verify-log -- --expect {id}:<hash>.",
  chainProblem_chain_broken: "Entry {event} does not follow from the one before: {reason}.",
  chainProblem_no_checkpoint: "There is no checkpoint outside the database to compare the log with.",
  chainProblem_checkpoint_unreadable: "The checkpoint kept outside the database cannot be read.",
  chainProblem_anchor_missing: "The checkpoint names entry {event}, but the log ends at entry {lastEvent}: entries were deleted from its end.",
  chainProblem_anchor_mismatch: "Entry {event} is not the entry the checkpoint recorded: the log was rewritten.",
  chainProblem_record_hash_mismatch: "The text of {tool}, revision {revision}, was changed after it was submitted.",
  chainProblem_record_event_mismatch: "{tool}, revision {revision}, is not the record entry {event} logged.",
  chainProblem_status_mismatch: "{tool}, revision {revision}, shows the review status “{status}”, but its log entries give “{logged}”.",
  chainProblem_revision_unlogged: "{tool}, revision {revision}, is public, but no log entry records it.",
  chainProblem_revision_missing: "Entry {event} records {tool}, revision {revision}, which is no longer in the register as submitted.",
  chainProblem_projection_status_mismatch: "{tool} is listed as “{status}”, but its published revision's log entries give “{logged}”.",
  chainProblem_anchor_missing_expected: "The head you copied names entry {event}, but the log ends at entry {lastEvent}: entries were deleted from its end.",
  chainProblem_anchor_mismatch_expected: "Entry {event} is not the entry you copied: the log was rewritten.",
  chainProblem_unknown: "The check found a problem it cannot describe.",
  chainProblemHashes: "Its hash is {found}; it was {expected}.",
  chainProblemFile: "Checkpoint file: {file}.",
  chainProblemHint_no_checkpoint:
    "Without it, entries deleted from the end of the log or rewritten would go unseen. Give the head you copied with --expect <id>:<sha256>, or --no-checkpoint to check the chain alone.",
  chainProblemHint_checkpoint_unreadable: "It must hold one line, <id>:<sha256>.",
  chainProblemsMore: "And {count} more.",
  feedChainHead: "Latest entry of the event log: {id}, SHA-256 {hash}",
};

const zh: Record<keyof typeof en, string> = {
  chainCheckHeading: "最近一次核验",
  chainCheckNone: "尚未进行核验。服务器在启动后一分钟内核验整个日志，此后约每分钟一次，并在每条新记录写入时核验该记录。",
  chainCheckOk:
    "核验时间 {time}：链条完整。截至第 {id} 条的全部 {count} 条记录逐条相接，并与保存在数据库之外的检查点一致；每个已提交版本的文本和审查状态都与日志记录相符。",
  chainCheckBroken: "核验时间 {time}：登记簿与其日志不符（{count} 个问题）。以下所列内容不可信：",
  chainCheckHeadHash: "核验时第 {id} 条记录的哈希值：",
  chainCheckFull: "整个日志和每个版本最近一次全面核验于 {time}，截至第 {id} 条；此后的记录在写入时逐条核验。全面核验每分钟重新进行一次（日志很大时，间隔为一次核验所需时间的五倍），以低优先级运行，不会拖慢页面。",
  chainHeadHeading: "最新记录",
  chainHeadNow: "第 {id} 条，哈希值：",
  chainHeadEmpty: "日志为空。",
  chainHeadHelp:
    "请保存这条记录的编号和哈希值（/log.json 的每一页、API 和订阅源中也有）。持有者日后可以核验登记簿是否仍原样包含这条记录：被改写或截短的日志将不再包含它。在服务器上：npm run verify-log -- --expect {id}:<哈希值>。",
  chainProblem_chain_broken: "第 {event} 条记录未与前一条相接：{reason}。",
  chainProblem_no_checkpoint: "数据库之外没有可供比对的检查点。",
  chainProblem_checkpoint_unreadable: "无法读取保存在数据库之外的检查点。",
  chainProblem_anchor_missing: "检查点记载了第 {event} 条记录，但日志止于第 {lastEvent} 条：末尾的记录被删除了。",
  chainProblem_anchor_mismatch: "第 {event} 条记录与检查点所记载的不同：日志被改写了。",
  chainProblem_record_hash_mismatch: "{tool} 第 {revision} 版的文本在提交后被改动。",
  chainProblem_record_event_mismatch: "{tool} 第 {revision} 版不是第 {event} 条日志记录的版本。",
  chainProblem_status_mismatch: "{tool} 第 {revision} 版显示的审查状态为“{status}”，但日志记录为“{logged}”。",
  chainProblem_revision_unlogged: "{tool} 第 {revision} 版已公开，但没有任何日志记录。",
  chainProblem_revision_missing: "第 {event} 条日志记录了 {tool} 第 {revision} 版，但登记簿中已没有这一已提交版本。",
  chainProblem_projection_status_mismatch: "{tool} 在列表中显示为“{status}”，但其已发布版本的日志记录为“{logged}”。",
  chainProblem_anchor_missing_expected: "您保存的最新记录是第 {event} 条，但日志止于第 {lastEvent} 条：末尾的记录被删除了。",
  chainProblem_anchor_mismatch_expected: "第 {event} 条记录与您保存的不同：日志被改写了。",
  chainProblem_unknown: "核验发现了一个无法描述的问题。",
  chainProblemHashes: "其哈希值为 {found}，原为 {expected}。",
  chainProblemFile: "检查点文件：{file}。",
  chainProblemHint_no_checkpoint:
    "没有检查点，从日志末尾删除或被改写的记录将无法发现。请用 --expect <编号>:<sha256> 给出您保存的最新记录，或用 --no-checkpoint 只核验链条本身。",
  chainProblemHint_checkpoint_unreadable: "该文件应只有一行：<编号>:<sha256>。",
  chainProblemsMore: "另有 {count} 个问题。",
  feedChainHead: "操作日志最新记录：第 {id} 条，SHA-256 {hash}",
};

export const chainStrings = { en, zh };
