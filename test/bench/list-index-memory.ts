// Memory held by the in-memory list index of a register, and the size of the full-text index
// (`tool_search`) on disk. Run by test/bench/run.ts in a child process started with
// --expose-gc, so the heap can be measured before and after building the index:
//
//   node --expose-gc --import tsx test/bench/list-index-memory.ts <database file>
//
// Prints one JSON line: { listIndexBytes, searchIndexBytes, databaseBytes }.
import fs from "node:fs";
import { openDatabase } from "../../db/client.server";
import { getListIndex } from "../../registry/records/list-index.server";
import { todayIso } from "../../registry/lifecycle/sunset";

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error("usage: node --expose-gc --import tsx test/bench/list-index-memory.ts <database file>");
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error("run with node --expose-gc");
  process.exit(2);
}
const db = openDatabase(file, { readonly: true });
const used = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const before = used();
const index = getListIndex(db, todayIso());
const after = used();
// Keep the index alive until after the second measurement.
if (index.n < 0) console.log("");
let searchIndexBytes: number | null = null;
try {
  searchIndexBytes = (db.$client.prepare(`SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'tool_search%'`).get() as { n: number }).n;
} catch {
  searchIndexBytes = null; // dbstat not compiled in
}
console.log(JSON.stringify({ listIndexBytes: after - before, searchIndexBytes, databaseBytes: fs.statSync(file).size }));
db.$client.close();
