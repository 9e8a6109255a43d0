// The command-line tools print what an official would read on the page: English sentences from
// app/i18n with the field's label and the row number, never an issue code or a record path.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { freshDb } from "../helpers/db";
import { TMP } from "../helpers/paths";
import { readImportFile } from "../../registry/exchange/import/read-file";
import { noticeMessage } from "~/i18n/refusal";

const run = (db: string, script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), script, ...args], {
    env: { ...process.env, DATABASE_PATH: db, ...env },
    encoding: "utf8",
  });

/** No issue code (err_…, zod_…, importSomething) and no record path (identity.slug, lifecycle.…). */
function expectWordsOnly(out: string) {
  expect(out).not.toMatch(/\berr_|\bzod_|\bimport[A-Z]/);
  expect(out).not.toMatch(/\b(identity|lifecycle|responsibility|purpose)\.[a-z]/);
  expect(out).not.toMatch(/[{]"|not_found|forbidden/);
}

function tempFile(name: string, text: string): string {
  const file = path.join(TMP, `${randomUUID()}-${name}`);
  fs.writeFileSync(file, text);
  return file;
}

const HEADER = "id,name_zh,name_en,slug,kind,policy_domain,jurisdiction_level,place_zh,place_en,deployment_status,sunset_date,summary_zh,summary_en";

describe("npm run import", () => {
  it("words every bad row in English with its row number and the field's label", () => {
    const f = freshDb();
    const csv = tempFile(
      "bad.csv",
      [
        HEADER,
        ",健康码,Health code,Bad Slug,algorithm,public_health,city,上海,Shanghai,in_use,2027-01-01,摘要,Summary",
        "XYZ,,,,robot,public_health,city,上海,Shanghai,in_use,2027-02-30,摘要,",
        ",=SUM(A1),Formula,formula-row,app,public_health,city,上海,Shanghai,in_use,,摘要,Summary",
      ].join("\n"),
    );
    try {
      const r = run(f.file, "scripts/import.cli.ts", [csv, "--agency", "shanghai-municipal-government", "--check"]);
      expect(r.status, r.stderr).toBe(1);
      const out = r.stdout;
      expect(out).toContain("row 2 (健康码), column slug: Use lower-case letters, digits and single hyphens in “Web address name”.");
      expect(out).toContain("row 3, column id: Tool id: A tool id looks like ALG-000123.");
      expect(out).toContain("row 3, column slug: Fill in “Web address name”.");
      expect(out).toContain("row 3, column name_zh/name_en: Fill in “Name of the tool” in Chinese, English or both.");
      expect(out).toContain("row 3, column kind: Choose one of the listed options for “Kind of tool”.");
      expect(out).toContain("row 3, column sunset_date: “Sunset date” is not a real calendar date.");
      expect(out).toContain("row 4 (Formula), column name_zh: The cell starts with “=”, so a spreadsheet would run it as a formula.");
      expect(out).toContain("3 rows: 0 would be new drafts, 0 would update drafts, 0 unchanged, 3 with problems.");
      expectWordsOnly(out + r.stderr);
    } finally {
      fs.rmSync(csv, { force: true });
      f.close();
    }
  }, 60_000);

  it("words a refused file and a refused actor in English", () => {
    const f = freshDb();
    const text = "name_zh,slug,foo\nx,y,z\n";
    const csv = tempFile("cols.csv", text);
    try {
      // The import refuses the file with codes; the CLI prints them worded as the page words them.
      const read = readImportFile(new TextEncoder().encode(text), "cols.csv");
      if (read.ok) throw new Error("the file should be refused");
      const notices = read.notices;
      // "foo" is not in the format: kept with each draft, never a refusal (issue 15); the missing columns are.
      expect(notices.map((n) => n.code)).toEqual(["importColumnMissing", "importColumnMissing", "importColumnMissing", "importColumnMissingEither", "importColumnMissing", "importColumnMissingEither"]);
      const zh = notices.map((n) => noticeMessage(n, "zh"));
      expect(zh).toContain("缺少列：“kind”。");
      expect(zh).toContain("缺少列：请添加“place_zh”或“place_en”（或两者）。");
      const cols = run(f.file, "scripts/import.cli.ts", [csv, "--agency", "shanghai-municipal-government", "--check"]);
      expect(cols.status, cols.stderr).toBe(1);
      expect(cols.stdout).not.toContain("Unknown columns");
      expect(cols.stdout).toContain("Missing column: “kind”.");
      expect(cols.stdout).toContain("Missing column: add “place_zh” or “place_en” (or both).");
      expect(cols.stdout).toContain("The file was refused; nothing was imported.");
      for (const n of notices) expect(cols.stdout).toContain(`cols.csv: ${noticeMessage(n, "en")}`);
      expectWordsOnly(cols.stdout + cols.stderr);

      const agency = run(f.file, "scripts/import.cli.ts", [csv, "--agency", "no-such-agency", "--check"]);
      expect(agency.status).toBe(2);
      expect(agency.stderr.trim()).toBe("The register has no agency “no-such-agency”.");
      expectWordsOnly(agency.stdout + agency.stderr);
    } finally {
      fs.rmSync(csv, { force: true });
      f.close();
    }
  }, 60_000);
});

describe("npm run user:create", () => {
  it("words a bad e-mail and a short password with the fields' labels", () => {
    const f = freshDb();
    try {
      const r = run(f.file, "scripts/create-user.cli.ts", ["--email", "not-an-email", "--name", "Li Wei", "--role", "official", "--agency", "shanghai-municipal-government"], {
        USER_PASSWORD: "short",
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("E-mail: Give a valid e-mail address.");
      expect(r.stderr).toContain("Password: Use at least 12 characters.");
      expectWordsOnly(r.stdout + r.stderr);

      const role = run(f.file, "scripts/create-user.cli.ts", ["--email", "li@example.org", "--name", "Li Wei", "--role", "boss"], { USER_PASSWORD: "a-long-enough-password" });
      expect(role.status).toBe(2);
      expect(role.stderr.trim()).toBe("Role: Choose one of the listed roles.");
    } finally {
      f.close();
    }
  }, 60_000);
});
