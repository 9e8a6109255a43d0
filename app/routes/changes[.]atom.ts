// /changes.atom: every change in the register (the newest 50 log events).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { changesFeed } from "~/atom.server";
import { resolveLang } from "~/i18n/lang.server";
import { translate } from "~/i18n/strings";

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await resolveLang(request);
  return changesFeed(request, {}, `${translate(lang, "siteName")}: ${translate(lang, "feedAllChanges")}`);
}
