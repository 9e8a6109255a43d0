// The full check in a worker thread (started through server/chain-check-worker.mjs by
// full-check.server.ts): its own read-only connection and one read transaction, at the lowest
// scheduling priority this thread can take, so that it runs on time the requests leave over.
// The result goes back as a message; nothing else runs here.
import fs from "node:fs";
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { checkRegister, type CheckOptions } from "./verify.server";

const { file, opts, nice } = workerData as { file: string; opts: CheckOptions; nice: number };

// On Linux a thread has its own nice value: set this thread's, not the process's.
try {
  const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isSafeInteger(tid) && tid > 0) os.setPriority(tid, nice);
} catch {
  // Not Linux, or not allowed: the check still runs off the request thread.
}

const client = new Database(file, { readonly: true, fileMustExist: true });
try {
  client.pragma("busy_timeout = 5000");
  parentPort!.postMessage(checkRegister(client, opts));
} finally {
  client.close();
}
