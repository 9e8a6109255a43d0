// One word per concept in the Chinese interface (app/i18n/glossary.ts, explained in docs/glossary.md):
// every zh string and label uses the chosen term and none of the rejected variants.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GLOSSARY } from "../../app/i18n/glossary";
import { STRINGS } from "../../app/i18n/strings";
import { LABELS } from "../../registry/standard/labels";
import { timeZoneLabel } from "../../app/i18n/time";

/** Every Chinese interface string, named by where it comes from. */
function zhStrings(): [string, string][] {
  const out: [string, string][] = Object.entries(STRINGS.zh).map(([k, v]) => [k, v]);
  for (const [group, values] of Object.entries(LABELS))
    for (const [value, text] of Object.entries(values as Record<string, { zh: string }>)) out.push([`label:${group}.${value}`, text.zh]);
  out.push(["timeZoneLabel", timeZoneLabel("zh")]);
  return out;
}

describe("glossary of interface terms", () => {
  const all = zhStrings();

  it("no Chinese string uses a rejected variant of a term", () => {
    const found: string[] = [];
    for (const g of GLOSSARY)
      for (const bad of g.rejected) for (const [key, text] of all) if (text.includes(bad)) found.push(`${key}: “${bad}” (use “${g.zh}” for ${g.concept}) in “${text}”`);
    expect(found).toEqual([]);
  });

  it("a word shared by two concepts stays out of the other concept's strings (事件 is for incidents, not the log)", () => {
    const found: string[] = [];
    const incident = GLOSSARY.find((g) => g.en === "incident")!;
    for (const g of GLOSSARY)
      if (g.notInKeys) for (const [key, text] of all) if (g.notInKeys.test(key) && text.includes(incident.zh)) found.push(`${key}: ${text}`);
    expect(found).toEqual([]);
    expect(STRINGS.zh.navLog).toBe("操作日志");
    expect(STRINGS.zh.navIncidents).toBe("事件");
    expect(STRINGS.zh.navLog).not.toBe(STRINGS.zh.navIncidents);
  });

  it("every chosen term is in use, and docs/glossary.md lists every term and variant", () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/glossary.md"), "utf8");
    for (const g of GLOSSARY) {
      expect(all.some(([, text]) => text.includes(g.zh)), g.zh).toBe(true);
      for (const w of [g.zh, g.en, ...g.rejected]) expect(doc, w).toContain(w);
    }
  });
});
