// The benchmark generator's thread (generate.ts, inWorkerThread): makes the register's records
// from the same seeded generator as the main thread would, and prepares each (validation,
// canonical JSON, hash, search row and sort key: registry/records/prepare.ts), one batch per
// "next" message, so that the main thread only writes. The records' objects are not sent: the
// main thread reads each back from its canonical JSON.
import { parentPort, workerData } from "node:worker_threads";
import { prepareRevision } from "../../registry/records/prepare";
import { createRandom, generateAgencies, generatedBatches, SEED, type WorkerBatch } from "./generate";

const { records, anchor, skip, agencyNames } = workerData as { records: number; anchor: string; skip: number; agencyNames: Record<string, string> };
const rand = createRandom(SEED);
const batches = generatedBatches(rand, generateAgencies(rand), records, anchor, skip);
const nameOf = (slug: string) => agencyNames[slug];

parentPort!.on("message", () => {
  const b = batches.next();
  const reply: WorkerBatch = b.done
    ? { done: true }
    : {
        done: false,
        end: b.value.end,
        items: b.value.items.map(({ input, at }) => {
          const { record: _record, ...rest } = prepareRevision(input, at, nameOf);
          return rest;
        }),
      };
  parentPort!.postMessage(reply);
});
