// The deployment status `not_stated` (standard v1.1): only a record mirrored from another register
// may hold it (the US inventory leaves the stage of 338 rows empty). This register's own records
// always state theirs, so the edit forms and the table import never offer it; where it is shown
// (the list's facet, the filter chip, a tool's page, the card) it reads "Not stated by the
// source" / "来源未说明", never its code.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { useFreshDb } from "../helpers/db";
import { ROOT } from "../helpers/paths";
import { actorByEmail, importRow, newIdentity } from "../helpers/factories";
import { createDraft, getDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { RegistryError } from "../../registry/shared/errors";
import { callLoader } from "./load";
import { SectionFields } from "~/components/schema-form";
import { ImportCodeList } from "~/components/import-codes";
import ToolsPage, { loader as toolsLoader } from "~/routes/tools._index/route";
import ToolPage, { loader as toolLoader } from "~/routes/tools.$id/route";
import { sectionNode } from "../../registry/standard/schema-form";
import { MIRRORED_ONLY_VALUES, OWN_DEPLOYMENT_STATUSES, ownRecordValues } from "../../registry/standard/own-values";
import { DEPLOYMENT_STATUSES } from "../../registry/standard/v1";
import { LABELS } from "../../registry/standard/labels";
import { CODED_COLUMNS } from "../../registry/exchange/import/columns";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { CSV_BOM, csvRow } from "../../registry/exchange/exports/csv";
import { runImport } from "../../registry/exchange/import/import.server";
import { importInterop } from "../../registry/exchange/interop/import.server";
import { OMB_2025 } from "../../registry/exchange/interop/omb-2025/format";
import { ctxOf } from "../../registry/shared/context";

const db = useFreshDb("seeded");
const NOW = new Date("2026-12-01T10:00:00Z");

async function render(lang: "zh" | "en", element: ReactElement, data?: object): Promise<string> {
  const handler = createStaticHandler([
    { id: "root", path: "/", loader: () => ({ lang }), children: [{ id: "page", index: true, loader: () => data ?? null, element }] },
  ]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

/** The text a reader sees: no tags, no attributes (addresses and form values may carry codes). */
const visible = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The options of the select named `name` in a form's HTML. */
function optionsOf(html: string, name: string): string[] {
  const select = html.match(new RegExp(`<select[^>]*name="${name.replace(/\./g, "\\.")}"[^>]*>([\\s\\S]*?)</select>`));
  if (!select) throw new Error(`no select ${name}`);
  return [...select[1]!.matchAll(/<option[^>]*value="([^"]*)"/g)].map((m) => m[1]!);
}

describe("the forms and the table import of this register's own records", () => {
  it("the lifecycle form offers every deployment status but not_stated, each by its name, in both languages", async () => {
    for (const lang of ["en", "zh"] as const) {
      const html = await render(lang, createElement(SectionFields, { section: "lifecycle", node: sectionNode("lifecycle"), value: { deploymentStatus: "in_use" }, errors: {} }));
      expect(optionsOf(html, "lifecycle.deploymentStatus")).toEqual(["", "proposed", "pilot", "in_use", "suspended", "retired"]);
      for (const s of ["proposed", "pilot", "in_use", "suspended", "retired"] as const) expect(html).toContain(`>${LABELS.status[s][lang]}</option>`);
      expect(visible(html)).not.toContain(LABELS.status.not_stated[lang]);
      expect(html).not.toContain("not_stated");
    }
  });

  it("a record taken over from another register with no status stated shows none chosen, not the source's non-answer", async () => {
    const html = await render("en", createElement(SectionFields, { section: "lifecycle", node: sectionNode("lifecycle"), value: { deploymentStatus: "not_stated" }, errors: {} }));
    expect(html).not.toMatch(/<option[^>]*value="not_stated"/);
    expect(html).not.toContain("Not stated by the source");
  });

  it("ownRecordValues leaves out only the values a mirrored record alone may hold", () => {
    expect(OWN_DEPLOYMENT_STATUSES).toEqual(DEPLOYMENT_STATUSES.filter((s) => s !== "not_stated"));
    expect(ownRecordValues("lifecycle.deploymentStatus", ["in_use", "not_stated"])).toEqual(["in_use"]);
    expect(ownRecordValues("identity.kind", ["app", "not_stated"])).toEqual(["app", "not_stated"]);
    expect(Object.keys(MIRRORED_ONLY_VALUES)).toEqual(["lifecycle.deploymentStatus"]);
  });

  it("the import page's list of codes does not name it, and a table row giving it is refused in words", async () => {
    expect(CODED_COLUMNS.find((c) => c.column === "deployment_status")!.codes).not.toContain("not_stated");
    for (const lang of ["en", "zh"] as const) {
      const html = await render(lang, createElement(ImportCodeList));
      expect(html).toContain(LABELS.status.retired[lang]);
      expect(html).not.toContain("not_stated");
      expect(visible(html)).not.toContain(LABELS.status.not_stated[lang]);
    }
    const official = actorByEmail("official.shanghai@register.example");
    const cols = TOOL_EXPORT_COLUMNS;
    const r = importRow("not-stated-own", { deployment_status: "not_stated" });
    const bytes = new TextEncoder().encode(CSV_BOM + csvRow([...cols]) + csvRow(cols.map((c) => r[c] ?? "")));
    const report = await runImport(ctxOf({ actor: official, now: NOW, db: db() }), { file: { bytes, filename: "tools.csv" }, mode: "all", dryRun: true });
    const errors = report.rows[0]!.errors;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors).toEqual([{ field: "deployment_status", code: "err_status_not_stated_own", path: "lifecycle.deploymentStatus" }]);
  });

  it("an official's drafts from the US inventory: a row without a stage is refused until the status is stated", () => {
    const official = actorByEmail("official.shanghai@register.example");
    const read = OMB_2025.read(fs.readFileSync(path.join(ROOT, "test/fixtures/interop/us-omb-2025/sample_12_rows.csv")));
    if (!read.ok) throw new Error("refused");
    const rows: Record<string, string>[] = read.rows.map((r) => ({ ...(r.cells as Record<string, string>), agency_name: "Shanghai Municipal People's Government" }));
    const report = importInterop(ctxOf({ actor: official, now: NOW, db: db() }), { format: "omb-2025", bytes: new TextEncoder().encode(OMB_2025.write(rows, { exportedAt: "", source: "" })), dryRun: true });
    rows.forEach((r, i) => {
      const codes = report.rows[i]!.problems.map((p) => p.code);
      if (r.development_stage === "") expect(codes, `row ${i}`).toContain("err_status_not_stated_own");
      else expect(codes, `row ${i}`).not.toContain("err_status_not_stated_own");
    });
  });
});

describe("a draft's lifecycle, saved by hand", () => {
  it("refuses not_stated with the standard's words, and keeps a stated status", async () => {
    const official = actorByEmail("official.shanghai@register.example");
    const { toolId } = await createDraft(ctxOf({ actor: official, now: NOW }), { identity: newIdentity("not-stated-draft") });
    const save = (deploymentStatus: string) => saveDraftSection(ctxOf({ actor: official, now: NOW }), { toolId, section: "lifecycle", value: { deploymentStatus, sunsetDate: "2027-06-30", renewals: [] } });
    await save("pilot");
    const refused = await save("not_stated").then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(RegistryError);
    expect((refused as RegistryError).code).toBe("invalid");
    expect((refused as RegistryError).issues).toEqual([{ code: "err_status_not_stated_own", path: "lifecycle.deploymentStatus" }]);
    const { record } = await getDraft(ctxOf({ actor: official }), { toolId });
    expect(record.lifecycle?.deploymentStatus).toBe("pilot");
  });
});

describe("records mirrored without a stated status", () => {
  function importSample() {
    const admin = actorByEmail("admin@register.example");
    const report = importInterop(ctxOf({ actor: admin, now: NOW, db: db() }), {
      format: "omb-2025",
      bytes: fs.readFileSync(path.join(ROOT, "test/fixtures/interop/us-omb-2025/sample_12_rows.csv")),
      createAgencies: true,
    });
    expect(report.result).toBe("imported");
    return report;
  }

  it("the list's status facet, its filter chip, the cards and a tool's page name it in words, never by its code", async () => {
    const report = importSample();
    const notStated = report.rows.filter((_, i) => i === 1 || i === 6).map((r) => r.id!); // DOC-67 and the ED row: no stage
    for (const lang of ["en", "zh"] as const) {
      const data = await callLoader<object>(toolsLoader, `/tools?status=not_stated&lang=${lang}`);
      const html = await render(lang, createElement(ToolsPage), data);
      const text = visible(html);
      expect(text).toContain(LABELS.status.not_stated[lang]);
      expect(text).not.toMatch(/not_stated|not stated\b(?! by)/);
      for (const id of notStated) expect(html).toContain(id);

      const all = await render(lang, createElement(ToolsPage), await callLoader<object>(toolsLoader, `/tools?regime=us-omb-ai-inventory&lang=${lang}`));
      expect(visible(all)).toContain(LABELS.status.not_stated[lang]);
      expect(visible(all)).not.toContain("not_stated");

      const page = await render(lang, createElement(ToolPage), await callLoader<object>(toolLoader, `/tools/${notStated[0]}`, { id: notStated[0]! }));
      expect(visible(page)).toContain(LABELS.status.not_stated[lang]);
      expect(visible(page)).not.toContain("not_stated");
    }
  });
});
