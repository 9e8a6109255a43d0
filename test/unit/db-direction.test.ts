// db/ sits below the domain: schema, migrations, the client and the migrate script. Code that needs
// the domain (the seed, which publishes through registry/) lives above it, in scripts/. This test
// keeps the direction: no file under db/ may import from registry/, app/ or scripts/.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, sourceFiles, specifiers } from "../helpers/source-files";

const DB = path.join(ROOT, "db");
const ABOVE = ["registry", "app", "scripts"];

// The top-level folder a specifier points into, or null for a package or node: built-in.
function target(file: string, spec: string): string | null {
  if (spec.startsWith("~/")) return "app";
  if (!spec.startsWith(".") && !spec.startsWith("/")) return null;
  const rel = path.relative(ROOT, path.resolve(path.dirname(file), spec));
  return rel.split(path.sep)[0] ?? null;
}

describe("db/ imports nothing above it", () => {
  const files = sourceFiles(DB);

  it("finds the db sources", () => {
    expect(files.some((f) => f.endsWith("client.server.ts"))).toBe(true);
    expect(files.some((f) => f.endsWith("migrate.server.ts"))).toBe(true);
  });

  it("no file under db/ imports from registry/, app/ or scripts/", () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const spec of specifiers(fs.readFileSync(f, "utf8"))) {
        const t = target(f, spec);
        if (t && ABOVE.includes(t)) bad.push(`${path.relative(ROOT, f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("the check catches an upward import", () => {
    const f = path.join(DB, "seed", "run.server.ts");
    expect(specifiers('import { x } from "../../registry/records/publish.server";').map((s) => target(f, s))).toEqual(["registry"]);
    expect(specifiers('export * from "~/i18n/strings";').map((s) => target(f, s))).toEqual(["app"]);
    expect(specifiers('const m = await import("../../scripts/seed/cases");').map((s) => target(f, s))).toEqual(["scripts"]);
    expect(specifiers('import "./schema"; import x from "drizzle-orm";').map((s) => target(path.join(DB, "a.ts"), s))).toEqual(["db", null]);
  });
});
