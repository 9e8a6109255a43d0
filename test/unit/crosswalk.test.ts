// The published crosswalk's model (registry/exchange/interop/crosswalk.ts): every field of every
// built foreign format listed once, every place a mapping table writes to named by the standard.
import { describe, expect, it } from "vitest";
import { builtFormats, crosswalk, dictionaryPath, targetOf } from "../../registry/exchange/interop/crosswalk";
import { INTEROP_FORMATS, type InteropFormat } from "../../registry/exchange/interop/formats";
import { dataDictionary } from "../../registry/standard/json-schema";

const dictionary = new Set(dataDictionary().map((e) => e.path));

describe("the crosswalk model", () => {
  it("covers the built formats, the US inventory at least", () => {
    const keys = builtFormats().map((f) => f.key);
    expect(keys).toContain("omb-2025");
    for (const [k, f] of Object.entries(INTEROP_FORMATS)) expect(keys.includes(k as never), k).toBe(Boolean(f));
  });

  it("lists every field of every built format once, in the format's own order, with its label", () => {
    const c = crosswalk();
    for (const format of builtFormats()) {
      const listed = c.formats.find((f) => f.key === format.key)!;
      expect(listed.rows.map((r) => r.key), format.key).toEqual(format.fields.map((f) => f.key));
      expect(new Set(listed.rows.map((r) => r.key)).size, `${format.key}: a field listed twice`).toBe(listed.rows.length);
      for (const [i, f] of format.fields.entries()) if (f.label) expect(listed.rows[i]!.label).toEqual(f.label);
    }
    // The US inventory: its 36 columns.
    expect(c.formats.find((f) => f.key === "omb-2025")!.rows).toHaveLength(36);
  });

  it("maps only fields the format has, each once", () => {
    const problems: string[] = [];
    for (const format of builtFormats()) {
      const keys = new Set(format.fields.map((f) => f.key));
      const seen = new Set<string>();
      for (const m of format.mapping.fields) {
        if (!keys.has(m.key)) problems.push(`${format.key}: the mapping names ${m.key}, which is not a field of the format`);
        if (seen.has(m.key)) problems.push(`${format.key}: ${m.key} is mapped twice`);
        seen.add(m.key);
      }
    }
    expect(problems).toEqual([]);
  });

  it("resolves every mapped place to a named field of the standard (or of the agency), naming any that does not", () => {
    const unresolved: string[] = [];
    for (const format of builtFormats())
      for (const m of format.mapping.fields) {
        const t = targetOf(m.to, dictionary);
        if (t.kind === "unknown") unresolved.push(`${format.key}.${m.key} -> ${m.to}`);
        if (t.kind === "field") {
          expect(t.name.en && t.name.zh, m.key).toBeTruthy();
          for (const w of t.within) expect(w.en && w.zh, m.key).toBeTruthy();
        }
      }
    expect(unresolved).toEqual([]);
    // The check can fail: a place the standard does not have, or an agency field the page cannot name.
    expect(targetOf("identity.noSuchField", dictionary)).toEqual({ kind: "unknown", to: "identity.noSuchField" });
    expect(targetOf("@agency.budget", dictionary).kind).toBe("unknown");
    expect(targetOf(null, dictionary)).toEqual({ kind: "kept" });
    expect(targetOf(undefined, dictionary)).toEqual({ kind: "unread" });
  });

  it("reads list selectors as the data dictionary writes lists, and names the field within its parents", () => {
    expect(dictionaryPath("classifications[scheme=us-omb-high-impact].value")).toBe("classifications[].value");
    expect(dictionaryPath("responsibility.vendors[0].name")).toBe("responsibility.vendors[].name");
    expect(targetOf("securityAuthorisation.status", dictionary)).toEqual({
      kind: "field",
      path: "securityAuthorisation.status",
      name: { zh: "进展", en: "Status" },
      within: [{ zh: "安全运行授权", en: "Security authorisation" }],
    });
  });

  it("lists, the other way, each foreign field under the standard's field it lands in, and kept fields under the fields from other registers", () => {
    const c = crosswalk();
    const omb = c.formats.find((f) => f.key === "omb-2025")!;
    const row = (p: string) => c.standard.find((s) => s.path === p)!;
    expect(row("identity.name").from["omb-2025"]!.map((r) => r.key)).toEqual(["use_case_name"]);
    expect(row("lifecycle.deploymentStatus").from["omb-2025"]!.map((r) => r.key)).toEqual(["development_stage"]);
    expect(row("extensions").from["omb-2025"]!.map((r) => r.key)).toEqual(omb.rows.filter((r) => r.target.kind === "kept").map((r) => r.key));
    expect(c.agency.map((a) => a.field)).toEqual(["slug", "name"]);
    // Every field of the standard is listed, in the dictionary's order, and every foreign field appears exactly once on this side.
    expect(c.standard.map((s) => s.path)).toEqual(dataDictionary().map((e) => e.path));
    const placed = [...c.standard, ...c.agency].flatMap((s) => s.from["omb-2025"]!.map((r) => r.key)).sort();
    expect(placed).toEqual(omb.rows.filter((r) => r.target.kind !== "unread").map((r) => r.key).sort());
    for (const s of c.standard) expect(s.name.en, s.path).not.toBe(s.path);
  });

  it("is generic over the formats: a format's unmapped field is shown as not read, a wrong place as unknown", () => {
    const fake: InteropFormat = {
      ...INTEROP_FORMATS["omb-2025"]!,
      fields: [{ key: "a" }, { key: "b", label: { en: "B", zh: "乙" } }, { key: "c" }],
      mapping: { ...INTEROP_FORMATS["omb-2025"]!.mapping, fields: [{ key: "a", to: "identity.name", lang: "en" }, { key: "c", to: "identity.nope" }] },
    };
    const c = crosswalk([fake]);
    expect(c.formats[0]!.rows.map((r) => r.target.kind)).toEqual(["field", "unread", "unknown"]);
    expect(c.formats[0]!.rows[1]!.label).toEqual({ en: "B", zh: "乙" });
  });
});
