// Interface strings of backup and restore (issue 17): what the feeds say about a `restored`
// event of the log (app/feed-words.server.ts). The /log page's name of the event is in
// registry/standard/labels.ts (eventKind.restored); the command-line tools speak English to the
// operator (scripts/backup.cli.ts, scripts/restore.cli.ts).
const en = {
  feedRestored: "The register was restored from a backup whose last entry is entry {id}; entries the log had after it are no longer in it.",
  feedRestoredTaken: "The backup was taken on {at} (UTC).",
};

const zh: Record<keyof typeof en, string> = {
  feedRestored: "登记簿已从备份恢复，该备份的最后一条记录为第 {id} 条；日志中在其之后的记录已不复存在。",
  feedRestoredTaken: "该备份制作于 {at}（协调世界时）。",
};

export const backupStrings = { en, zh };
