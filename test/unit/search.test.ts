import { describe, expect, it } from "vitest";
import { bigrams, buildMatchExpression, indexTokens, splitTerms } from "../../registry/records/search/tokenize";
import { highlight, snippet } from "../../registry/records/search/highlight";

describe("splitTerms", () => {
  it("keeps a Chinese run together across the segmenter's word boundaries", () => {
    expect(splitTerms("智能门磁系统")).toEqual([{ script: "han", text: "智能门磁系统" }]);
  });
  it("splits mixed Chinese and English and drops punctuation", () => {
    expect(splitTerms("健康码 Health-Code, 红码！")).toEqual([
      { script: "han", text: "健康码" },
      { script: "latin", text: "health" },
      { script: "latin", text: "code" },
      { script: "han", text: "红码" },
    ]);
  });
  it("normalises full-width Latin letters and case", () => {
    expect(splitTerms("ＡＰＰ")).toEqual([{ script: "latin", text: "app" }]);
  });
});

describe("indexTokens", () => {
  it("indexes Chinese as overlapping bigrams and unigrams, English as words", () => {
    const t = indexTokens("智能门磁 door sensor");
    expect(t.words.split(" ")).toEqual(["智能", "能门", "门磁", "door", "sensor"]);
    expect(t.unigrams.split(" ")).toEqual(["智", "能", "门", "磁"]);
  });
  it("makes every two-character Chinese substring a token", () => {
    const words = indexTokens("健康码赋码规则与数据范围").words.split(" ");
    for (const w of ["数据", "健康", "赋码", "规则"]) expect(words).toContain(w);
  });
  it("gives bigrams of a single character as the character itself", () => {
    expect(bigrams("码")).toEqual(["码"]);
  });
});

describe("buildMatchExpression", () => {
  it("turns a Chinese word into a bigram phrase and an English word into a quoted term", () => {
    expect(buildMatchExpression("红码").match).toBe('{name body} : "红码"');
    expect(buildMatchExpression("健康码").match).toBe('{name body} : "健康 康码"');
    expect(buildMatchExpression("health code").match).toBe('{name body} : "health" AND {name body} : "code"');
  });
  it("searches a single Chinese character through the unigram column", () => {
    expect(buildMatchExpression("码").match).toBe('uni : "码"');
  });
  it("neutralises FTS syntax typed by a user", () => {
    const { match } = buildMatchExpression('"NEAR(a b)" * -x OR code*');
    expect(match).toBe('{name body} : "near" AND {name body} : "b" AND {name body} : "x" AND {name body} : "code"');
    // Every term is a quoted string: no bare operator, star or column filter survives.
    expect(match!.replace(/"[^"]*"/g, "").replace(/\{name body\} :|uni :| AND /g, "").trim()).toBe("");
  });
  it("returns no expression when nothing searchable is left", () => {
    expect(buildMatchExpression(`"*-()^:`).match).toBeNull();
    expect(buildMatchExpression("the of").match).toBeNull();
  });
});

describe("highlight", () => {
  it("marks Chinese and stemmed English matches in the original text", () => {
    const segs = highlight("Health codes and 红码 rules", splitTerms("health code 红码"));
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(["Health", "codes", "红码"]);
    expect(segs.map((s) => s.text).join("")).toBe("Health codes and 红码 rules");
  });
  it("cuts a snippet around the first match", () => {
    const text = `${"前".repeat(100)}门磁${"后".repeat(100)}`;
    const s = snippet(text, splitTerms("门磁"), 10)!;
    expect(s[0]!.text).toBe("…");
    expect(s.find((x) => x.match)!.text).toBe("门磁");
    expect(s.map((x) => x.text).join("").length).toBeLessThan(30);
  });
  it("treats regex characters in a query as text", () => {
    expect(() => highlight("a+b (c)", splitTerms("a+b (c"))).not.toThrow();
  });
});
