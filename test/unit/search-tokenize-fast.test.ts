// The tokenizer's fast path (a regular expression, registry/records/search/tokenize.ts) must cut
// text exactly as Intl.Segmenter does, or stored search rows would change without a raised
// SEARCH_SCHEME_VERSION. Compared on the seed records, the foreign registers' sample records and
// random text mixing the characters where the two could part.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitTerms, splitTermsFast, splitTermsIcu } from "../../registry/records/search/tokenize";
import { SEED_RECORDS } from "../../scripts/seed/cases";

const icu = (s: string) => splitTermsIcu(s.normalize("NFKC"));

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (v && typeof v === "object") for (const x of Object.values(v)) strings(x, out);
  return out;
}

describe("fast tokenizer", { timeout: 120_000 }, () => {
  it("cuts like the segmenter where both apply, and leaves other scripts to the segmenter", () => {
    expect(splitTermsFast("Xi'an 3.5 1,000 a:b e.g. ALG-000001 第30社区 健康码app")).toEqual(icu("Xi'an 3.5 1,000 a:b e.g. ALG-000001 第30社区 健康码app"));
    // Kana and Hangul go through the segmenter, whose answer the fast path would not give.
    expect(splitTerms("カタカナ 한국어")).toEqual(icu("カタカナ 한국어"));
    expect(splitTermsFast("カタカナ")).not.toEqual(icu("カタカナ"));
  });

  it("gives the segmenter's terms for every text of the seed records", () => {
    const texts = SEED_RECORDS.flatMap((r) => strings(r));
    expect(texts.length).toBeGreaterThan(500);
    for (const t of texts) expect(splitTerms(t), t).toEqual(icu(t));
  });

  it("gives the segmenter's terms for every line of the foreign registers' sample records", () => {
    const dir = path.resolve(__dirname, "../fixtures/interop");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of fs.readdirSync(d)) {
        const p = path.join(d, f);
        if (fs.statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(dir);
    let lines = 0;
    for (const f of files)
      for (const line of fs.readFileSync(f, "utf8").split("\n")) {
        lines++;
        expect(splitTerms(line), `${f}: ${line.slice(0, 80)}`).toEqual(icu(line));
      }
    expect(lines).toBeGreaterThan(100);
  });

  it("gives the segmenter's terms for random mixed text", () => {
    const alphabet = [..."abcXYZé ñ0129 .,;:'’‘‧·_-/()\"\n。，、：；（）《》“”—…中文健康码数据第社区〇々ー가あア²¼µ\u00ad\u200b\u0301ßﬁＡ１ΩЖ", "𠀀"];
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      for (let j = 1 + Math.floor(rnd() * 10); j > 0; j--) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(splitTerms(s), JSON.stringify(s)).toEqual(icu(s));
    }
  });
});
