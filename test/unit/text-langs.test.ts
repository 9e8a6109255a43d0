// Issue 15: a record's text keyed by any BCP 47 language, not only the interface's zh and en.
import { describe, expect, it } from "vitest";
import { localizedText, TEXT_MAX_LANGS } from "../../registry/standard/v1";
import { recordJsonSchema } from "../../registry/standard/json-schema";
import { zodIssues } from "../../registry/shared/errors";
import { issueMessage } from "../../app/i18n/errors";
import { languageName, pickText, textLangTag } from "../../app/i18n/use-lang";

const text = localizedText("Name.", "名称。", { max: 20 });
const codes = (v: unknown) => {
  const r = text.safeParse(v);
  return r.success ? [] : zodIssues(r.error).map((i) => i.code);
};

describe("localizedText", () => {
  it("accepts zh and en and any well-formed language tag", () => {
    for (const v of [{ zh: "名称" }, { en: "Name" }, { nl: "Naam" }, { fy: "Namme" }, { "fr-CA": "Nom" }, { "zh-Hant": "名稱" }, { "es-419": "Nombre" }, { zh: "名称", en: "Name", nl: "Naam" }])
      expect(text.safeParse(v).success, JSON.stringify(v)).toBe(true);
  });

  it("keeps the other languages' text", () => {
    expect(text.parse({ nl: " Naam ", en: "Name" })).toEqual({ nl: "Naam", en: "Name" });
  });

  it("refuses malformed language tags with its own code", () => {
    for (const k of ["xx_yy", "NL!", "NL", "n", "dutch", "fr-ca", "zh-hant"]) expect(codes({ [k]: "x" }), k).toContain("err_text_lang_tag");
    expect(text.safeParse(JSON.parse('{"__proto__": "x"}')).success).toBe(false);
  });

  it("refuses more than 8 languages, an empty text and text over the length limit in any language", () => {
    const nine = Object.fromEntries(["aa", "bb", "cc", "dd", "ee", "ff", "gg", "hh", "ii"].map((k) => [k, "x"]));
    expect(Object.keys(nine).length).toBe(TEXT_MAX_LANGS + 1);
    expect(codes(nine)).toContain("err_text_too_many_langs");
    expect(codes(Object.fromEntries(Object.entries(nine).slice(0, 8)))).toEqual([]);
    expect(codes({})).toContain("err_text_missing");
    expect(codes({ nl: "" }).length).toBeGreaterThan(0);
    expect(codes({ nl: "x".repeat(21) })).toContain("zod_too_big");
  });

  it("words its refusals in both languages", () => {
    const r = text.safeParse({ xx_yy: "x" });
    const [issue] = zodIssues(r.error!, "identity.name");
    expect(issueMessage(issue!, "en")).toMatch(/^“Name of the tool” has text under a language tag/);
    expect(issueMessage(issue!, "zh")).toMatch(/^“工具名称”中有文本的语言标记格式不正确/);
    const many = zodIssues(text.safeParse(Object.fromEntries(["aa", "bb", "cc", "dd", "ee", "ff", "gg", "hh", "ii"].map((k) => [k, "x"]))).error!, "identity.name");
    expect(issueMessage(many[0]!, "en")).toBe("Give “Name of the tool” in at most 8 languages.");
    expect(issueMessage(many[0]!, "zh")).toBe("“工具名称”最多可用 8 种语言填写。");
  });

  it("is described by the JSON Schema: any property named by a language tag, at most 8", () => {
    const name = (recordJsonSchema() as { properties: Record<string, { properties: Record<string, Record<string, unknown>> }> }).properties.identity!.properties.name!;
    expect(name.properties).toMatchObject({ zh: { type: "string", maxLength: 300 }, en: { type: "string", maxLength: 300 } });
    expect(name.additionalProperties).toMatchObject({ type: "string", maxLength: 300 });
    expect(name.maxProperties).toBe(8);
    expect(name.minProperties).toBe(1);
    const re = new RegExp((name.propertyNames as { pattern: string }).pattern);
    expect(["zh", "en", "nl", "fy", "fr-CA", "zh-Hant"].every((k) => re.test(k))).toBe(true);
    expect(["xx_yy", "NL!", "fr-ca"].some((k) => re.test(k))).toBe(false);
  });
});

describe("pickText", () => {
  it("shows the page language, else the other interface language, else the first other language", () => {
    expect(pickText({ zh: "名称", en: "Name", nl: "Naam" }, "en")).toEqual({ text: "Name", lang: "en", fallback: false });
    expect(pickText({ zh: "名称", nl: "Naam" }, "en")).toEqual({ text: "名称", lang: "zh", fallback: true });
    expect(pickText({ nl: "Naam", fy: "Namme" }, "zh")).toEqual({ text: "Naam", lang: "nl", fallback: true });
    expect(pickText({ "fr-CA": "Nom" }, "en")).toEqual({ text: "Nom", lang: "fr-CA", fallback: true });
    expect(pickText({}, "zh")).toBeNull();
  });

  it("marks text by its language and names the language in the reader's", () => {
    expect([textLangTag("zh"), textLangTag("en"), textLangTag("nl"), textLangTag("zh-Hant")]).toEqual(["zh-Hans", "en", "nl", "zh-Hant"]);
    expect(languageName("nl", "zh")).toBe("荷兰语");
    expect(languageName("nl", "en")).toBe("Dutch");
    expect(languageName("fy", "en")).toMatch(/Frisian/);
  });
});
