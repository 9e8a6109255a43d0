// Import benchmark (`npm run bench:import`): a 10,000-row CSV in the export format, imported as
// drafts of one agency into a freshly migrated and seeded register, through the command line
// exactly as an operator runs it (`npm run import -- file.csv --agency ...`, a separate process
// timed from start to exit), and then once more in-process to split the time between checking
// and writing. A third run imports the agency's inventory download (the same tools, now
// with ids), which checks every row against the stored drafts and writes nothing. Target from issue 5: validated and written in under 30 s.
//
//   --rows N   rows in the file (default 10000)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ctxOf } from "../../registry/shared/context";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate.server";
import { seedDatabase, seedDemoAccounts } from "../helpers/seed";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { CSV_BOM, csvRow } from "../../registry/exchange/exports/csv";
import { importActorFor, runImport } from "../../registry/exchange/import/import.server";
import { exportAgencyInventory } from "../../registry/exchange/import/inventory.server";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATA = path.join(ROOT, "test/bench/.data");
const AGENCY = "shanghai-municipal-government";
const arg = process.argv.indexOf("--rows");
const ROWS = arg > 0 ? Number(process.argv[arg + 1]) : 10_000;

const KINDS = ["app", "code_system", "algorithm", "platform", "sensor_device", "scoring_system"];
const DOMAINS = ["public_health", "public_security", "transport", "social_assistance", "community_governance"];
const PLACES: [string, string][] = [
  ["浦东新区", "Pudong"],
  ["黄浦区", "Huangpu"],
  ["徐汇区", "Xuhui"],
  ["静安区", "Jing'an"],
];

function makeCsv(file: string): number {
  const out = fs.openSync(file, "w");
  fs.writeSync(out, CSV_BOM + csvRow([...TOOL_EXPORT_COLUMNS]));
  for (let i = 0; i < ROWS; i++) {
    const [placeZh, placeEn] = PLACES[i % PLACES.length]!;
    const retired = i % 10 === 0;
    const row: Record<string, string> = {
      name_zh: `街道健康登记小程序 第${i}号`,
      name_en: `Street health registration mini-program no. ${i}`,
      slug: `bench-import-${i}`,
      kind: KINDS[i % KINDS.length]!,
      policy_domain: DOMAINS[i % DOMAINS.length]!,
      jurisdiction_level: "district",
      place_zh: placeZh,
      place_en: placeEn,
      deployment_status: retired ? "retired" : "in_use",
      sunset_date: `2027-${String((i % 12) + 1).padStart(2, "0")}-15`,
      summary_zh: `用于第${i}个街道的入户登记，收集姓名、电话和住址，"用于"流调，保存期限 30 天。`,
      summary_en: `Door-to-door registration for street ${i}: name, phone and address, kept for 30 days, "for" contact tracing.`,
      ...(retired ? { retired_on: "2023-01", retirement_reason_zh: "疫情防控措施调整后停用。", retirement_reason_en: "Stopped when the control measures ended." } : {}),
    };
    fs.writeSync(out, csvRow(TOOL_EXPORT_COLUMNS.map((c) => row[c] ?? "")));
  }
  fs.closeSync(out);
  return fs.statSync(file).size;
}

function freshRegister(file: string) {
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
  const db = openDatabase(file);
  migrateDatabase(db);
  seedDatabase(db);
  return db;
}

async function main() {
  fs.mkdirSync(DATA, { recursive: true });
  const csv = path.join(DATA, `import-${ROWS}.csv`);
  const size = makeCsv(csv);
  console.log(`File: ${ROWS} rows, ${(size / 1024 / 1024).toFixed(1)} MB (${path.relative(ROOT, csv)})`);

  // 1. The command line, as an operator runs it, timed from start to exit.
  const cliDb = path.join(DATA, "import-cli.sqlite");
  const db1 = freshRegister(cliDb);
  await seedDemoAccounts(db1, { enabled: true });
  db1.$client.close();
  const t0 = performance.now();
  const cli = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/import.cli.ts", csv, "--agency", AGENCY], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: cliDb },
    encoding: "utf8",
  });
  const cliSeconds = (performance.now() - t0) / 1000;
  if (cli.status !== 0) throw new Error(`import failed (${cli.status}):\n${cli.stdout}\n${cli.stderr}`);
  console.log(`CLI: ${cli.stdout.trim().split("\n").pop()}`);

  // 2. In-process, to split checking from writing.
  const db2 = freshRegister(path.join(DATA, "import-inproc.sqlite"));
  await seedDemoAccounts(db2, { enabled: true });
  const actor = importActorFor(AGENCY, undefined, db2);
  const bytes = new Uint8Array(fs.readFileSync(csv));
  const marks: Record<string, number> = {};
  const start = performance.now();
  const report = await runImport(ctxOf({ actor, now: new Date(), db: db2 }), { file: { bytes, filename: "import.csv" }, mode: "all", dryRun: false, onProgress: (phase, done, total) => {
        if (done === total) marks[phase] = performance.now();
      } });
  const end = performance.now();
  if (report.written.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(report.counts)}`);
  // The agency downloads its inventory (now with ids) and uploads it again unchanged.
  let inventory = CSV_BOM + csvRow([...TOOL_EXPORT_COLUMNS]);
  for (const batch of exportAgencyInventory(actor, { origin: "http://localhost", today: new Date().toISOString().slice(0, 10) }, db2))
    inventory += batch.map((r) => csvRow(TOOL_EXPORT_COLUMNS.map((c) => r[c]))).join("");
  const again0 = performance.now();
  const again = await runImport(ctxOf({ actor, now: new Date(), db: db2 }), { file: { bytes: new TextEncoder().encode(inventory), filename: "inventory.csv" }, mode: "all", dryRun: false });
  const againSeconds = (performance.now() - again0) / 1000;
  if (again.counts.unchanged !== ROWS) throw new Error(`expected all unchanged on the second import: ${JSON.stringify(again.counts)}`);
  db2.$client.close();

  const check = (marks.check! - start) / 1000;
  const write = (end - marks.check!) / 1000;
  console.log(`\nrows     CLI total s   read+check s   write s   inventory re-import (unchanged) s   < 30 s`);
  console.log(
    `${String(ROWS).padEnd(8)} ${cliSeconds.toFixed(2).padStart(11)}   ${check.toFixed(2).padStart(12)}   ${write.toFixed(2).padStart(7)}   ${againSeconds.toFixed(2).padStart(32)}   ${cliSeconds < 30 ? "yes" : "NO"}`,
  );
  if (cliSeconds >= 30) process.exitCode = 1;
}

main();
