// /agencies/<slug>/changes.atom: the changes of the tools an agency is responsible for.
import { notFound } from "~/http/not-found";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { changesFeed } from "~/atom.server";
import { ctxOf, getAgencyPage } from "~/registry.server";
import { requestLang } from "~/i18n/lang.server";
import { translate } from "~/i18n/strings";
import { localText, sentence } from "~/feed-words.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await getAgencyPage(ctxOf(), { slug: params.slug ?? "" });
  if (!page) throw notFound();
  const { lang } = requestLang({ request, context });
  const name = localText(page.name, lang, page.slug);
  return await changesFeed({ request, context }, { agencySlug: page.slug }, sentence(lang, "feedEntryTitle", { name, what: translate(lang, "feedAgencyChanges") }));
}
