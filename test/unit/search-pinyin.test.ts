// Pinyin tokens, the Chinese sort key and name highlighting (registry/records/search/pinyin.ts,
// highlight.ts), and the any-word expression (tokenize.ts).
import { describe, expect, it } from "vitest";
import { pinyinTokens, sortKeyZh } from "../../registry/records/search/pinyin";
import { highlightName } from "../../registry/records/search/highlight";
import { buildMatchExpression } from "../../registry/records/search/tokenize";

describe("pinyinTokens", () => {
  it("spells a name in full, as syllables and as initials", () => {
    const t = pinyinTokens("随申码");
    expect(t).toEqual(expect.arrayContaining(["sui", "shen", "ma", "suishenma", "ssm"]));
  });
  it("spells the words inside a longer name, and places without their administrative suffix", () => {
    expect(pinyinTokens("河南健康码（赋红码事件）")).toEqual(expect.arrayContaining(["jiankangma", "jkm", "henan", "hongma"]));
    expect(pinyinTokens("北京市")).toEqual(expect.arrayContaining(["beijing", "beijingshi"]));
  });
  it("reads polyphonic characters in context", () => {
    expect(pinyinTokens("长三角")).toContain("changsanjiao");
  });
});

describe("sortKeyZh", () => {
  it("orders by pinyin syllable by syllable, then tones, then the name", () => {
    const names = ["上海市民码", "北京健康宝", "长三角智慧大脑", "安康码", "Beta 平台", "北京"];
    const sorted = [...names].sort((a, b) => (sortKeyZh(a)! < sortKeyZh(b)! ? -1 : 1));
    expect(sorted).toEqual(["安康码", "北京", "北京健康宝", "Beta 平台", "长三角智慧大脑", "上海市民码"]);
    expect(sortKeyZh(null)).toBeNull();
  });
});

describe("highlightName", () => {
  const marked = (text: string, q: string) => (highlightName(text, buildMatchExpression(q).terms) ?? []).filter((s) => s.match).map((s) => s.text);
  it("marks the characters a pinyin word spells", () => {
    expect(marked("随申码", "suishenma")).toEqual(["随申码"]);
    expect(marked("河南健康码（赋红码事件）", "jkm")).toEqual(["健康码"]);
  });
  it("marks words and Chinese pieces; null when nothing matched", () => {
    expect(marked("Health code", "health")).toEqual(["Health"]);
    expect(marked("健康码", "康码")).toEqual(["康码"]);
    expect(highlightName("健康码", buildMatchExpression("system").terms)).toBeNull();
  });
  it("returns plain text segments that put the name back together", () => {
    const segs = highlightName("<b>随申码</b>", buildMatchExpression("ssm").terms)!;
    expect(segs.map((s) => s.text).join("")).toBe("<b>随申码</b>");
  });
});

describe("buildMatchExpression", () => {
  it("gives an any-word expression for several terms only", () => {
    expect(buildMatchExpression("随申码 数据泄露").any).toContain(" OR ");
    expect(buildMatchExpression("随申码").any).toBeNull();
  });
});
