// Writing rate of the benchmark generator: generates N records into a fresh file and prints
// records/s, the file's size per record and the largest tables (dbstat).
// Usage: npx tsx test/bench/write-rate.ts <records> <file>
import fs from "node:fs";
import { openDatabase } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate.server";
import { generateRegister } from "./generate";

const records = Number(process.argv[2] ?? 20_000);
const file = process.argv[3] ?? "/tmp/bulkwrite/write-rate.sqlite";
for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}.chain-head`]) fs.rmSync(f, { force: true });
const db = openDatabase(file);
migrateDatabase(db);
const cpu0 = process.cpuUsage();
const stats = await generateRegister(db, records, "2026-12-01", (m) => console.log(m));
const cpu = process.cpuUsage(cpu0);
db.$client.pragma("wal_checkpoint(TRUNCATE)");
const pages = db.$client.pragma("page_count", { simple: true }) as number;
const pageSize = db.$client.pragma("page_size", { simple: true }) as number;
const bytes = pages * pageSize;
console.log(`${records} records, ${stats.revisions} revisions in ${stats.seconds.toFixed(1)} s: ${Math.round(records / stats.seconds)} records/s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
console.log(`file ${(bytes / 1e6).toFixed(1)} MB, ${Math.round(bytes / records)} bytes per record; load ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`);
const rows = db.$client.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 25`).all() as { name: string; bytes: number }[];
for (const r of rows) console.log(`  ${r.name.padEnd(40)} ${String(Math.round(r.bytes / records)).padStart(6)} B/record`);
db.$client.close();
