// The background build of the list index (list-index.server.ts), run in a worker thread started
// through server/list-index-worker.mjs: its own read-only connection to the register's file, one
// read transaction, and the columns sent back by transfer. Nothing else runs here.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { build, toMessage } from "./list-index-build.server";

const { file, today } = workerData as { file: string; today: string };
const client = new Database(file, { readonly: true, fileMustExist: true });
try {
  client.pragma("busy_timeout = 5000");
  const index = client.transaction(() => build({ $client: client }, today))();
  const { message, transfer } = toMessage(index);
  parentPort!.postMessage(message, transfer);
} finally {
  client.close();
}
