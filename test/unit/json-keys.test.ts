// Keys given twice in one JSON object (which JSON.parse would silently drop) are found; keys of
// different objects, string values that look like keys, and escapes are not confused.
import { describe, expect, it } from "vitest";
import { repeatedJsonKey } from "../../registry/exchange/interop/json-keys";
import { readAtrsJson } from "../../registry/exchange/interop/atrs-3/format";
import { NL_1 } from "../../registry/exchange/interop/nl-1/format";
import { noticeMessage } from "../../app/i18n/refusal";

const enc = (s: string) => new TextEncoder().encode(s);

describe("repeatedJsonKey", () => {
  it("finds a key given twice in one object, at any depth, however it is escaped", () => {
    expect(repeatedJsonKey(`{"a":1,"a":2}`)).toBe("a");
    expect(repeatedJsonKey(`[{"x":{"b":1,"c":[{"d":1}],"b":2}}]`)).toBe("b");
    expect(repeatedJsonKey(`{"name":"A","n\\u0061me":"B"}`)).toBe("name");
    expect(repeatedJsonKey(`{ "a" : 1 ,\n "a"\t: 2 }`)).toBe("a");
  });
  it("does not confuse keys of different objects, values, or quotes inside strings", () => {
    expect(repeatedJsonKey(`[{"a":1},{"a":2}]`)).toBeNull();
    expect(repeatedJsonKey(`{"a":{"a":1}}`)).toBeNull();
    expect(repeatedJsonKey(`{"a":"a","b":["a","a"]}`)).toBeNull();
    expect(repeatedJsonKey(`{"a":"x\\":1, \\"a","b":"\\\\"}`)).toBeNull();
    expect(repeatedJsonKey("[" .repeat(100_000) + "]".repeat(100_000))).toBeNull();
  });
});

describe("the foreign JSON readers refuse a key given twice", () => {
  it.each([
    ["atrs-3", (b: Uint8Array) => readAtrsJson(b), `[{"name":"A","team":"T1","team":"T2"}]`],
    ["nl-1 (schema)", (b: Uint8Array) => NL_1.read(b), `[{"name":"A","goal":"G1","goal":"G2"}]`],
    ["nl-1 (API list)", (b: Uint8Array) => NL_1.read(b), `{"algoritmes":[{"title":"A","doel":"D1","doel":"D2"}]}`],
  ])("%s", (_k, read, text) => {
    const r = read(enc(text));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.notices.map((n) => n.code)).toEqual(["interopJsonRepeatedKey"]);
    expect(noticeMessage(r.notices[0]!, "en")).toMatch(/gives the key (team|goal|doel) twice/);
    expect(noticeMessage(r.notices[0]!, "zh")).toMatch(/两次/);
  });
});
