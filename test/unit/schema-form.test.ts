// The schema form parser builds values from field names a client chooses: names that reach an
// object's prototype ("__proto__", "constructor.prototype") must be ignored, never written through.
import { afterEach, describe, expect, it } from "vitest";
import { Purpose } from "../../registry/standard/v1";
import { applyListButton, formToValue, isSafeKey, sectionNode } from "../../registry/standard/schema-form";

const PROBES = ["redirectTo", "polluted", "x", "0"];
afterEach(() => {
  // A failing run must not leave the prototype polluted for the tests after it.
  for (const k of PROBES) {
    delete (Object.prototype as Record<string, unknown>)[k];
    delete (Array.prototype as unknown as Record<string, unknown>)[k];
  }
});
const clean = () => {
  const probe = {} as Record<string, unknown>;
  return PROBES.every((k) => probe[k] === undefined && ([] as unknown as Record<string, unknown>)[k] === undefined);
};

const identity = sectionNode("identity");
const base: [string, string][] = [
  ["identity.slug", "tool-a"],
  ["identity.name.zh", "工具"],
  ["identity.kind", "app"],
];

describe("formToValue", () => {
  it.each([
    ["identity.__proto__.redirectTo", "ALG-000023"],
    ["identity.name.__proto__.polluted", "yes"],
    ["identity.constructor.prototype.redirectTo", "ALG-000023"],
    ["identity.sources.__proto__.x", "1"],
    ["identity.jurisdiction.constructor.prototype.polluted", "yes"],
    ["identity.__proto__", "ALG-000023"],
    ["identity.prototype.x", "1"],
  ])("ignores the field %s and leaves Object.prototype alone", (name, value) => {
    const v = formToValue(identity, [...base, [name, value]], "identity") as Record<string, unknown>;
    expect(clean()).toBe(true);
    expect(({} as Record<string, unknown>).redirectTo).toBeUndefined();
    // The rest of the form is read as before, and nothing of the attack is in the value.
    expect(v).toEqual({ slug: "tool-a", name: { zh: "工具" }, kind: "app" });
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(JSON.stringify(v)).not.toMatch(/proto|redirect|polluted|constructor/);
  });

  it("reads list rows and localized text as before", () => {
    const node = sectionNode("purpose");
    const v = formToValue(
      node,
      [
        ["purpose.purpose.en", "To rank"],
        ["purpose.legalBasis.1.citation", "Second"],
        ["purpose.legalBasis.0.citation", "First"],
        ["purpose.legalBasis.0.__proto__", "x"],
      ],
      "purpose",
    );
    expect(v).toEqual({ purpose: { en: "To rank" }, legalBasis: [{ citation: "First" }, { citation: "Second" }] });
    expect(clean()).toBe(true);
  });
});

describe("applyListButton", () => {
  it.each([
    { add: "identity.__proto__.redirectTo" },
    { add: "identity.constructor.prototype.redirectTo" },
    { add: "identity.__proto__" },
    { remove: "identity.__proto__.x.0" },
    { remove: "identity.constructor.prototype.polluted.0" },
    { add: "sources.__proto__.x" },
  ])("ignores %o and leaves Object.prototype alone", (button) => {
    const value = { slug: "tool-a" };
    const section = (button.add ?? button.remove)!.split(".")[0]!;
    const out = applyListButton(value, section, button);
    expect(clean()).toBe(true);
    expect(({} as Record<string, unknown>).redirectTo).toBeUndefined();
    expect(out).toEqual(value);
  });

  it("still adds and removes rows", () => {
    const added = applyListButton({ legalBasis: [{ citation: "A" }] }, "purpose", { add: "purpose.legalBasis" });
    expect(added).toEqual({ legalBasis: [{ citation: "A" }, {}] });
    expect(applyListButton(added, "purpose", { remove: "purpose.legalBasis.0" })).toEqual({ legalBasis: [{}] });
    expect(applyListButton([], "sources", { add: "sources" })).toEqual([{}]);
  });

  it("refuses the names that reach a prototype", () => {
    for (const k of ["__proto__", "constructor", "prototype"]) expect(isSafeKey(k)).toBe(false);
    for (const k of ["identity", "legalBasis", "0", "zh"]) expect(isSafeKey(k)).toBe(true);
  });
});

describe("list rows", () => {
  it("converts at most one row more than the standard allows, however many are posted", () => {
    const node = sectionNode("dataScope");
    const max = (node.properties!.elements as { maxItems?: number }).maxItems!;
    expect(max).toBeGreaterThan(0);
    const entries: [string, string][] = [];
    for (let i = 0; i < 20_000; i++) entries.push([`dataScope.elements.${i}.name.zh`, `数据项 ${i}`], [`dataScope.elements.${i}.category`, "other"]);
    const v = formToValue(node, entries, "dataScope") as { elements: unknown[] };
    expect(v.elements).toHaveLength(max + 1);
    // Rows left empty do not count.
    const sparse = formToValue(node, [["dataScope.elements.0.name.zh", ""], ["dataScope.elements.7.name.zh", "a"]], "dataScope") as { elements: unknown[] };
    expect(sparse.elements).toEqual([{ name: { zh: "a" } }]);
  });

  it("keeps text in languages other than Chinese and English, and drops keys that are not language tags", () => {
    const node = sectionNode("purpose");
    const v = formToValue(
      node,
      [
        ["purpose.purpose.nl", " Het doel van dit algoritme "],
        ["purpose.purpose.en", "To verify identity"],
        ["purpose.purpose.fy", "Doel"],
        ["purpose.purpose.NotALang", "x"],
        ["purpose.purpose.nl-NL-extra-bits", "y"],
      ],
      "purpose",
    );
    expect(v).toEqual({ purpose: { en: "To verify identity", fy: "Doel", nl: "Het doel van dit algoritme" } });
  });

  it("keeps one language more than the standard allows (so validation refuses it), and reads no further", () => {
    const node = sectionNode("purpose");
    const tags = ["aa", "ab", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az"];
    const v = formToValue(node, [["purpose.purpose.zh", "用途"], ...tags.map((t): [string, string] => [`purpose.purpose.${t}`, t])], "purpose") as { purpose: Record<string, string> };
    expect(Object.keys(v.purpose)).toHaveLength(9);
    expect(v.purpose.zh).toBe("用途");
    expect(Purpose.safeParse(v).error?.issues.map((i) => i.message)).toContain("err_text_too_many_langs");
  });
});
