// Comments an end-to-end spec posted to the seeded server are marked as spam afterwards, so the
// moderation queue is as the other specs expect it.
import { openDatabase, setDb } from "../../db/client.server";
import { ctxOf } from "../../registry/shared/context";
import { actorByEmail } from "./factories";
import { moderateComment } from "../../registry/voice/comments.server";

/** Marks every pending comment with one of these texts, in the server's database file, as spam. */
export async function spamPostedComments(dbFile: string, bodies: readonly string[]): Promise<void> {
  const db = openDatabase(dbFile);
  setDb(db);
  try {
    const reviewer = actorByEmail("reviewer.samr@register.example");
    for (const body of bodies)
      for (const { id } of db.$client.prepare(`SELECT id FROM comments WHERE body = ? AND status = 'pending'`).all(body) as { id: number }[])
        await moderateComment(ctxOf({ actor: reviewer, now: new Date() }), { commentId: id, decision: "spam", reason: undefined });
  } finally {
    setDb(undefined);
    db.$client.close();
  }
}
