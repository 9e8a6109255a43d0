// npm run verify-log: recomputes the whole hash chain of the event log and names the first
// broken entry. Exit code 0 when intact, 1 when broken.
import { openDatabase } from "../../db/client.server";
import { databasePath } from "../../db/env.server";
import { verifyLog } from "./log.server";

const file = databasePath();
const db = openDatabase(file, { readonly: true });
const result = verifyLog(db);
db.$client.close();
if (result.ok) {
  console.log(`Event log intact: ${result.count} entries in ${file}; last hash ${result.lastHash}.`);
} else {
  console.error(`Event log BROKEN at entry ${result.firstBroken.id} (${result.firstBroken.reason}); ${result.count} entries before it check out.`);
  process.exit(1);
}
