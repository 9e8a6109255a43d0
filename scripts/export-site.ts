// npm run export:site -- <dir> [--origin https://register.example.gov] [--force | --incremental] [--workers N] [--no-filtered-exports] [--profile] [--quiet]
//
// Writes the whole public register (every public page in Chinese and English, the exports, the
// feeds and the schema) into <dir> as static files any web server can serve, so the record
// survives the app being down and can be archived. Reads the database at DATABASE_PATH, like
// the app, and renders pages with the production build (run `npm run build` first).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databasePath } from "../db/env.server";
import { registerNow } from "../registry/shared/clock.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `Usage: npm run export:site -- <dir> [options]

Writes a static mirror of the public register into <dir> (which must be empty or not exist,
unless --force or --incremental is given).

Options:
  --origin <url>          The live register's public address (e.g. https://register.example.gov).
                          Record URLs in the exports use it, and links to what a static copy
                          cannot hold (search, comments, sign-in) lead there. Without it they
                          become plain text and URLs use http://localhost.
  --force                 Replace an earlier mirror in <dir> (only a directory this command wrote).
  --incremental           Update an earlier mirror in <dir>: render again only the pages that may
                          have changed since it was written (its .mirror-manifest.json says when)
                          and delete those that no longer exist. The result is the same as a full
                          export. Falls back to a full export when the change cannot be narrowed
                          down (the day, the build, an agency or the options changed).
  --workers <n>           Worker threads rendering pages (default: one per core, or MIRROR_WORKERS).
  --no-filtered-exports   Mirror only the unfiltered exports, not one per list filter.
  --filtered-exports=rows One per list filter only of the row exports (tools.csv .json .ndjson and
                          the nested CSVs); the whole records (records.json .ndjson) and the other
                          registers' formats (interop/) unfiltered only. They are most of a full
                          mirror's size: each filter holds every record once more.
  --profile               After the summary, where the time went: the resources rendered by kind
                          (tool pages, list pages, filtered exports, ...), how many, the workers'
                          seconds and the bytes written.
  --quiet                 No progress lines.
  --help                  This text.

Environment: DATABASE_PATH (default ./data/register.sqlite), as for the app.`;

function fail(message: string): never {
  console.error(`export:site: ${message}`);
  process.exit(2);
}

type Args = { dir: string; origin?: string; force: boolean; incremental: boolean; workers?: number; filteredExports: boolean | "rows"; quiet: boolean; profile: boolean };

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> & { force: boolean; incremental: boolean; filteredExports: boolean | "rows"; quiet: boolean; profile: boolean } = { force: false, incremental: false, filteredExports: true, quiet: false, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (a === "--force") args.force = true;
    else if (a === "--incremental") args.incremental = true;
    else if (a === "--workers" || a.startsWith("--workers=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!v || !/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > 256) fail("--workers needs a number from 1 to 256");
      args.workers = Number(v);
    }
    else if (a === "--no-filtered-exports") args.filteredExports = false;
    else if (a === "--filtered-exports=rows") args.filteredExports = "rows";
    else if (a === "--quiet") args.quiet = true;
    else if (a === "--profile") args.profile = true;
    else if (a === "--origin" || a.startsWith("--origin=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!v) fail("--origin needs a URL");
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        fail(`--origin is not a URL: ${v}`);
      }
      if (u.protocol !== "http:" && u.protocol !== "https:") fail("--origin must be an http or https URL");
      if (u.pathname !== "/" || u.search) fail("--origin must be an origin only (the register is served from /), e.g. https://register.example.gov");
      args.origin = u.origin;
    } else if (a.startsWith("-")) fail(`unknown option ${a}\n\n${USAGE}`);
    else if (args.dir) fail(`only one directory, please (got ${args.dir} and ${a})`);
    else args.dir = a;
  }
  if (!args.dir) fail(`no target directory\n\n${USAGE}`);
  if (args.force && args.incremental) fail("--force and --incremental exclude each other");
  return args as Args;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
}

const args = parseArgs(process.argv.slice(2));

const buildFile = path.join(root, "build", "index.js");
const publicDir = path.join(root, "public");
if (!fs.existsSync(buildFile) || !fs.existsSync(path.join(publicDir, "build"))) {
  fail("no production build (build/index.js and public/build/). Run `npm run build` first.");
}
if (newestMtime(path.join(root, "app")) > fs.statSync(buildFile).mtimeMs) {
  console.error("export:site: warning: app/ has changed since the last build; the mirror shows the built version. Run `npm run build` for the current one.");
}

const dbFile = databasePath();
if (dbFile === ":memory:" || !fs.existsSync(dbFile)) {
  fail(`no database at ${dbFile}. Set DATABASE_PATH, or create it with \`npm run db:migrate && npm run db:seed\`.`);
}

// React and Remix pick their production code paths from NODE_ENV when first loaded.
process.env.NODE_ENV ??= "production";
// The build starts the server's chain watch when loaded; a mirror only reads the database.
process.env.REGISTER_CHAIN_WATCH = "off";
// Nor does it sweep deadlines into inboxes or send mail (registry/notify/mailer.server.ts).
process.env.REGISTER_NOTICES = "off";
const { exportSite, MIRROR_MARKER } = await import("./mirror/export");

const outDir = path.resolve(args.dir);
if (fs.existsSync(outDir)) {
  if (!fs.statSync(outDir).isDirectory()) fail(`${outDir} exists and is not a directory`);
  const entries = fs.readdirSync(outDir);
  if (entries.length) {
    if (!args.force && !args.incremental) fail(`${outDir} is not empty. Choose an empty directory, or pass --force to replace an earlier mirror there (or --incremental to update it).`);
    if (!entries.includes(MIRROR_MARKER)) fail(`${outDir} is not empty and was not written by export:site; refusing to ${args.force ? "delete" : "change"} anything in it.`);
    if (args.force) for (const e of entries) fs.rmSync(path.join(outDir, e), { recursive: true, force: true });
  }
}

const tty = process.stderr.isTTY;
let lastProgress = 0;
const stats = await exportSite({
  outDir,
  buildFile,
  publicDir,
  dbFile,
  workers: args.workers,
  incremental: args.incremental,
  origin: args.origin ?? "http://localhost",
  liveOrigin: args.origin,
  filteredExports: args.filteredExports,
  // The register's clock: the real time, or a test's clock (registry/shared/clock.server.ts), the same the pages see.
  now: registerNow(),
  progress: args.quiet
    ? undefined
    : (s) => {
        const now = Date.now();
        if (now - lastProgress < 1000) return;
        lastProgress = now;
        const line = `  ${s.pages} pages, ${s.rendered} rendered, ${s.reused} kept, ${s.files} files, ${s.seconds.toFixed(1)} s`;
        process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
      },
});
if (tty && !args.quiet) process.stderr.write("\r\x1b[K");

const unmirrored = [...stats.unmirrored.entries()].sort((a, b) => b[1] - a[1]);
console.log(`Mirrored the register into ${outDir} in ${stats.seconds.toFixed(1)} s (${stats.workers} worker${stats.workers === 1 ? "" : "s"})`);
console.log(`  export      ${stats.mode}: ${stats.reason}`);
console.log(`  rendered    ${stats.rendered} resources (kept ${stats.reused} from the earlier export, of which ${stats.patched} feeds got the log's new head; removed ${stats.removed})`);
console.log(`  pages       ${stats.pages} (each in Chinese and English)`);
console.log(`  files       ${stats.files} (plus README.txt)`);
console.log(`  size        ${formatBytes(stats.bytes)}`);
console.log(`  redirects   ${stats.redirects}`);
console.log(`  not found   ${stats.notFound.length}${stats.notFound.length ? `: ${stats.notFound.slice(0, 10).join(", ")}${stats.notFound.length > 10 ? ", ..." : ""}` : ""}`);
console.log(`  failed      ${stats.failed.length}${stats.failed.length ? `: ${stats.failed.slice(0, 10).join(", ")}${stats.failed.length > 10 ? ", ..." : ""}` : ""}`);
if (unmirrored.length) {
  console.log(`  not mirrored (${args.origin ? "linked to the live register" : "links kept as text"}): ${unmirrored.slice(0, 12).map(([p, n]) => `${p} ×${n}`).join(", ")}${unmirrored.length > 12 ? ", ..." : ""}`);
}
console.log(`Open ${path.join(outDir, "index.html")}, or serve ${outDir} with any web server.`);
if (args.profile) {
  const kinds = [...stats.byKind].sort((a, b) => b[1].ms - a[1].ms);
  const total = kinds.reduce((n, [, k]) => n + k.ms, 0);
  console.log(`Profile: ${(total / 1000).toFixed(1)} s of rendering summed over the workers; ${stats.setupSeconds.toFixed(1)} s before the first resource was handed out`);
  console.log(`  ${"kind".padEnd(52)} ${"count".padStart(8)} ${"seconds".padStart(9)} ${"share".padStart(6)} ${"ms each".padStart(8)} ${"size".padStart(10)}`);
  for (const [kind, k] of kinds) {
    console.log(`  ${kind.padEnd(52)} ${String(k.count).padStart(8)} ${(k.ms / 1000).toFixed(1).padStart(9)} ${`${((100 * k.ms) / (total || 1)).toFixed(1)}%`.padStart(6)} ${(k.ms / k.count).toFixed(1).padStart(8)} ${formatBytes(k.bytes).padStart(10)}`);
  }
}
process.exit(stats.failed.length ? 1 : 0);
