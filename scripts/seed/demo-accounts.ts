// Demo accounts for a newcomer to try the workflow (listed in the README), named in Chinese as
// the people of the seeded city's agencies would be. They are marked
// is_demo. Set DEMO_ACCOUNTS=off when seeding to switch them off (and end their sessions) on a
import { ctxOf } from "../../registry/shared/context";

// real installation; they are never created again while it is set.
import type { Db } from "../../db/client.server";
import { createUser, disableDemoAccounts, type NewUser } from "../../registry/auth/accounts.server";

export const DEMO_PASSWORD = "register-demo-2026";

export const DEMO_ACCOUNTS: Omit<NewUser, "password" | "isDemo">[] = [
  { email: "admin@register.example", displayName: "演示管理员", role: "admin" },
  { email: "official.shanghai@register.example", displayName: "演示经办人（上海市人民政府）", role: "official", agency: "shanghai-municipal-government" },
  { email: "official.hangzhou@register.example", displayName: "演示经办人（杭州市卫生健康委员会）", role: "official", agency: "hangzhou-health-commission" },
  { email: "reviewer.samr@register.example", displayName: "演示审查员（国家市场监督管理总局）", role: "reviewer", agency: "samr" },
  { email: "reviewer.zhejiang@register.example", displayName: "演示审查员（浙江省人民政府）", role: "reviewer", agency: "zhejiang-provincial-government" },
];

/** Creates the missing demo accounts, or switches them all off when `enabled` is false. */
export async function seedDemoAccounts(db: Db, opts: { enabled: boolean; at?: string }): Promise<{ created: number; disabled: number }> {
  if (!opts.enabled) return { created: 0, disabled: disableDemoAccounts({ at: opts.at }, db) };
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    // A demo account seeded by an earlier version keeps its password but takes today's name.
    const renamed = db.$client.prepare(`UPDATE users SET display_name = ? WHERE email = ? AND is_demo = 1 AND display_name <> ?`).run(a.displayName, a.email, a.displayName);
    if (renamed.changes > 0 || db.$client.prepare(`SELECT 1 FROM users WHERE email = ?`).get(a.email)) continue;
    await createUser(ctxOf({ db, ...(opts.at ? { now: new Date(opts.at) } : {}) }), { ...a, password: DEMO_PASSWORD, isDemo: true });
    created++;
  }
  return { created, disabled: 0 };
}
