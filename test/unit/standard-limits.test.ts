// Issue 10, finding 13 (cost of a request): every list of a record has a stated maximum length
// and a record a maximum size, in the standard itself (and so in the JSON Schema and the data
// dictionary); adding them invalidates none of the documented records.
import { describe, expect, it } from "vitest";
import { SEED_RECORDS, seedRecord } from "../helpers/seed";
import { LIST_LIMITS, RECORD_MAX_BYTES, ToolRecord, WITHHOLDABLE_FIELDS, fieldErrors, readStoredRecord, recordBytes } from "../../registry/standard/v1";
import { dataDictionary, recordJsonSchema } from "../../registry/standard/json-schema";
import { zodIssues } from "../../registry/shared/errors";
import { issueMessage } from "~/i18n/errors";

type Node = { type?: string | string[]; properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; maxItems?: number };

/** Every array in the JSON Schema of a record, by dotted path. */
function arrays(node: Node, path: string, out: [string, Node][] = []): [string, Node][] {
  for (const branch of node.anyOf ?? []) arrays(branch, path, out);
  if (node.type === "array") {
    out.push([path, node]);
    if (node.items) arrays(node.items, `${path}[]`, out);
  }
  for (const [k, child] of Object.entries(node.properties ?? {})) arrays(child, path ? `${path}.${k}` : k, out);
  return out;
}

const errorsOf = (input: unknown) => {
  const r = ToolRecord.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
};
const issuesAt = (input: unknown, path: string | undefined) => {
  const r = ToolRecord.safeParse(input);
  return r.success ? [] : zodIssues(r.error).filter((i) => i.path === path);
};
const base = () => structuredClone(seedRecord("health-code"));

describe("limits of the standard", () => {
  it("states a maximum length for every list of a record", () => {
    const lists = arrays(recordJsonSchema() as Node, "");
    expect(lists.length).toBeGreaterThan(10);
    expect(lists.filter(([, n]) => typeof n.maxItems !== "number").map(([p]) => p)).toEqual([]);
    expect((recordJsonSchema() as Record<string, unknown>)["x-record-max-bytes"]).toBe(RECORD_MAX_BYTES);
    expect(LIST_LIMITS.withheld).toBe(WITHHOLDABLE_FIELDS.length);
  });

  it("shows the limits in the data dictionary", () => {
    const byPath = Object.fromEntries(dataDictionary().map((e) => [e.path, e]));
    expect(byPath["dataScope.elements"]!.maxItems).toBe(LIST_LIMITS.dataElements);
    expect(byPath["incidents"]!.maxItems).toBe(LIST_LIMITS.incidents);
    expect(byPath["sources"]!.maxItems).toBe(LIST_LIMITS.sources);
  });

  it.each(SEED_RECORDS.map((r) => [r.identity.id, r] as const))("%s, a documented case, is within every limit", (_id, record) => {
    expect(errorsOf(record)).toEqual({});
    expect(recordBytes(record)).toBeLessThan(RECORD_MAX_BYTES / 100);
    for (const [path, node] of arrays(recordJsonSchema() as Node, "")) {
      if (path.includes("[]")) continue;
      const value = path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], record);
      if (Array.isArray(value)) expect(value.length, path).toBeLessThanOrEqual(node.maxItems!);
    }
  });

  it("refuses a list one longer than its limit", () => {
    const r = base();
    const element = r.dataScope.elements?.[0] ?? { name: { zh: "x" }, category: "other", sensitive: false };
    r.dataScope.elements = Array.from({ length: LIST_LIMITS.dataElements + 1 }, () => structuredClone(element));
    const [issue, ...more] = issuesAt(r, "dataScope.elements");
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ code: "zod_too_big", params: { maximum: LIST_LIMITS.dataElements, origin: "array" } });
    expect(issueMessage(issue!, "en")).toContain(`at most ${LIST_LIMITS.dataElements} entries`);
    expect(issueMessage(issue!, "zh")).toContain(`最多 ${LIST_LIMITS.dataElements} 项`);
    r.dataScope.elements = r.dataScope.elements.slice(0, LIST_LIMITS.dataElements);
    expect(errorsOf(r)["dataScope.elements"]).toBeUndefined();
  });

  it("refuses a record larger than the limit", () => {
    const r = base();
    const long = "数".repeat(20_000);
    r.dataScope.elements = Array.from({ length: 40 }, (_, i) => ({ name: { zh: `项 ${i}` }, category: "other" as const, sensitive: false, necessity: { zh: long, en: "x".repeat(20_000) } }));
    expect(recordBytes(r)).toBeGreaterThan(RECORD_MAX_BYTES);
    const [issue] = issuesAt(r, undefined);
    expect(issue?.code).toBe("err_record_too_large");
    expect(issueMessage(issue!, "en")).toMatch(/at most 2 MB/);
    expect(issueMessage(issue!, "zh")).toContain("最多 2 MB");
  });

  it("counts bytes as UTF-8 does", () => {
    for (const v of [{ a: "abc" }, { zh: "数据范围" }, { e: "😀 x" }, ["é", "ß"]]) expect(recordBytes(v)).toBe(Buffer.byteLength(JSON.stringify(v)));
  });
});

describe("records stored before a limit existed", () => {
  it("are still read and shown; only records broken in other ways are refused", () => {
    const seed = ToolRecord.parse(seedRecord("health-code"));
    const element = seed.dataScope.elements[0] ?? { name: { zh: "数据项" }, category: "other", sensitive: false };
    const long = { ...seed, dataScope: { ...seed.dataScope, elements: Array.from({ length: LIST_LIMITS.dataElements + 5 }, () => element) } };
    expect(ToolRecord.safeParse(long).success).toBe(false);
    expect(readStoredRecord(JSON.stringify(long)).dataScope.elements).toHaveLength(LIST_LIMITS.dataElements + 5);
    expect(() => readStoredRecord(JSON.stringify({ ...seed, identity: { ...seed.identity, kind: "spaceship" } }))).toThrow();
  });
});
