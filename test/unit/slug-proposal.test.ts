// Issue 13, "Pickers, not codes": the slug of a new draft is proposed from the name when left empty.
import { describe, expect, it } from "vitest";
import { proposeSlug, slugBase, slugify } from "../../registry/standard/slug-proposal";
import { sortAgencyChoices } from "../../registry/records/agency-choices.server";

const none = () => false;

describe("slug proposed from the name", () => {
  it("makes pinyin of a Chinese name, one word per run of characters", () => {
    expect(proposeSlug({ zh: "随申码" }, none)).toBe("suishenma");
    expect(proposeSlug({ zh: "上海 健康码" }, none)).toBe("shanghai-jiankangma");
  });
  it("prefers the English name, lower-case with hyphens", () => {
    expect(proposeSlug({ zh: "随申码", en: "Suishen Code" }, none)).toBe("suishen-code");
    expect(proposeSlug({ en: "  Health  Code (Shanghai) " }, none)).toBe("health-code-shanghai");
  });
  it("handles mixed names and punctuation", () => {
    expect(proposeSlug({ zh: "“一网通办”AI助手2.0" }, none)).toBe("yiwangtongban-ai-zhushou-2-0");
    expect(proposeSlug({ zh: "随申码！（试点）" }, none)).toBe("suishenma-shidian");
    expect(slugify("Café — Déjà vu")).toBe("cafe-deja-vu");
    expect(slugBase({ en: "!!!", zh: "随申码" })).toBe("suishenma");
  });
  it("returns null when nothing usable is left", () => {
    expect(proposeSlug({ zh: "！？" }, none)).toBeNull();
    expect(proposeSlug(undefined, none)).toBeNull();
  });
  it("adds -2, -3 when the slug is taken", () => {
    const taken = new Set(["suishenma", "suishenma-2"]);
    expect(proposeSlug({ zh: "随申码" }, (s) => taken.has(s))).toBe("suishenma-3");
    expect(proposeSlug({ zh: "随申码" }, (s) => s === "suishenma")).toBe("suishenma-2");
  });
  it("stays within 80 characters, with its suffix", () => {
    const long = Array.from({ length: 30 }, () => "word").join(" ");
    const s = proposeSlug({ en: long }, (x) => !x.endsWith("-2"));
    expect(s!.length).toBeLessThanOrEqual(80);
    expect(s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*-2$/);
  });
});

describe("agency picker order", () => {
  it("groups by level of government and sorts Chinese names by pinyin", () => {
    const list = sortAgencyChoices(
      [
        { slug: "sh", name: "上海市人民政府", level: "city" },
        { slug: "bj", name: "北京市人民政府", level: "city" },
        { slug: "gwy", name: "国务院", level: "national" },
        { slug: "ah", name: "安徽省卫生健康委员会", level: "province" },
      ],
      "zh",
    );
    expect(list.map((a) => a.slug)).toEqual(["gwy", "ah", "bj", "sh"]);
  });
});
