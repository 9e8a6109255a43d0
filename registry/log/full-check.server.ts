// The chain watch's full check (registry/log/watch.server.ts), off the request thread: in a
// worker thread at the lowest priority (full-check-worker.ts), so that a check of a large register
// (several seconds of CPU at 100,000 records) takes only the time the requests leave over. One
// check at a time per database across processes: a claim file beside it, kept fresh while the
// check runs, so the server's workers (or a second server on the same file) do not all check
// the same log at once.
import crypto from "node:crypto";
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { threadEntry } from "../shared/thread-entry.server";
import type { CheckOptions, RegisterCheck } from "./verify.server";

/** The checking thread's nice value: the lowest priority (Linux). */
const NICE = 19;
/** A claim not refreshed for this long is taken over (its process died mid-check). */
const CLAIM_STALE_MS = 30_000;
const CLAIM_REFRESH_MS = 5_000;

/** The full check of `file` in a worker thread; rejects when the thread cannot run it. */
export function fullCheckInThread(file: string, opts: CheckOptions): Promise<RegisterCheck> {
  return new Promise((resolve, reject) => {
    let done = false;
    const worker = new Worker(threadEntry("chain-check-worker.mjs"), { workerData: { file, opts, nice: NICE }, execArgv: [] });
    worker.unref();
    worker.once("message", (r: RegisterCheck) => {
      done = true;
      resolve(r);
    });
    worker.once("error", (e) => done || reject(e));
    worker.once("exit", (code) => done || reject(new Error(`exit ${code}`)));
  });
}

export const claimPath = (dbFile: string) => `${dbFile}.chain-check`;

/**
 * Claims the full check of `dbFile` for this process: a release function, or null while another
 * holds a fresh claim. Where no file can be written beside the database, the check runs unclaimed.
 */
export function claimFullCheck(dbFile: string): (() => void) | null {
  const file = claimPath(dbFile);
  const token = `${process.pid} ${crypto.randomBytes(8).toString("hex")}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, token, { flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") return () => {};
      let age = 0;
      try {
        age = Date.now() - fs.statSync(file).mtimeMs;
      } catch {
        continue; // released meanwhile: try again
      }
      if (age < CLAIM_STALE_MS) return null;
      fs.rmSync(file, { force: true });
      continue;
    }
    const mine = () => {
      try {
        return fs.readFileSync(file, "utf8") === token;
      } catch {
        return false;
      }
    };
    const refresh = setInterval(() => {
      try {
        if (mine()) fs.utimesSync(file, new Date(), new Date());
      } catch {
        // Removed meanwhile: the claim is over.
      }
    }, CLAIM_REFRESH_MS);
    refresh.unref();
    const release = () => {
      clearInterval(refresh);
      process.off("exit", release);
      if (mine()) fs.rmSync(file, { force: true });
    };
    // A process that ends mid-check (a restart) leaves no claim for the next one to wait out.
    process.on("exit", release);
    return release;
  }
  return null;
}
