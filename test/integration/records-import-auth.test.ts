// Who may import whole records, and what an official's import may write (issue 15, done means:
// "An official's import can still only create drafts for the official's own agency"). An
// official's whole-record file becomes new drafts of their own agency only: never published, never
// another agency's tool, never a record that names another agency as its owner or is mirrored from
// another register, never with agencies created. Reviewers and the public are refused; the upload
// page checks the session's role.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import { DEMO_PASSWORD } from "../helpers/seed";
import { setDb, type Db } from "../../db/client.server";
import { ctxOf } from "../../registry/shared/context";
import { RegistryError } from "../../registry/shared/errors";
import { recordsEntries } from "../../registry/exchange/records/export.server";
import type { RecordsEntry } from "../../registry/exchange/records/format";
import { importRecordsAsDrafts } from "../../registry/exchange/records/import-drafts.server";
import { importRecords } from "../../registry/exchange/records/import.server";
import { runImport, type ImportReport } from "../../registry/exchange/import/import.server";
import { getDraft } from "../../registry/review/drafts.server";
import { login, sessionFor } from "../../registry/auth/sessions.server";
import { sessionCookie } from "~/auth.server";
import * as importPage from "~/routes/drafts.import";
import { issueMessage } from "~/i18n/errors";
import type { Actor } from "../../registry/auth/roles";

const getDb = useFreshDb();
const NOW = new Date("2026-03-01T08:00:00Z");
const OFFICIAL = "official.shanghai@register.example";
const OWN = "shanghai-municipal-government";
const OTHER = "hangzhou-municipal-government";
const enc = (s: string) => new TextEncoder().encode(s);
const count = (db: Db, sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { n: number }).n;

/** Every tool's newest revision and owner, to prove an import touched none of them. */
const snapshot = (db: Db) =>
  db.$client.prepare(`SELECT t.id, t.slug, t.owner_agency_id, t.review_status, t.published_revision_id, r.number, r.status, r.record_sha256 FROM tools t JOIN revisions r ON r.tool_seq = t.seq ORDER BY t.id, r.number`).all();

/**
 * An exported entry of the seeded register (with its whole public history), its newest record
 * naming `agencies` as responsible (each with its role). The fingerprints are left out, as in a
 * record converted by hand.
 */
function entry(agencies: { agency: string; role: string }[], change: (record: Record<string, unknown>) => void = () => {}): RecordsEntry {
  const db = getDb();
  const id = (db.$client.prepare(`SELECT id FROM tools WHERE published_revision_id IS NOT NULL ORDER BY id LIMIT 1`).get() as { id: string }).id;
  const e = recordsEntries([id], "http://localhost", db)[0]!;
  const revisions = e.revisions.map(({ recordSha256: _s, ...r }) => r);
  const newest = revisions.at(-1)!;
  (newest.record.responsibility as { agencies: unknown }).agencies = agencies;
  change(newest.record);
  return { ...e, revisions };
}
const ndjson = (...entries: RecordsEntry[]) => entries.map((e) => JSON.stringify(e)).join("\n");
const ownEntry = () => entry([{ agency: OWN, role: "operates" }, { agency: OTHER, role: "oversees" }]);
const agencyId = (db: Db, slug: string) => (db.$client.prepare(`SELECT id FROM agencies WHERE slug = ?`).get(slug) as { id: number }).id;

function refusal(f: () => unknown): RegistryError {
  try {
    f();
  } catch (e) {
    if (e instanceof RegistryError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("an official's whole-record import", () => {
  it("creates new drafts of the official's own agency only: new id and slug, review status draft, nothing published, no other tool touched", async () => {
    const db = getDb();
    const official = actorByEmail(OFFICIAL);
    const given = ownEntry();
    const before = snapshot(db);
    const events = count(db, `SELECT count(*) AS n FROM events`);
    const report = importRecordsAsDrafts(ctxOf({ actor: official, now: NOW, db }), { text: ndjson(given, ownEntry()), dryRun: false });
    expect(report.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(report).toMatchObject({ result: "imported", records: true, written: { created: 2, updated: 0 } });
    const ids = report.rows.map((r) => r.id!);
    expect(ids.every((id) => id && id !== given.id)).toBe(true);
    expect(new Set(ids).size).toBe(2);

    // Every tool that existed is exactly as it was.
    const after = snapshot(db) as { id: string }[];
    expect(after.filter((r) => !ids.includes(r.id))).toEqual(before);
    for (const id of ids) {
      const tool = db.$client.prepare(`SELECT seq, slug, owner_agency_id, published_revision_id, review_status FROM tools WHERE id = ?`).get(id) as {
        seq: number;
        slug: string;
        owner_agency_id: number;
        published_revision_id: number | null;
        review_status: string;
      };
      expect(tool.owner_agency_id).toBe(agencyId(db, OWN));
      expect(tool.published_revision_id).toBeNull();
      expect(tool.review_status).toBe("draft");
      expect(tool.slug).not.toBe(given.slug);
      expect(db.$client.prepare(`SELECT status FROM revisions WHERE tool_seq = ?`).all(tool.seq)).toEqual([{ status: "draft" }]);
      // The official carries on with it as with any draft: the newest revision's content, with the register's id and slug.
      const draft = await getDraft(ctxOf({ actor: official, db }), { toolId: id });
      expect(draft.record.identity.id).toBe(id);
      expect(draft.record.identity.slug).toBe(tool.slug);
      expect(draft.record.lifecycle.reviewStatus).toBe("draft");
      expect(draft.record.purpose).toEqual(given.revisions.at(-1)!.record.purpose);
      expect(draft.record.responsibility.agencies).toEqual([{ agency: OWN, role: "operates" }, { agency: OTHER, role: "oversees" }]);
    }
    // Drafts are private: nothing entered the public log, no link was made public.
    expect(count(db, `SELECT count(*) AS n FROM events`)).toBe(events);
    expect(count(db, `SELECT count(*) AS n FROM tool_agencies ta JOIN tools t ON t.seq = ta.tool_seq WHERE t.id IN (?, ?)`, ids[0], ids[1])).toBe(0);
    // Another agency's official does not get these drafts.
    await expect(getDraft(ctxOf({ actor: actorByEmail("official.hangzhou@register.example"), db }), { toolId: ids[0]! })).rejects.toBeInstanceOf(RegistryError);
  });

  it("refuses an entry naming another agency as the tool's owner, and writes nothing (the own-agency check)", () => {
    const db = getDb();
    const before = snapshot(db);
    const theirs = entry([{ agency: OTHER, role: "operates" }]);
    const report = importRecordsAsDrafts(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW, db }), { text: ndjson(ownEntry(), theirs), dryRun: false });
    expect(report.result).toBe("refused_invalid_rows");
    expect(report.rows[0]!.errors).toEqual([]);
    expect(report.rows[1]!.errors.map((e) => e.code)).toEqual(["err_records_drafts_other_agency"]);
    expect(issueMessage(report.rows[1]!.errors[0]!, "en")).toContain("Hangzhou");
    expect(issueMessage(report.rows[1]!.errors[0]!, "zh")).toContain("杭州");
    expect(snapshot(db)).toEqual(before);

    // Valid rows only: the own agency's entry is written, the other agency's never.
    const some = importRecordsAsDrafts(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW, db }), { text: ndjson(ownEntry(), theirs), dryRun: false, mode: "valid_only" });
    expect(some.written.created).toBe(1);
    expect(count(db, `SELECT count(*) AS n FROM tools WHERE owner_agency_id = ? AND created_at = ?`, agencyId(db, OTHER), NOW.toISOString())).toBe(0);
    expect(count(db, `SELECT count(*) AS n FROM tools WHERE owner_agency_id = ? AND created_at = ?`, agencyId(db, OWN), NOW.toISOString())).toBe(1);

    // "Deciding" owns a tool too; naming the own agency only as overseeing it does not.
    const decidedElsewhere = importRecordsAsDrafts(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW, db }), {
      text: ndjson(entry([{ agency: OTHER, role: "decides" }, { agency: OWN, role: "oversees" }])),
      dryRun: true,
    });
    expect(decidedElsewhere.rows[0]!.errors.map((e) => e.code)).toEqual(["err_records_drafts_other_agency"]);
    const notNamed = importRecordsAsDrafts(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW, db }), { text: ndjson(entry([{ agency: OWN, role: "oversees" }])), dryRun: true });
    expect(notNamed.rows[0]!.errors.map((e) => e.code)).toEqual(["err_records_drafts_not_own_agency"]);
    const decidesHere = importRecordsAsDrafts(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW, db }), { text: ndjson(entry([{ agency: OWN, role: "decides" }])), dryRun: true });
    expect(decidesHere.rows[0]!.errors).toEqual([]);
  });

  it("refuses a mirrored record and a record naming an agency the register does not have", () => {
    const db = getDb();
    const before = snapshot(db);
    const mirrored = entry([{ agency: OWN, role: "operates" }], (r) => {
      r.standardVersion = "1.1";
      r.externalIds = [{ register: "uk-atrs", id: "atrs-123" }];
      r.regime = { governedBy: "source_register", register: "uk-atrs", sourceUrl: "https://www.gov.uk/algorithmic-transparency-records/x", retrievedOn: "2026-01-05" };
    });
    const unknown = entry([{ agency: OWN, role: "operates" }, { agency: "ministry-of-nowhere", role: "oversees" }]);
    const report = importRecordsAsDrafts(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW, db }), { text: ndjson(mirrored, unknown), dryRun: false, mode: "valid_only" });
    expect(report.rows.map((r) => r.errors.map((e) => e.code))).toEqual([["err_records_drafts_mirrored"], ["err_records_drafts_agency_unknown"]]);
    expect(issueMessage(report.rows[0]!.errors[0]!, "zh")).toContain("转载");
    expect(issueMessage(report.rows[0]!.errors[0]!, "en")).toContain("mirrored");
    expect(report.written.created).toBe(0);
    expect(snapshot(db)).toEqual(before);
    expect(count(db, `SELECT count(*) AS n FROM agencies WHERE slug = 'ministry-of-nowhere'`)).toBe(0);
  });

  it("keeps nothing of the entry's review: an approved history becomes one draft revision", () => {
    const db = getDb();
    const e = ownEntry();
    expect(e.revisions.at(-1)!.status).not.toBe("draft");
    const report = importRecordsAsDrafts(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW, db }), { text: JSON.stringify([e]), dryRun: false });
    expect(report.result).toBe("imported");
    const rows = db.$client.prepare(`SELECT r.number, r.status, r.submitted_at, r.published_at FROM revisions r JOIN tools t ON t.seq = r.tool_seq WHERE t.id = ?`).all(report.rows[0]!.id);
    expect(rows).toEqual([{ number: 1, status: "draft", submitted_at: null, published_at: null }]);
  });
});

describe("who may import whole records", () => {
  const file = () => ndjson(ownEntry());

  it("refuses reviewers, the public and admins on the drafts path, and an official asking to create agencies", async () => {
    const db = getDb();
    const before = snapshot(db);
    for (const actor of [actorByEmail("reviewer.samr@register.example"), null, actorByEmail("admin@register.example")] as (Actor | null)[]) {
      expect(refusal(() => importRecordsAsDrafts(ctxOf({ actor, now: NOW, db }), { text: file(), dryRun: false })).code).toBe("forbidden");
      await expect(runImport(ctxOf({ actor, now: NOW, db }), { file: { bytes: enc(file()) }, mode: "all", dryRun: false })).rejects.toMatchObject({ code: "forbidden" });
    }
    const official = actorByEmail(OFFICIAL);
    const create = refusal(() => importRecordsAsDrafts(ctxOf({ actor: official, now: NOW, db }), { text: file(), dryRun: false, createAgencies: true }));
    expect(create.code).toBe("forbidden");
    expect(create.issues.map((i) => i.code)).toEqual(["err_records_drafts_no_create_agencies"]);
    await expect(runImport(ctxOf({ actor: official, now: NOW, db }), { file: { bytes: enc(file()) }, mode: "all", dryRun: false, createAgencies: true })).rejects.toMatchObject({
      code: "forbidden",
    });
    // The admin's path (ids, statuses and history kept) stays closed to officials and reviewers.
    for (const actor of [official, actorByEmail("reviewer.samr@register.example")])
      expect(refusal(() => importRecords(ctxOf({ actor, now: NOW, db }), { text: file(), createAgencies: true })).code).toBe("forbidden");
    expect(snapshot(db)).toEqual(before);
  });

  it("the table import's file reader takes a whole-record file from an official as drafts (what the page and the command line call)", async () => {
    const db = getDb();
    const report = await runImport(ctxOf({ actor: actorByEmail(OFFICIAL), now: NOW, db }), { file: { bytes: enc(file()), filename: "records.ndjson" }, mode: "all", dryRun: false });
    expect(report).toMatchObject({ result: "imported", records: true, written: { created: 1 } });
    expect(count(db, `SELECT count(*) AS n FROM tools WHERE id = ? AND owner_agency_id = ?`, report.rows[0]!.id, agencyId(db, OWN))).toBe(1);
  });

  describe("the upload page", () => {
    async function session(email: string) {
      const r = await login(ctxOf({ address: "10.1.2.3" }), { email, password: DEMO_PASSWORD });
      if (!r.ok) throw new Error("login");
      return { cookie: (await sessionCookie.serialize(r.sessionToken)).split(";")[0]!, csrf: sessionFor(r.sessionToken)!.csrfToken };
    }
    async function upload(who: { cookie: string; csrf: string } | null, text: string, fields: Record<string, string>) {
      const form = new FormData();
      form.set("csrf", who?.csrf ?? "x");
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      form.set("file", new File([text], "records.ndjson", { type: "application/x-ndjson" }));
      const request = new Request("http://localhost/drafts/import", { method: "POST", body: form, headers: who ? { Cookie: who.cookie } : {} });
      try {
        return (await importPage.action({ request, params: {}, context: {} })) as { data: { report?: ImportReport }; init: { status?: number } | null };
      } catch (e) {
        if (e instanceof Response) return { data: {}, init: { status: e.status } };
        throw e;
      }
    }

    it("imports an official's whole-record file as drafts, and refuses the other roles by the session", async () => {
      const db = getDb();
      setDb(db);
      const before = snapshot(db);
      expect((await upload(await session("reviewer.samr@register.example"), file(), { intent: "import" })).init?.status).toBe(403);
      expect((await upload(await session("admin@register.example"), file(), { intent: "import" })).init?.status).toBe(403);
      expect((await upload(null, file(), { intent: "import" })).init?.status).toBe(302);
      expect(snapshot(db)).toEqual(before);

      const who = await session(OFFICIAL);
      const theirs = await upload(who, ndjson(entry([{ agency: OTHER, role: "operates" }])), { intent: "import", mode: "valid_only" });
      expect(theirs.init?.status).toBe(200);
      expect(theirs.data.report!.rows[0]!.errors.map((e) => e.code)).toEqual(["err_records_drafts_other_agency"]);
      expect(snapshot(db)).toEqual(before);
      const checked = await upload(who, file(), { intent: "check" });
      expect(checked.data.report).toMatchObject({ result: "checked", records: true, counts: { create: 1 } });
      const done = await upload(who, file(), { intent: "import" });
      expect(done.data.report).toMatchObject({ result: "imported", records: true, written: { created: 1 } });
      expect(count(db, `SELECT count(*) AS n FROM tools WHERE id = ? AND owner_agency_id = ? AND published_revision_id IS NULL`, done.data.report!.rows[0]!.id, agencyId(db, OWN))).toBe(1);
    });
  });
});
