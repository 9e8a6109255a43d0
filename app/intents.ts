// The intents of the staff and comment forms: one name per action a form's button asks for,
// shared by the action that dispatches on it and the component that renders the button (the
// Trellix pattern, docs/architecture.md). A value that is not one of them is refused with
// err_unknown_action.
export const EDIT_INTENTS = {
  save: "save",
  submit: "submit",
  withdraw: "withdraw",
  revise: "revise",
  requestRenewal: "request_renewal",
  proposeChange: "propose_change",
  retire: "retire",
  respond: "respond",
} as const;
export type EditIntent = (typeof EDIT_INTENTS)[keyof typeof EDIT_INTENTS];

export const REVIEW_INTENTS = { start: "start", finding: "finding", decide: "decide" } as const;
export type ReviewIntent = (typeof REVIEW_INTENTS)[keyof typeof REVIEW_INTENTS];

/** The inbox of co-responsibility on /drafts: the agency confirms or declines a link another agency's record names. */
export const CORESP_INTENTS = { confirm: "confirm_responsibility", decline: "decline_responsibility" } as const;
/** On /drafts (and offered by the edit page): an agency takes over a record the register's editors registered. */
export const TAKEOVER_INTENTS = { takeOver: "take_over" } as const;
export const RECORD_INTENTS = { comment: "comment", reply: "reply", confirmResponsibility: "confirm_responsibility" } as const;
export type RecordIntent = (typeof RECORD_INTENTS)[keyof typeof RECORD_INTENTS];

export const ADMIN_INTENTS = { create: "create", disable: "disable", enable: "enable", reinvite: "reinvite", change: "change", update: "update" } as const;
export type AdminIntent = (typeof ADMIN_INTENTS)[keyof typeof ADMIN_INTENTS];

/** The form's intent if it is one of `intents`, else null; `fallback` when the form names none. */
export function intentOf<T extends Record<string, string>>(form: FormData, intents: T, fallback?: T[keyof T]): T[keyof T] | null {
  const raw = form.get("intent");
  if (raw === null) return fallback ?? null;
  return (Object.values(intents) as string[]).includes(String(raw)) ? (String(raw) as T[keyof T]) : null;
}

/** The inbox (/inbox): mark one notice or all of them as read. */
export const INBOX_INTENTS = { read: "mark_read", readAll: "mark_all_read" } as const;
/** The notification settings on /account. */
export const ACCOUNT_INTENTS = { notices: "notice_settings" } as const;
