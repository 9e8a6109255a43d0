// Starts this worker's notice loop (registry/notify/mailer.server.ts) with the mails worded here:
// the registry holds no sentences, app/ words them in the recipient's language.
import { startNotices } from "../registry/notify/mailer.server";
import { noticeMail } from "./notify-text";

export function startNoticeLoop(): void {
  startNotices((n, lang, site) => noticeMail(n, lang, site));
}
