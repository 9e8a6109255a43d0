// npm run verify-log [-- --expect <eventId>:<sha256>] [--no-checkpoint]
//
// Checks the local database against its event log (registry/log/verify.server.ts): the hash
// chain, the checkpoint file beside the database (`<DATABASE_PATH>.chain-head`) and/or a head
// copied from outside (/log, /log.json, the API or a feed), each submitted revision's record
// hash and review status against its events. Names every problem, in the English of /log
// (app/i18n/chain-problems.ts) with the file, hashes and next step an operator needs; exit code
// 0 when everything checks out, 1 otherwise, 2 for a usage error.
import { openDatabase } from "../db/client.server";
import { databasePath } from "../db/env.server";
import { checkpointPath, chainHead, formatHead, parseHead, readCheckpoint, type ChainHead } from "../registry/log/anchor.server";
import { checkRegister, type CheckOptions } from "../registry/log/verify.server";
import { chainProblemOperatorMessage } from "../app/i18n/chain-problems";

function usage(message: string): never {
  console.error(`verify-log: ${message}\nUsage: npm run verify-log -- [--expect <eventId>:<sha256>] [--no-checkpoint]`);
  process.exit(2);
}

let expect: ChainHead | null = null;
let useCheckpoint = true;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--expect" || a.startsWith("--expect=")) {
    const v = a === "--expect" ? args[++i] : a.slice("--expect=".length);
    if (!v) usage("--expect needs a head, <eventId>:<sha256>.");
    expect = parseHead(v) ?? usage(`--expect "${v}" is not <eventId>:<sha256> (a whole number, a colon, 64 hex digits).`);
  } else if (a === "--no-checkpoint") useCheckpoint = false;
  else usage(`unknown argument "${a}".`);
}

const file = databasePath();
const cpFile = checkpointPath(file);
const db = openDatabase(file, { readonly: true });
const opts: Required<CheckOptions> = { anchors: [], preliminary: [] };
if (expect) opts.anchors.push({ source: "expected", head: expect });
if (useCheckpoint && cpFile) {
  // The checkpoint is read before the database, so it names only events already committed.
  const cp = readCheckpoint(cpFile);
  if (cp.state === "ok") opts.anchors.push({ source: "checkpoint", head: cp.head });
  else if (cp.state === "unreadable") opts.preliminary.push({ code: "checkpoint_unreadable", file: cpFile });
  else if (!expect && chainHead(db)) opts.preliminary.push({ code: "no_checkpoint", file: cpFile });
}
const result = checkRegister(db.$client, opts);
db.$client.close();

const against = opts.anchors.map((a) => (a.source === "expected" ? `the expected head ${formatHead(a.head)}` : `the checkpoint ${formatHead(a.head)}`)).join(" and ");
if (result.ok) {
  console.log(
    `Event log intact: ${result.count} entries in ${file}; last entry ${result.head ? formatHead(result.head) : "none"}` +
      `${against ? `; it contains ${against}` : ""}; every submitted revision matches its logged record hash and review status.`,
  );
} else {
  console.error(`Event log BROKEN: ${result.problemCount} problem${result.problemCount === 1 ? "" : "s"} in ${file} (${result.count} entries read${against ? `, checked against ${against}` : ""}):`);
  for (const p of result.problems) console.error(`  - ${chainProblemOperatorMessage(p, "en")}`);
  if (result.problemCount > result.problems.length) console.error(`  … and ${result.problemCount - result.problems.length} more.`);
  process.exit(1);
}
