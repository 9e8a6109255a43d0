// The incremental mirror's plan (scripts/mirror/manifest.ts) on a real seeded register: which
// changes narrow the work down to some resources, and which force a full export. The export
// itself, compared file by file with a full one, is checked in test/e2e/mirror-incremental.spec.ts.
import { afterEach, describe, expect, it } from "vitest";
import { freshDb } from "../helpers/db";
import { familyOf, openRegister, planExport, readRegisterState, type Fingerprint, type Manifest, type ManifestEntry } from "../../scripts/mirror/manifest";
import { publishSmallChange } from "../helpers/mirror-change";

const fp: Fingerprint = { build: "b1", options: { origin: "http://localhost", liveOrigin: null, filteredExports: true }, date: "2026-06-15", registerDay: "2026-06-15" };

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

/** A seeded register, and a manifest as an export of it now would write (with the given resources). */
function setup(resources: ManifestEntry[]) {
  const d = freshDb("seeded");
  cleanup = d.close;
  const read = () => {
    const db = openRegister(d.file);
    try {
      return readRegisterState(db);
    } finally {
      db.close();
    }
  };
  const s = read();
  const manifest: Manifest = { format: 1, ...fp, head: s.head, pageVersion: s.pageVersion, agencies: s.agencies, tools: Object.fromEntries(s.tools), resources };
  const plan = (m: Manifest = manifest, f: Fingerprint = fp) => {
    const db = openRegister(d.file);
    try {
      return planExport(m, read(), f, db);
    } finally {
      db.close();
    }
  };
  return { d, manifest, plan, read };
}

describe("families of mirrored resources", () => {
  it("tells a tool's resources, agency pages, list pages and filtered exports apart", () => {
    expect(familyOf("p:/tools/ALG-000001")).toEqual({ type: "tool", id: "ALG-000001" });
    expect(familyOf("p:/tools/ALG-000001/history?from=1&to=2")).toEqual({ type: "tool", id: "ALG-000001" });
    expect(familyOf("d:/tools/ALG-000001.json")).toEqual({ type: "tool", id: "ALG-000001" });
    expect(familyOf("D:/tools/ALG-000001/changes.atom")).toEqual({ type: "tool", id: "ALG-000001" });
    expect(familyOf("p:/agencies/miit")).toEqual({ type: "agency", slug: "miit" });
    expect(familyOf("p:/tools?kind=app&page=3")).toEqual({ type: "list", filter: "kind=app" });
    expect(familyOf("d:/tools.csv?kind=app")).toEqual({ type: "export", filter: "kind=app" });
    expect(familyOf("d:/interop/omb-2025.csv?status=pilot")).toEqual({ type: "export", filter: "status=pilot" });
    // The unfiltered list's pages are list pages too (only its first page is a start page, rendered anyway).
    expect(familyOf("p:/tools?page=7")).toEqual({ type: "list", filter: "" });
    for (const always of ["p:/", "d:/tools.csv", "d:/tools/data-elements.csv", "p:/log?page=2", "D:/changes.atom", "p:/agencies", "a:/build/_assets/x.css"]) {
      expect(familyOf(always), always).toEqual({ type: "always" });
    }
  });
});

describe("the plan of an incremental export", () => {
  const resources: ManifestEntry[] = [
    ["p:/", 1, 2, [], 0, 0],
    ["p:/tools/ALG-000001", 1, 2, [], 0, 0],
    ["p:/tools/ALG-000002", 1, 2, [], 0, 0],
    ["p:/tools?kind=app", 1, 2, [1], 0, 0],
    ["p:/tools?kind=platform", 1, 2, [2], 0, 0],
    ["d:/tools.csv?kind=app", 1, 1, [], 0, 0],
    ["d:/tools.csv?kind=platform", 1, 1, [], 0, 0],
    ["D:/tools/ALG-000002/changes.atom", 1, 2, [], 0, 0],
    ["p:/tools/ALG-000002/history", 1, 2, [], 0, 0],
  ];

  it("renders only the always-rendered resources when nothing changed", () => {
    const { plan } = setup(resources);
    const p = plan();
    expect(p.full).toBe(false);
    if (p.full) return;
    expect(resources.map((_, i) => p.dirty(i))).toEqual([true, false, false, false, false, false, false, false, false]);
  });

  it("after a new revision of one tool: its resources, the pages linking to it and their filter's exports (other feeds get the new head written in, not rendered)", () => {
    const { d, plan } = setup(resources);
    publishSmallChange(d.file, "ALG-000001");
    const p = plan();
    expect(p.full).toBe(false);
    if (p.full) return;
    expect([...p.changedTools]).toEqual(["ALG-000001"]);
    expect(p.listChanged).toBe(false);
    expect(p.headMoved).toBe(true);
    expect(resources.map((_, i) => p.dirty(i))).toEqual([true, true, false, true, false, true, false, false, false]);
  });

  it("falls back to a full export when the day, the build or the options changed, or there is no manifest", () => {
    const { manifest, plan } = setup(resources);
    expect(plan(manifest, { ...fp, date: "2026-06-16", registerDay: "2026-06-16" })).toMatchObject({ full: true });
    expect(plan(manifest, { ...fp, build: "b2" })).toMatchObject({ full: true });
    expect(plan(manifest, { ...fp, options: { ...fp.options, filteredExports: false } })).toMatchObject({ full: true });
    expect(plan({ ...manifest, head: { id: manifest.head!.id, hash: "0".repeat(64) } })).toMatchObject({ full: true, reason: expect.stringContaining("event log") });
  });

  it("falls back to a full export when an agency changed", () => {
    const { d, plan } = setup(resources);
    d.db.$client.prepare(`UPDATE agencies SET name_en = name_en || ' (renamed)' WHERE id = (SELECT min(id) FROM agencies)`).run();
    expect(plan()).toMatchObject({ full: true, reason: "an agency changed" });
  });

  it("moves every list when a tool's place in the lists changed", () => {
    const { d, plan } = setup(resources);
    d.db.$client.prepare(`UPDATE tools SET deployment_status = 'retired' WHERE id = 'ALG-000002'`).run();
    const p = plan();
    expect(p.full).toBe(false);
    if (p.full) return;
    expect(p.listChanged).toBe(true);
    expect(p.changedTools.has("ALG-000002")).toBe(true);
    // Every list page and filtered export, and the changed tool's own resources.
    expect(resources.map((_, i) => p.dirty(i))).toEqual([true, false, true, true, true, true, true, true, true]);
  });
});
