// Interface strings for signing in and for what only an agency may see, merged into strings.ts.
// Kept apart so that work on one area does not edit the shared table.
const en = {
  loginRateLimitedWait: "Too many failed attempts. Try again in {minutes} min.",
  commentContactForAgency: "Contact e-mail (only your agency sees it): {email}",
};

const zh: Record<keyof typeof en, string> = {
  loginRateLimitedWait: "失败次数过多。请在{minutes}分钟后再试。",
  commentContactForAgency: "联系邮箱（仅本机构可见）：{email}",
};

export const authStrings = { en, zh };
