// /changes.atom: every change in the register (the newest 50 log events).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { changesFeed } from "~/atom.server";
import { requestLang } from "~/i18n/lang.server";
import { translate } from "~/i18n/strings";
import { sentence } from "~/feed-words.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { lang } = requestLang({ request, context });
  return await changesFeed({ request, context }, {}, sentence(lang, "feedEntryTitle", { name: translate(lang, "siteName"), what: translate(lang, "feedAllChanges") }));
}
