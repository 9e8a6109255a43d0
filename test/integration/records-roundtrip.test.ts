// Whole records out and in (issue 15): /records.ndjson of the seeded register, imported by an
// admin into an empty register, reproduces every tool exactly (ids, slugs, revisions, statuses,
// dates, record bytes and hashes), gives the same export, and leaves a chain that verifies with
// one logged event per imported revision. A tampered file, an unknown field and an official are
// refused with nothing written.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../helpers/db";
import { callLoader } from "./load";
import { setDb, type Db } from "../../db/client.server";
import { loader as ndjsonLoader } from "~/routes/records[.]ndjson";
import { loader as jsonLoader } from "~/routes/records[.]json";
import { loader as toolsNdjsonLoader } from "~/routes/tools[.]ndjson";
import { RecordsDocument, RecordsEntry } from "../../registry/exchange/records/format";
import { importRecords } from "../../registry/exchange/records/import.server";
import { checkRegister } from "../../registry/log/verify.server";
import { ctxOf } from "../../registry/shared/context";
import { RegistryError } from "../../registry/shared/errors";
import { issueLine } from "~/i18n/refusal";
import type { Actor } from "../../registry/auth/roles";
import { actorByEmail } from "../helpers/factories";

const admin: Actor = { id: 1, email: "admin@register.example", displayName: "Admin", role: "admin", agencyId: null, agencySlug: null };

let dbs: ReturnType<typeof freshDb>[] = [];
const open = (kind: "seeded" | "empty") => {
  const d = freshDb(kind);
  dbs.push(d);
  return d.db;
};
beforeEach(() => (dbs = []));
afterEach(() => {
  setDb(undefined);
  for (const d of dbs) d.close();
});

async function exportFrom(db: Db, url = "/records.ndjson"): Promise<{ res: Response; body: string }> {
  setDb(db);
  const res = await callLoader<Response>(url.includes(".json") ? jsonLoader : ndjsonLoader, url);
  return { res, body: await res.text() };
}
const lines = (body: string) => body.split("\n").filter(Boolean);
const revisionRows = (db: Db) =>
  db.$client
    .prepare(
      `SELECT t.id, t.slug, r.number, r.status, r.record, r.record_sha256, r.created_at, r.submitted_at, r.published_at FROM revisions r JOIN tools t ON t.seq = r.tool_seq
       WHERE r.status <> 'draft' ORDER BY t.id, r.number`,
    )
    .all();
const count = (db: Db, sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

describe("/records.ndjson and /records.json", () => {
  it("give every public tool with every public revision, in the list's order, in the format", async () => {
    const seeded = open("seeded");
    const { res, body } = await exportFrom(seeded);
    expect(res.headers.get("Content-Type")).toContain("application/x-ndjson");
    expect(res.headers.get("Content-Disposition")).toMatch(/filename="records-\d{4}-\d{2}-\d{2}\.ndjson"/);
    const entries = lines(body).map((l) => RecordsEntry.parse(JSON.parse(l)));
    setDb(seeded);
    const tools = lines(await (await callLoader<Response>(toolsNdjsonLoader, "/tools.ndjson")).text()).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(entries.map((e) => e.id)).toEqual(tools);
    expect(entries.reduce((n, e) => n + e.revisions.length, 0)).toBe(count(seeded, `SELECT count(*) AS n FROM revisions WHERE status <> 'draft'`));
    for (const e of entries) expect(e.revisions.every((r) => r.status !== "draft")).toBe(true);

    const doc = RecordsDocument.parse(JSON.parse((await exportFrom(seeded, "/records.json")).body));
    expect(doc.records).toEqual(entries);
    expect(doc.total).toBe(entries.length);
  });

  it("apply the list's filters", async () => {
    const seeded = open("seeded");
    setDb(seeded);
    const filtered = lines(await (await callLoader<Response>(toolsNdjsonLoader, "/tools.ndjson?kind=code_system")).text()).map((l) => (JSON.parse(l) as { id: string }).id);
    const { res, body } = await exportFrom(seeded, "/records.ndjson?kind=code_system");
    expect(filtered.length).toBeGreaterThan(0);
    expect(lines(body).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(filtered);
    expect(res.headers.get("Content-Disposition")).toContain("records-code_system-");
  });
});

describe("the whole-record import", () => {
  it("reproduces the seeded register in an empty one exactly, and the chain verifies", async () => {
    const seeded = open("seeded");
    const { body } = await exportFrom(seeded);
    const empty = open("empty");
    const eventsBefore = count(empty, `SELECT count(*) AS n FROM events`);
    const report = importRecords(ctxOf({ actor: admin, db: empty }), { text: body, createAgencies: true });
    expect(report.entries.flatMap((e) => e.problems)).toEqual([]);
    expect(report.result).toBe("imported");
    const publicRevisions = count(seeded, `SELECT count(*) AS n FROM revisions WHERE status <> 'draft'`);
    expect(report.written.revisions).toBe(publicRevisions);

    expect(revisionRows(empty)).toEqual(revisionRows(seeded));
    const projection = `SELECT id, slug, review_status, deployment_status, name_zh, name_en, impact_level, sunset_date FROM tools WHERE published_revision_id IS NOT NULL ORDER BY id`;
    expect(empty.$client.prepare(projection).all()).toEqual(seeded.$client.prepare(projection).all());
    const links = `SELECT t.id, a.slug, ta.role FROM tool_agencies ta JOIN tools t ON t.seq = ta.tool_seq JOIN agencies a ON a.id = ta.agency_id ORDER BY 1, 2, 3`;
    expect(empty.$client.prepare(links).all()).toEqual(seeded.$client.prepare(links).all());
    const cats = `SELECT t.id, c.category FROM tool_data_categories c JOIN tools t ON t.seq = c.tool_seq ORDER BY 1, 2`;
    expect(empty.$client.prepare(cats).all()).toEqual(seeded.$client.prepare(cats).all());

    // The same export from the new register (both are served from the same origin here).
    expect((await exportFrom(empty)).body).toBe(body);

    const imported = count(empty, `SELECT count(*) AS n FROM events WHERE kind = 'imported'`);
    expect(imported).toBe(publicRevisions);
    expect(count(empty, `SELECT count(*) AS n FROM events`)).toBeGreaterThan(eventsBefore);
    const check = checkRegister(empty.$client);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);

    // Importing the same file again is refused entry by entry: ids are never overwritten.
    const again = importRecords(ctxOf({ actor: admin, db: empty }), { text: body, createAgencies: true });
    expect(again.result).toBe("refused");
    expect(again.entries.every((e) => e.problems.some((p) => p.code === "err_records_id_exists"))).toBe(true);
  });

  it("takes /records.json as it is, and refuses a file that is neither format with a sentence", async () => {
    const seeded = open("seeded");
    const { body } = await exportFrom(seeded, "/records.json?kind=code_system");
    const n = RecordsDocument.parse(JSON.parse(body)).records.length;
    const empty = open("empty");
    const report = importRecords(ctxOf({ actor: admin, db: empty }), { text: body, createAgencies: true, dryRun: true });
    expect(report).toMatchObject({ result: "checked", format: "json" });
    expect(count(empty, `SELECT count(*) AS n FROM tools`)).toBe(0);
    const done = importRecords(ctxOf({ actor: admin, db: empty }), { text: body, createAgencies: true });
    expect(done.result).toBe("imported");
    expect(done.written.tools).toBe(n);
    expect(checkRegister(empty.$client).ok).toBe(true);

    const broken = importRecords(ctxOf({ actor: admin, db: open("empty") }), { text: `${lines((await exportFrom(seeded)).body)[0]}\nnot json\n` });
    expect(broken.result).toBe("file_refused");
    expect(broken.fileNotices).toEqual([{ code: "recordsFileLineNotJson", params: { line: 2 } }]);
  });

  it("refuses a tampered record (hash mismatch) and writes nothing", async () => {
    const { body } = await exportFrom(open("seeded"));
    const entries = lines(body).map((l) => JSON.parse(l) as RecordsEntry);
    const victim = entries[1]!;
    (victim.revisions[0]!.record.identity as { slug: string }).slug = "tampered-slug";
    const empty = open("empty");
    const before = count(empty, `SELECT count(*) AS n FROM events`);
    const report = importRecords(ctxOf({ actor: admin, db: empty }), { text: entries.map((e) => JSON.stringify(e)).join("\n"), createAgencies: true });
    expect(report.result).toBe("refused");
    const bad = report.entries.filter((e) => e.problems.length);
    expect(bad.map((e) => e.id)).toEqual([victim.id]);
    expect(bad[0]!.problems).toEqual([{ code: "err_records_hash_mismatch", revision: victim.revisions[0]!.number, params: { revision: victim.revisions[0]!.number } }]);
    expect(bad[0]!.place).toEqual({ line: 2 });
    expect(count(empty, `SELECT count(*) AS n FROM tools`)).toBe(0);
    expect(count(empty, `SELECT count(*) AS n FROM revisions`)).toBe(0);
    expect(count(empty, `SELECT count(*) AS n FROM events`)).toBe(before);
    expect(count(empty, `SELECT count(*) AS n FROM agencies`)).toBe(0);
  });

  it("refuses unknown fields with a sentence naming them, never zod's English", async () => {
    const { body } = await exportFrom(open("seeded"));
    const entry = JSON.parse(lines(body)[0]!) as Record<string, unknown> & { revisions: Record<string, unknown>[] };
    entry.extra = 1;
    entry.revisions[0]!.reviewer = "x";
    const empty = open("empty");
    const report = importRecords(ctxOf({ actor: admin, db: empty }), { text: JSON.stringify([entry]), createAgencies: true });
    expect(report.result).toBe("refused");
    const problems = report.entries[0]!.problems;
    expect(problems.map((p) => p.code).sort()).toEqual(["err_records_entry_unknown_fields", "err_records_unknown_fields"]);
    const sentences = problems.map((p) => issueLine(p, "en"));
    expect(sentences).toContain("The entry holds fields the whole-record format does not have: extra. Remove them.");
    expect(sentences).toContain("revisions[0] holds fields the whole-record format does not have: reviewer. Remove them.");
    expect(sentences.join(" ")).not.toMatch(/Unrecognized key|Invalid input/);
    expect(problems.map((p) => issueLine(p, "zh")).join(" ")).toContain("完整记录格式");
    expect(count(empty, `SELECT count(*) AS n FROM tools`)).toBe(0);
  });

  it("refuses agencies missing from the register unless asked to create them", async () => {
    const { body } = await exportFrom(open("seeded"));
    const empty = open("empty");
    const report = importRecords(ctxOf({ actor: admin, db: empty }), { text: lines(body)[0]! });
    expect(report.result).toBe("refused");
    expect(report.entries[0]!.problems.map((p) => p.code)).toContain("err_records_agency_missing");
    expect(count(empty, `SELECT count(*) AS n FROM tools`)).toBe(0);
  });

  it("is for admins only: an official cannot import, for another agency or their own", async () => {
    const seeded = open("seeded");
    const { body } = await exportFrom(seeded);
    setDb(seeded);
    const official = actorByEmail("official.shanghai@register.example");
    const before = count(seeded, `SELECT count(*) AS n FROM revisions`);
    let refusal: unknown;
    try {
      importRecords(ctxOf({ actor: official, db: seeded }), { text: body, createAgencies: true });
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(RegistryError);
    expect((refusal as RegistryError).code).toBe("forbidden");
    expect((refusal as RegistryError).issues.map((i) => i.code)).toEqual(["err_records_import_admin_only"]);
    expect(() => importRecords(ctxOf({ actor: null, db: seeded }), { text: body })).toThrow(RegistryError);
    expect(count(seeded, `SELECT count(*) AS n FROM revisions`)).toBe(before);
  });
});
