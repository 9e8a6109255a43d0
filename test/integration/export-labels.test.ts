// The newsroom's CSV: agency names in every row, `?labels=on` label columns beside the coded ones
// in the request's language, and file names that say what was filtered.
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { useFreshDb } from "../helpers/db";
import { callLoader } from "./load";
import { loader as csvLoader } from "~/routes/tools[.]csv";
import { loader as jsonLoader } from "~/routes/tools[.]json";
import { loader as ndjsonLoader } from "~/routes/tools[.]ndjson";
import { loader as agenciesCsvLoader } from "~/routes/agencies[.]csv";
import { loader as incidentsCsvLoader } from "~/routes/incidents[.]csv";
import { LABELLED_TOOL_COLUMNS, TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { label } from "../../registry/standard/labels";
import { todayIso } from "../../registry/lifecycle/sunset";
import { registerNow } from "../../registry/shared/clock.server";
import { seedId } from "../helpers/seed";
import { checkColumns } from "../../registry/exchange/import/columns";

const SUISHEN_CODE = seedId("shanghai-suishen-code");
useFreshDb();

const get = async (loader: typeof csvLoader, url: string, headers: Record<string, string> = {}) => {
  const res = await callLoader<Response>(loader, url, {}, { headers });
  return { res, body: await res.text() };
};
const rows = (body: string) => parse(body, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
const header = (body: string) => (parse(body, { bom: true, to_line: 1 }) as string[][])[0]!;

describe("agency names in the tool exports", () => {
  it("lists the confirmed responsible agencies in both languages, the same as agencies.csv", async () => {
    const all = rows((await get(csvLoader, "/tools.csv")).body);
    const suishen = all.find((r) => r.id === SUISHEN_CODE)!;
    expect(suishen.agency_names_zh).toBe("上海市人民政府");
    expect(suishen.agency_names_en).toBe("Shanghai Municipal People's Government");
    const links = rows((await get(agenciesCsvLoader, "/agencies.csv")).body);
    for (const r of all) {
      const names = [...new Set(links.filter((l) => l.tool_id === r.id).map((l) => l.agency_name_zh))];
      expect(r.agency_names_zh ? r.agency_names_zh.split("；") : [], r.id).toEqual(names);
      expect(r.agency_names_en ? r.agency_names_en.split("; ").length : 0, r.id).toBe(names.length);
    }
  });

  it("are keys of the JSON and NDJSON rows too", async () => {
    const json = JSON.parse((await get(jsonLoader, `/tools.json?q=${encodeURIComponent("随申码")}`)).body) as { columns: string[]; items: Record<string, unknown>[] };
    expect(json.columns).toEqual([...TOOL_EXPORT_COLUMNS]);
    expect(json.columns.slice(-2)).toEqual(["agency_names_zh", "agency_names_en"]);
    const item = json.items.find((i) => i.id === SUISHEN_CODE)!;
    expect(Object.keys(item)).toEqual([...TOOL_EXPORT_COLUMNS]);
    expect(item.agency_names_zh).toBe("上海市人民政府");
    const nd = (await get(ndjsonLoader, `/tools.ndjson?q=${encodeURIComponent("随申码")}`)).body.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(nd).toEqual(json.items);
  });
});

describe("?labels=on", () => {
  it("adds a label column right after each coded column, in the request's language", async () => {
    const plain = await get(csvLoader, "/tools.csv?kind=code_system");
    expect(header(plain.body)).toEqual([...TOOL_EXPORT_COLUMNS]);
    const zh = await get(csvLoader, "/tools.csv?kind=code_system&labels=on", { "Accept-Language": "zh-CN" });
    const columns = header(zh.body);
    for (const c of Object.keys(LABELLED_TOOL_COLUMNS)) expect(columns[columns.indexOf(c) + 1], c).toBe(`${c}_label`);
    expect(columns.filter((c) => !c.endsWith("_label"))).toEqual([...TOOL_EXPORT_COLUMNS]);
    const labelled = rows(zh.body);
    expect(labelled.map((r) => r.id)).toEqual(rows(plain.body).map((r) => r.id));
    const suishen = labelled.find((r) => r.id === SUISHEN_CODE)!;
    expect(suishen.kind_label).toBe(label("kind", "code_system", "zh"));
    for (const [c, group] of Object.entries(LABELLED_TOOL_COLUMNS))
      for (const r of labelled) expect(r[`${c}_label`], `${r.id} ${c}`).toBe(r[c] ? label(group, r[c], "zh") : "");
    // No code left in a label column of the Chinese file.
    for (const r of labelled) for (const c of Object.keys(LABELLED_TOOL_COLUMNS)) expect(r[`${c}_label`]).not.toMatch(/^[a-z_]+$/);

    const en = rows((await get(csvLoader, "/tools.csv?kind=code_system&labels=on", { "Accept-Language": "en" })).body);
    expect(en.find((r) => r.id === SUISHEN_CODE)!.kind_label).toBe("Code system");
    // labels=zh / labels=en fix the language whatever the request negotiates.
    expect(rows((await get(csvLoader, "/tools.csv?kind=code_system&labels=en", { "Accept-Language": "zh-CN" })).body)[0]!.kind_label).toBe("Code system");
    // The import format accepts the file as it is: the agency and label columns are ignored.
    expect(checkColumns(columns)).toEqual({ notices: [], warnings: [], kept: [], ignored: expect.arrayContaining(["agency_names_zh", "kind_label", "sunset_state_label"]) as unknown });
    expect(checkColumns(TOOL_EXPORT_COLUMNS.slice(0, -2)).notices).toEqual([]);
  });

  it("labels JSON rows and the nested files' coded columns too", async () => {
    const json = JSON.parse((await get(jsonLoader, "/tools.json?labels=zh")).body) as { columns: string[]; items: Record<string, unknown>[] };
    expect(json.columns).toContain("sunset_state_label");
    expect(Object.keys(json.items[0]!)).toEqual(json.columns);
    const incidents = await get(incidentsCsvLoader, "/incidents.csv?labels=zh");
    const cols = header(incidents.body);
    expect(cols[cols.indexOf("kind") + 1]).toBe("kind_label");
    expect(rows(incidents.body).find((i) => i.tool_id === SUISHEN_CODE)).toMatchObject({ kind: "data_breach", kind_label: "数据泄露" });
    const agencies = rows((await get(agenciesCsvLoader, "/agencies.csv?labels=en")).body);
    expect(agencies.find((a) => a.tool_id === SUISHEN_CODE)).toMatchObject({ role: "operates", role_label: "Operates" });
  });
});

describe("file names", () => {
  it("say what was filtered and the register's date", async () => {
    const today = todayIso(registerNow());
    const { res } = await get(csvLoader, "/tools.csv?kind=code_system&sunset=lapsed");
    expect(res.headers.get("Content-Disposition")).toBe(
      `attachment; filename="tools-code_system-lapsed-${today}.csv"; filename*=UTF-8''tools-code_system-lapsed-${today}.csv`,
    );
    const zh = (await get(incidentsCsvLoader, `/incidents.csv?q=${encodeURIComponent("随申码")}`)).res.headers.get("Content-Disposition")!;
    expect(zh).toContain(`filename="incidents-search-${today}.csv"`);
    expect(decodeURIComponent(zh.split("UTF-8''")[1]!)).toBe(`incidents-随申码-${today}.csv`);
    expect((await get(jsonLoader, "/tools.json?agency=shanghai-municipal-government")).res.headers.get("Content-Disposition")).toContain(
      `filename="tools-shanghai-municipal-government-${today}.json"`,
    );
  });
});

describe("the sunsets page's download", () => {
  it("holds the tools of its lapsed, due and endless groups, with the page's filters", async () => {
    const { getSunsetOverview } = await import("../../registry/lifecycle/sunsets.server");
    const { ctxOf } = await import("../../registry/shared/context");
    for (const filter of ["", "&kind=code_system"]) {
      const o = await getSunsetOverview(ctxOf(), { query: { q: "", sort: "sunset", page: 1, ...(filter ? { kind: ["code_system"] as const } : {}) } });
      const { res, body } = await get(csvLoader, `/tools.csv?sunset=due_soon&sunset=lapsed&sunset=no_sunset&sort=sunset${filter}`);
      const ids = rows(body).map((r) => r.id);
      expect(ids.length, filter).toBe(o.counts.lapsed + o.counts.due_soon + o.counts.no_sunset);
      // The groups show the first few tools each; every one of them is in the file.
      for (const t of [...o.lapsed, ...o.dueSoon, ...o.noSunset]) expect(ids, filter).toContain(t.id);
      if (filter) expect(res.headers.get("Content-Disposition")).toContain(`filename="tools-code_system-due_soon+lapsed+no_sunset-`);
    }
  });
});
