// A writer for test/integration/backup-restore.test.ts, run as its own process: publishes a new
// revision of one seed record again and again (each an event of the log, its checkpoint moved
// after every commit) until killed or `limit` revisions are written. Prints "ready" after the
// first, then one line per revision.
import { openDatabase } from "../../db/client.server";
import { publishRevision } from "../../registry/records/publish.server";
import { seedRecord } from "./seed";

const [file, limitArg] = process.argv.slice(2);
if (!file) throw new Error("usage: backup-writer.ts <database> [limit]");
const limit = Number(limitArg ?? 10_000);
const db = openDatabase(file);
const base = seedRecord("lucheng-smart-door-sensors");
let n = 0;
function step() {
  if (n >= limit || !db.$client.open) return;
  n++;
  const copy = structuredClone(base);
  copy.identity.summary = { zh: `第 ${n} 次更新的摘要。`, en: `Summary, update ${n}.` };
  publishRevision(copy, { at: new Date(Date.UTC(2026, 1, 1, 0, 0, n)).toISOString() }, db);
  console.log(n === 1 ? "ready" : `wrote ${n}`);
  // Another tick between writes, so the checkpoint follows (anchor.server.ts afterAppend).
  setTimeout(step, 2);
}
step();
