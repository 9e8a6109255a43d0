// Reports from the public: a problem with a record, or a tool in use that is not registered.
// They land in a queue for reviewers and admins (new -> confirmed | dismissed with a reason).
// Confirmed unregistered tools are listed publicly. Contact e-mails are never published.
import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { tools } from "./tools";
import { users } from "./accounts";

export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** record_problem | unregistered_tool */
    kind: text("kind").notNull(),
    toolSeq: integer("tool_seq").references(() => tools.seq),
    /** For an unregistered tool: its name, who runs it and where. */
    toolName: text("tool_name"),
    operator: text("operator"),
    place: text("place"),
    description: text("description").notNull(),
    evidenceUrl: text("evidence_url"),
    contactEmail: text("contact_email"),
    /** new | confirmed | dismissed */
    status: text("status").notNull(),
    resolution: text("resolution"),
    addressHash: text("address_hash").notNull(),
    createdAt: text("created_at").notNull(),
    handledAt: text("handled_at"),
    handledBy: integer("handled_by").references(() => users.id),
  },
  (t) => [index("reports_status_idx").on(t.status, t.id), index("reports_kind_status_idx").on(t.kind, t.status), index("reports_address_idx").on(t.addressHash, t.createdAt)],
);
