import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseToolQuery, toolQueryString } from "../../registry/records/query";

const parse = (s: string) => parseToolQuery(new URLSearchParams(s));

describe("parseToolQuery", () => {
  it("reads every facet, sort and page", () => {
    const { query, notices } = parse("q=门磁&kind=sensor_device&agency=lucheng-district&jurisdiction=district&status=in_use&review=unreviewed&level=none&sunset=no_sunset&category=health&sensitive=yes&sort=updated&page=2");
    expect(notices).toEqual([]);
    expect(query).toEqual({
      q: "门磁",
      kind: ["sensor_device"],
      agency: ["lucheng-district"],
      jurisdiction: ["district"],
      status: ["in_use"],
      review: ["unreviewed"],
      level: ["none"],
      sunset: ["no_sunset"],
      category: ["health"],
      sensitive: ["yes"],
      sort: "updated",
      page: 2,
    });
  });
  it("reads several values of a filter, in the table's order, each once", () => {
    const { query, notices } = parse("sunset=no_sunset&kind=code_system&sunset=lapsed&sunset=no_sunset&sunset=bogus&agency=b-x&agency=a-y&agency=b-x");
    expect(query.sunset).toEqual(["lapsed", "no_sunset"]);
    expect(query.kind).toEqual(["code_system"]);
    expect(query.agency).toEqual(["a-y", "b-x"]);
    expect(notices).toEqual([{ code: "ignored_value", param: "sunset", value: "bogus" }]);
    // The same choice in another order is the same address.
    expect(toolQueryString(query)).toBe(toolQueryString(parse("kind=code_system&sunset=lapsed&sunset=no_sunset&agency=a-y&agency=b-x").query));
    expect(toolQueryString(query)).toBe("?kind=code_system&sunset=lapsed&sunset=no_sunset&agency=a-y&agency=b-x");
  });
  it("names at most MAX_AGENCIES agencies", async () => {
    const { MAX_AGENCIES } = await import("../../registry/records/query");
    const many = Array.from({ length: MAX_AGENCIES + 3 }, (_, i) => `agency=a${i}`).join("&");
    const { query, notices } = parse(many);
    expect(query.agency).toHaveLength(MAX_AGENCIES);
    expect(notices).toHaveLength(3);
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
  it("adds and removes one value of a filter", async () => {
    const { withValue, withoutValue } = await import("../../registry/records/query");
    const { query } = parse("sunset=no_sunset&kind=code_system");
    const both = parse(toolQueryString(query, withValue(query, "sunset", "lapsed")).slice(1)).query;
    expect(both.sunset).toEqual(["lapsed", "no_sunset"]);
    expect(toolQueryString(both, withoutValue(both, "sunset", "no_sunset"))).toBe("?kind=code_system&sunset=lapsed");
    expect(toolQueryString(both, withoutValue(both, "kind", "code_system"))).toBe("?sunset=lapsed&sunset=no_sunset");
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
    type Param = { name: string; style?: string; explode?: boolean; schema: { type: string; items?: { enum?: string[] } } };
    const doc = openApiDocument("https://register.example") as unknown as { paths: Record<string, { get: { parameters: { $ref: string }[] } }>; components: { parameters: Record<string, Param> } };
    const listTools = doc.paths["/api/v1/tools"]!.get.parameters.map((p) => doc.components.parameters[p.$ref.replace("#/components/parameters/", "")]!);
    // ... each may be repeated (its values are alternatives).
    for (const f of ENUM_FACETS) {
      const p = listTools.find((x) => x.name === f);
      expect(p?.schema.items?.enum, f).toEqual([...FACET_DEFS[f].values]);
      expect([p?.schema.type, p?.style, p?.explode], f).toEqual(["array", "form", true]);
    }
    // Every value has a label in both languages, and every filter a name.
    for (const f of ENUM_FACETS) {
      const group = LABELS[FACET_DEFS[f].labels] as Record<string, { zh: string; en: string }>;
      for (const v of FACET_DEFS[f].values) expect(group[v]?.zh && group[v]?.en, `${f}=${v}`).toBeTruthy();
      for (const lang of ["zh", "en"] as const) expect(translate(lang, `facet_${f}` as never)).not.toBe(`facet_${f}`);
    }
  });
});
