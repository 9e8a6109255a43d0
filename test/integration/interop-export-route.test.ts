// /interop/omb-2025.csv (issue 16): the tools of a list query in the US inventory's format, with
// the same filters as /tools (the regime filter picks the imported US rows, which come back as
// their file gave them), ordered by tool number unless `sort` is given; a format not built answers
// 404 in both languages; the download names its filters.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { callLoader } from "./load";
import { loader as ombLoader } from "~/routes/interop.omb-2025[.]csv";
import { loader as atrsLoader } from "~/routes/interop.atrs-3[.]json";
import { loader as nlLoader } from "~/routes/interop.nl-1[.]json";
import { importInterop } from "../../registry/exchange/interop/import.server";
import { INTEROP_FORMATS } from "../../registry/exchange/interop/formats";
import { OMB_2025 } from "../../registry/exchange/interop/omb-2025/format";
import { OMB_2025_COLUMN_NAMES } from "../../registry/exchange/interop/omb-2025/columns";
import { ctxOf } from "../../registry/shared/context";
import { STRINGS } from "~/i18n/strings";
import type { Actor } from "../../registry/auth/roles";

const SAMPLE = path.join(__dirname, "../fixtures/interop/us-omb-2025/sample_12_rows.csv");
const admin: Actor = { id: 1, email: "admin@register.example", displayName: "Admin", role: "admin", agencyId: null, agencySlug: null };
const db = useFreshDb("seeded");

function importSample() {
  const report = importInterop(ctxOf({ actor: admin, db: db() }), { format: "omb-2025", bytes: fs.readFileSync(SAMPLE), createAgencies: true });
  expect(report.result).toBe("imported");
  return report;
}

async function download(qs = "") {
  const res = await callLoader<Response>(ombLoader, `/interop/omb-2025.csv${qs}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const read = OMB_2025.read(bytes);
  if (!read.ok) throw new Error(`the export does not read back: ${JSON.stringify(read.notices)}`);
  return { res, bytes, rows: read.rows.map((r) => r.cells) };
}

describe("/interop/omb-2025.csv", () => {
  it("answers the US inventory's 36 columns, as a named download, and the imported rows come back as the file gave them", async () => {
    importSample();
    const { res, bytes } = await download("?regime=us-omb-ai-inventory");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe(INTEROP_FORMATS["omb-2025"]!.mediaType);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="omb-2025-us-omb-ai-inventory-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split("\n")[0]).toBe(OMB_2025_COLUMN_NAMES.join(","));
    // The sample's rows, cell for cell, in the file's own order (imported in it: tool numbers follow it).
    const sample = OMB_2025.read(fs.readFileSync(SAMPLE));
    if (!sample.ok) throw new Error("sample unreadable");
    const { rows } = await download("?regime=us-omb-ai-inventory");
    expect(rows).toEqual(sample.rows.map((r) => r.cells));
  });

  it("takes the filters of /tools: the regime filter, an agency, search words; an unknown value is ignored as on the other exports", async () => {
    importSample();
    const all = (await download()).rows;
    const us = (await download("?regime=us-omb-ai-inventory")).rows;
    const ours = (await download("?regime=this_register")).rows;
    const mirrored = (await download("?regime=source_register")).rows;
    expect(us).toHaveLength(12);
    expect(ours.length).toBeGreaterThan(0);
    expect(all).toHaveLength(us.length + ours.length);
    expect(mirrored).toEqual(us);
    // The seeded tools are this register's: none is a US row.
    const usIds = new Set(us.map((r) => `${r.agency}|${r.id}|${r.use_case_name}`));
    expect(ours.filter((r) => usIds.has(`${r.agency}|${r.id}|${r.use_case_name}`))).toEqual([]);
    // One agency of the sample.
    const agency = us[0]!.agency!;
    const byAgency = (await download(`?agency=us-${agency.toLowerCase()}`)).rows;
    expect(byAgency.length).toBeGreaterThan(0);
    expect(byAgency.every((r) => r.agency === agency)).toBe(true);
    // Search words.
    const word = us[0]!.use_case_name!.split(/\s+/).find((w) => w.length >= 5)!;
    const found = (await download(`?q=${encodeURIComponent(word)}`)).rows;
    expect(found.some((r) => r.use_case_name === us[0]!.use_case_name)).toBe(true);
    expect(found.length).toBeLessThan(all.length);
    // An unknown value is ignored, not an error: the same file as without it.
    const ignored = await download("?regime=nonsense&kind=nonsense");
    expect(ignored.res.status).toBe(200);
    expect(ignored.rows).toEqual(all);
  });

  it("orders by tool number unless a sort is given (then as the list orders)", async () => {
    importSample();
    const byId = (await download("?regime=us-omb-ai-inventory")).rows.map((r) => r.use_case_name);
    const byName = (await download("?regime=us-omb-ai-inventory&sort=name&lang=en")).rows.map((r) => r.use_case_name);
    expect([...byName].sort()).toEqual([...byId].sort());
    expect(byName).not.toEqual(byId);
    // A sort the list does not know is ignored: tool number order.
    expect((await download("?regime=us-omb-ai-inventory&sort=sideways")).rows.map((r) => r.use_case_name)).toEqual(byId);
  });

  it("answers 404 in both languages for a format this register does not publish yet", async () => {
    for (const [key, loader, url] of [
      ["atrs-3", atrsLoader, "/interop/atrs-3.json"],
      ["nl-1", nlLoader, "/interop/nl-1.json?shape=api"],
    ] as const) {
      const res = await callLoader<Response>(loader, url);
      if (INTEROP_FORMATS[key]) {
        expect(res.status, key).toBe(200);
        continue;
      }
      expect(res.status, key).toBe(404);
      const body = await res.text();
      expect(body).toContain(STRINGS.zh.interopNotBuilt);
      expect(body).toContain(STRINGS.en.interopNotBuilt);
    }
  });

  it("passes shape=api (and only a shape it knows) to the format's writer", async () => {
    const real = INTEROP_FORMATS["nl-1"];
    const seen: (string | null)[] = [];
    INTEROP_FORMATS["nl-1"] = {
      ...OMB_2025,
      key: "nl-1",
      extension: "json",
      mediaType: "application/json; charset=utf-8",
      write: (rows, meta) => {
        seen.push(meta.shape ?? null);
        return JSON.stringify({ rows: rows.length });
      },
    };
    try {
      for (const qs of ["?shape=api", "?shape=evil", ""]) {
        const res = await callLoader<Response>(nlLoader, `/interop/nl-1.json${qs}`);
        expect(res.status).toBe(200);
        expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
        expect(res.headers.get("Content-Disposition")).toMatch(/filename="nl-1-\d{4}-\d{2}-\d{2}\.json"/);
      }
      expect(seen).toEqual(["api", null, null]);
    } finally {
      INTEROP_FORMATS["nl-1"] = real;
    }
  });
});
