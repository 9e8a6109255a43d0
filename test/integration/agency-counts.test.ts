// /agencies counts each agency's public tools from the list index instead of SQL (issue 17: the
// SQL read every link and tool row, about 500 ms at 100,000 tools). The counts must stay exactly
// what SQL counts (distinct public tools with any role) after the writes that move them, made on
// this connection and on another one (the list index is patched from the change log).
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { listAgencies } from "../../registry/records/agencies.server";
import { apiListAgencies } from "../../registry/exchange/api/agencies.server";
import { ctxOf } from "../../registry/shared/context";

const getDb = useFreshDb();
const TODAY = "2026-06-01";

/** What the page showed before: distinct public tools per agency, by SQL. */
function bySql(client: Database.Database): Record<string, number> {
  const rows = client
    .prepare(
      `SELECT a.slug, (SELECT count(DISTINCT ta.tool_seq) FROM tool_agencies ta JOIN tools t ON t.seq = ta.tool_seq
         WHERE ta.agency_id = a.id AND t.published_revision_id IS NOT NULL) AS n FROM agencies a ORDER BY a.slug`,
    )
    .raw()
    .all() as [string, number][];
  return Object.fromEntries(rows);
}

async function byIndex(): Promise<Record<string, number>> {
  const { agencies, stale } = await listAgencies(ctxOf(), { today: TODAY });
  expect(stale).toBe(false);
  return Object.fromEntries(agencies.map((a) => [a.slug, a.toolCount]));
}

describe("agency tool counts", () => {
  it("equal SQL's after links are added, doubled in another role, removed, and tools are unpublished, from either connection", async () => {
    const client = getDb().$client;
    const other = new Database(client.name);
    try {
      expect(await byIndex()).toEqual(bySql(client));
      const agencies = client.prepare(`SELECT id FROM agencies ORDER BY id`).pluck().all() as number[];
      const tools = client.prepare(`SELECT seq FROM tools WHERE published_revision_id IS NOT NULL ORDER BY seq`).pluck().all() as number[];
      expect(agencies.length).toBeGreaterThan(3);
      expect(tools.length).toBeGreaterThan(5);
      const before = bySql(client);
      expect(Object.values(before).some((n) => n > 0)).toBe(true);

      const steps: [Database.Database, string, unknown[]][] = [
        // A second agency for a tool, then the same agency in a second role (counted once).
        [client, `INSERT INTO tool_agencies (tool_seq, agency_id, role) VALUES (?, ?, 'operator')`, [tools[0], agencies[agencies.length - 1]]],
        [other, `INSERT INTO tool_agencies (tool_seq, agency_id, role) VALUES (?, ?, 'data_controller')`, [tools[0], agencies[agencies.length - 1]]],
        // A tool no longer public: no agency counts it.
        [other, `UPDATE tools SET published_revision_id = NULL WHERE seq = ?`, [tools[1]]],
        // All links of a tool gone.
        [client, `DELETE FROM tool_agencies WHERE tool_seq = ?`, [tools[2]]],
        // A tool public again.
        [client, `UPDATE tools SET published_revision_id = (SELECT min(id) FROM revisions) WHERE seq = ?`, [tools[1]]],
      ];
      for (const [db, sql, args] of steps) {
        db.prepare(sql).run(...args);
        expect(await byIndex(), sql).toEqual(bySql(client));
      }
      // The numbers moved, so the comparison above compared something.
      expect(bySql(client)).not.toEqual(before);
    } finally {
      other.close();
    }
  });

  it("are what the API pages through", async () => {
    const answer = await apiListAgencies({ ...ctxOf(), origin: "https://register.example" }, { params: new URLSearchParams("limit=500") });
    if ("movedTo" in answer) throw new Error("moved");
    const body = answer.body as { items: { id?: string; slug?: string; toolCount: number }[] };
    expect(answer.stale).toBeUndefined();
    expect(body.items.map((i) => i.toolCount)).toEqual(Object.values(bySql(getDb().$client)));
  });
});
