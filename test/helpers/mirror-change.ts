// A small public change for the incremental mirror's test and benchmark: publishes a new revision
// of one tool (the published one with the given id, or the first), with one more sentence in
// its English summary, through the real write path (publishRevision: projection, search index,
// event log). Run as a script: `tsx test/helpers/mirror-change.ts [tool-id]` on DATABASE_PATH;
// prints the tool's id.
import { openDatabase } from "../../db/client.server";
import { databasePath } from "../../db/env.server";
import { publishRevision } from "../../registry/records/publish.server";

export function publishSmallChange(file: string, toolId?: string, at = new Date()): string {
  const db = openDatabase(file);
  try {
    const row = db.$client
      .prepare(
        `SELECT t.id, r.record FROM tools t JOIN revisions r ON r.id = t.published_revision_id
         WHERE (? IS NULL OR t.id = ?) ORDER BY t.id LIMIT 1`,
      )
      .get(toolId ?? null, toolId ?? null) as { id: string; record: string } | undefined;
    if (!row) throw new Error(`no published tool${toolId ? ` ${toolId}` : ""}`);
    const record = JSON.parse(row.record) as { identity: { summary?: { zh?: string; en?: string } } };
    const summary = record.identity.summary ?? {};
    const added = " Revised for the mirror test.";
    record.identity.summary = { ...summary, en: `${(summary.en ?? "").slice(0, 400 - added.length)}${added}`.trim() };
    publishRevision(record, { at: at.toISOString() }, db);
    return row.id;
  } finally {
    db.$client.close();
  }
}

if (process.argv[1] && /mirror-change\.ts$/.test(process.argv[1])) {
  console.log(publishSmallChange(databasePath(), process.argv[2]));
}
