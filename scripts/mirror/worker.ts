// One export worker thread (scripts/mirror/export.ts starts them): its own instance of the
// production build, so its own database connection, rendering the resources the main thread
// hands it in batches and writing their files. It answers each batch with what it wrote and
// the links it found; the main thread runs the crawl.
import { parentPort, workerData } from "node:worker_threads";
import { createRenderer, type RenderResult, type RenderSetup } from "./render";
import type { Resource } from "./urls";

export type ToWorker = { type: "probe"; addresses: string[] } | { type: "absent"; keys: string[] } | { type: "batch"; resources: Resource[] } | { type: "stop" };
export type FromWorker =
  | { type: "ready" }
  | { type: "probed"; statuses: number[] }
  | { type: "done"; results: RenderResult[] }
  | { type: "error"; message: string };

const port = parentPort;
if (!port) throw new Error("scripts/mirror/worker.ts runs as a worker thread");
const send = (m: FromWorker) => port.postMessage(m);

try {
  const renderer = await createRenderer(workerData as RenderSetup);
  port.on("message", (m: ToWorker) => {
    void (async () => {
      try {
        if (m.type === "probe") {
          const statuses: number[] = [];
          for (const a of m.addresses) {
            const res = await renderer.request(a);
            await res.body?.cancel();
            statuses.push(res.status);
          }
          send({ type: "probed", statuses });
        } else if (m.type === "absent") {
          renderer.setAbsent(m.keys);
        } else if (m.type === "batch") {
          const results: RenderResult[] = [];
          for (const r of m.resources) results.push(await renderer.render(r));
          send({ type: "done", results });
        } else if (m.type === "stop") {
          port.close();
        }
      } catch (e) {
        send({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    })();
  });
  send({ type: "ready" });
} catch (e) {
  send({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
