// The layout the architecture promises (docs/architecture.md): app -> registry -> db, a registry
// laid out by capability, and files small enough to read. Each rule is checked over the real
// source tree, and each check is shown to catch a breach.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, sourceFiles, specifiers } from "../helpers/source-files";

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");

/** Where a specifier points: a top-level folder of the project ("app", "db", ...) or the package name. */
function target(file: string, spec: string): string {
  if (spec.startsWith("~/")) return "app";
  if (!spec.startsWith(".")) return spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
  return rel(path.resolve(path.dirname(file), spec)).split("/")[0]!;
}

/** The capabilities of the domain, one folder each (README "Where things live"). */
const CAPABILITIES = ["admin", "auth", "exchange", "lifecycle", "log", "notify", "records", "review", "shared", "standard", "voice"];

/** Data tables, exempt from the size rule: the record standard, its labels and the interface strings. */
const DATA_TABLES = [/^registry\/standard\/v1\.ts$/, /^registry\/standard\/labels\.ts$/, /^app\/i18n\/strings(-[\w-]+)?\.ts$/];
const MAX_LINES = 300;

function oversized(files: string[]): string[] {
  return files
    .map((f) => [rel(f), fs.readFileSync(f, "utf8").split("\n").length] as const)
    .filter(([r, n]) => n > MAX_LINES && !DATA_TABLES.some((d) => d.test(r)))
    .map(([r, n]) => `${r}: ${n} lines`);
}

function upward(files: string[], forbidden: (t: string) => boolean): string[] {
  return files.flatMap((f) =>
    specifiers(fs.readFileSync(f, "utf8"))
      .filter((s) => forbidden(target(f, s)))
      .map((s) => `${rel(f)} imports ${s}`),
  );
}

describe("the project's layout", () => {
  const registry = sourceFiles(path.join(ROOT, "registry"));
  const app = sourceFiles(path.join(ROOT, "app"));

  it("keeps every file of registry/ and app/ under 300 lines, data tables excepted", () => {
    expect(registry.length).toBeGreaterThan(50);
    expect(oversized([...registry, ...app])).toEqual([]);
  });

  it("lays registry/ out by capability: every file in one of the capability folders", () => {
    const top = [...new Set(registry.map((f) => rel(f).split("/")[1]!))].sort();
    expect(top).toEqual(CAPABILITIES);
  });

  it("registry/ imports neither app/, scripts/, Remix nor React", () => {
    expect(upward(registry, (t) => t === "app" || t === "scripts" || t.startsWith("@remix-run") || t === "react" || t === "react-dom")).toEqual([]);
  });

  it("app/ reaches the database only through registry/", () => {
    expect(upward(app, (t) => t === "db")).toEqual([]);
  });

  it("each check catches a breach", () => {
    const f = path.join(ROOT, "registry", "records", "x.ts");
    expect(specifiers('import { x } from "../../app/i18n/strings"; import("@remix-run/node");').map((s) => target(f, s))).toEqual(["app", "@remix-run/node"]);
    expect(target(path.join(ROOT, "app", "routes", "a.tsx"), "../../db/client.server")).toBe("db");
    const tmp = fs.mkdtempSync(path.join(ROOT, "test", ".tmp-layout-"));
    try {
      const big = path.join(tmp, "big.ts");
      fs.writeFileSync(big, "x\n".repeat(MAX_LINES + 1));
      expect(oversized([big])).toHaveLength(1);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
