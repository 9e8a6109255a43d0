// The background build of the list index (list-index.server.ts), run in a worker thread started
// through server/list-index-worker.mjs: its own read-only connection to the register's file, one
// read transaction for the build, then patches (each in its own read transaction) for what was
// written meanwhile, so that the server worker has (almost) nothing left to patch on its own
// thread. The columns are sent back by transfer. Nothing else runs here.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import type { Db } from "../shared/db.server";
import { agenciesSince, build, toMessage } from "./list-index-build.server";
import { changeHead } from "./list-index-columns.server";
import { patch } from "./list-index-patch.server";

// `since`: the change id of the index the server worker holds (it is patched no further meanwhile).
const { file, today, since } = workerData as { file: string; today: string; since: number | null };
const client = new Database(file, { readonly: true, fileMustExist: true });
try {
  client.pragma("busy_timeout = 5000");
  // The patch reads through the connection only ($client), as the build does.
  const db = { $client: client } as unknown as Db;
  const index = client.transaction(() => build(db, today))();
  // Each round patches what the previous one took to read: a few rounds catch up. Too many
  // changes (patch refuses): sent as it is, and the server worker starts another build.
  for (let round = 0; round < 8 && changeHead(db).version !== index.version; round++) {
    if (!client.transaction(() => patch(db, index, changeHead(db), today))()) break;
  }
  const agencies = client.transaction(() => agenciesSince(db, index, since))();
  const { message, transfer } = toMessage(index, agencies);
  parentPort!.postMessage(message, transfer);
} finally {
  client.close();
}
