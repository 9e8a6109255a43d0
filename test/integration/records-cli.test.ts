// npm run import -- FILE --format records: whole records into an empty register from the command
// line, each entry reported in an English sentence, never a code; the format found from the file
// when not given; an official refused.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { freshDb } from "../helpers/db";
import { TMP } from "../helpers/paths";
import { setDb } from "../../db/client.server";
import { callLoader } from "./load";
import { loader as ndjsonLoader } from "~/routes/records[.]ndjson";

const run = (db: string, args: string[]) =>
  spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/import.cli.ts", ...args], { env: { ...process.env, DATABASE_PATH: db }, encoding: "utf8" });

async function exportSeeded(): Promise<string> {
  const seeded = freshDb();
  try {
    setDb(seeded.db);
    return await (await callLoader<Response>(ndjsonLoader, "/records.ndjson?kind=code_system")).text();
  } finally {
    setDb(undefined);
    seeded.close();
  }
}

describe("npm run import -- FILE --format records", () => {
  it("imports whole records as an admin, reports each tool in a sentence, and refuses a second run", async () => {
    const text = await exportSeeded();
    const n = text.split("\n").filter(Boolean).length;
    const file = path.join(TMP, `${randomUUID()}-records.ndjson`);
    fs.writeFileSync(file, text);
    const empty = freshDb("empty");
    empty.db.$client
      .prepare(`INSERT INTO users (email, display_name, role, password_hash, created_at) VALUES ('admin@register.example', 'Admin', 'admin', 'x', '2026-01-01T00:00:00Z')`)
      .run();
    try {
      const missing = run(empty.file, [file, "--format", "records"]);
      expect(missing.status, missing.stderr).toBe(1);
      expect(missing.stdout).toMatch(/line 1 \(ALG-\d{6}\): The agency [a-z0-9-]+ is not in this register\. Add it first, or import with the option that creates missing agencies \(--create-agencies\)\./);
      expect(missing.stdout).toContain("no tool was written");

      // No --format: the file says what it is.
      const ok = run(empty.file, [file, "--create-agencies", "--as", "admin@register.example"]);
      expect(ok.status, ok.stderr + ok.stdout).toBe(0);
      expect(ok.stdout).toMatch(/line 1 \(ALG-\d{6}\): imported with \d+ revisions?\./);
      expect(ok.stdout).toMatch(new RegExp(`Imported ${n} tools with \\d+ revisions, and created \\d+ agencies\\.`));

      const again = run(empty.file, [file, "--format", "records", "--create-agencies"]);
      expect(again.status).toBe(1);
      expect(again.stdout).toMatch(/ALG-\d{6} is already in this register\. A whole-record import adds new tools only and never overwrites a record\./);
      for (const out of [missing.stdout, ok.stdout, again.stdout]) expect(out).not.toMatch(/\berr_|\bzod_/);
    } finally {
      empty.close();
      fs.rmSync(file, { force: true });
    }
  }, 180_000);

  it("imports an official's file as drafts of their own agency only, refuses a reviewer with a sentence, and --agency with the records format", async () => {
    const text = await exportSeeded();
    const file = path.join(TMP, `${randomUUID()}-records.ndjson`);
    fs.writeFileSync(file, text);
    const seeded = freshDb();
    try {
      // The seeded register's tools belong to many agencies: the official may import none of theirs, so nothing is written.
      const tools = (seeded.db.$client.prepare(`SELECT count(*) AS n FROM tools`).get() as { n: number }).n;
      const r = run(seeded.file, [file, "--format", "records", "--as", "official.shanghai@register.example"]);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain("You may import only your own agency's tools");
      expect(r.stdout).toContain("Nothing was imported");
      expect(r.stdout).not.toMatch(/\berr_|\bzod_/);
      expect((seeded.db.$client.prepare(`SELECT count(*) AS n FROM tools`).get() as { n: number }).n).toBe(tools);
      const reviewer = run(seeded.file, [file, "--format", "records", "--as", "reviewer.samr@register.example"]);
      expect(reviewer.status).toBe(2);
      expect(reviewer.stderr).toContain("Only an administrator may import whole records");
      const usage = run(seeded.file, [file, "--format", "records", "--agency", "shanghai-municipal-government"]);
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain("Usage:");
    } finally {
      seeded.close();
      fs.rmSync(file, { force: true });
    }
  }, 180_000);
});
