import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseToolQuery, toolQueryString } from "../../registry/records/query";

const parse = (s: string) => parseToolQuery(new URLSearchParams(s));

describe("parseToolQuery", () => {
  it("reads every facet, sort and page", () => {
    const { query, notices } = parse("q=门磁&kind=sensor_device&agency=lucheng-district&jurisdiction=district&status=in_use&review=unreviewed&level=none&sunset=no_sunset&category=health&sensitive=yes&sort=updated&page=2");
    expect(notices).toEqual([]);
    expect(query).toEqual({
      q: "门磁",
      kind: "sensor_device",
      agency: "lucheng-district",
      jurisdiction: "district",
      status: "in_use",
      review: "unreviewed",
      level: "none",
      sunset: "no_sunset",
      category: "health",
      sensitive: "yes",
      sort: "updated",
      page: 2,
    });
  });
  it("ignores bad values and says so", () => {
    const { query, notices } = parse("kind=spaceship&page=-1&sort=random&agency=../../etc&level=V&foo=bar");
    expect(query).toEqual({ q: "", sort: "name", page: 1 });
    expect(notices.map((n) => ("param" in n ? n.param : n.code)).sort()).toEqual(["agency", "foo", "kind", "level", "page", "sort"]);
  });
  it("shortens a 10,000-character query and reports it", () => {
    const { query, notices } = parse(`q=${"码".repeat(10_000)}`);
    expect(query.q.length).toBe(MAX_QUERY_LENGTH);
    expect(notices).toContainEqual({ code: "query_truncated", max: MAX_QUERY_LENGTH });
  });
  it("defaults to relevance when searching, to name otherwise, and refuses relevance without a search", () => {
    expect(parse("q=x").query.sort).toBe("relevance");
    expect(parse("").query.sort).toBe("name");
    expect(parse("sort=relevance").notices).toHaveLength(1);
  });
  it("rejects pages that are not small positive integers", () => {
    for (const p of ["0", "-1", "1.5", "abc", "99999999", "1e3"]) expect(parse(`page=${p}`).query.page).toBe(1);
  });
});

describe("toolQueryString", () => {
  it("round-trips through the URL and drops defaults", () => {
    const { query } = parse("q=health code&kind=app&page=3");
    const s = toolQueryString(query, { page: 3 });
    expect(s).toBe("?q=health+code&kind=app&page=3");
    expect(parse(s.slice(1)).query).toEqual(query);
  });
  it("starts again at page 1 when a filter changes, and can remove a filter", () => {
    const { query } = parse("kind=app&status=in_use&page=3");
    expect(toolQueryString(query, { status: undefined })).toBe("?kind=app");
  });
});

describe("the one table of filters", () => {
  it("drives the list's order, the index's storage and the API document", async () => {
    const { BYTE_FACETS, ENUM_FACETS, FACET_DEFS, FACET_DISPLAY_ORDER } = await import("../../registry/records/query");
    const { openApiDocument } = await import("../../registry/exchange/api/openapi");
    const { LABELS } = await import("../../registry/standard/labels");
    const { translate } = await import("../../app/i18n/strings");
    // Every filter is shown once, the agency among them.
    expect([...FACET_DISPLAY_ORDER].sort()).toEqual([...ENUM_FACETS, "agency"].sort());
    // Every filter is stored in the index: a byte each, or the category bit mask.
    expect([...BYTE_FACETS, ...ENUM_FACETS.filter((f) => FACET_DEFS[f].stored === "bits")].sort()).toEqual([...ENUM_FACETS].sort());
    // The API lists each filter with exactly its values.
    type Param = { name: string; schema: { enum?: string[] } };
    const doc = openApiDocument("https://register.example") as unknown as { paths: Record<string, { get: { parameters: { $ref: string }[] } }>; components: { parameters: Record<string, Param> } };
    const listTools = doc.paths["/api/v1/tools"]!.get.parameters.map((p) => doc.components.parameters[p.$ref.replace("#/components/parameters/", "")]!);
    for (const f of ENUM_FACETS) expect(listTools.find((p) => p.name === f)?.schema.enum, f).toEqual([...FACET_DEFS[f].values]);
    // Every value has a label in both languages, and every filter a name.
    for (const f of ENUM_FACETS) {
      const group = LABELS[FACET_DEFS[f].labels] as Record<string, { zh: string; en: string }>;
      for (const v of FACET_DEFS[f].values) expect(group[v]?.zh && group[v]?.en, `${f}=${v}`).toBeTruthy();
      for (const lang of ["zh", "en"] as const) expect(translate(lang, `facet_${f}` as never)).not.toBe(`facet_${f}`);
    }
  });
});
