// /tools/<id>/changes.atom: the changes of one tool.
import { notFound } from "~/http/not-found";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { changesFeed } from "~/atom.server";
import { ctxOf, getToolDetail } from "~/registry.server";
import { requestLang } from "~/i18n/lang.server";
import { translate } from "~/i18n/strings";
import { localText, sentence } from "~/feed-words.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const lookup = await getToolDetail(ctxOf(), { idOrSlug: params.id ?? "" });
  if (!lookup || !("found" in lookup)) throw notFound();
  const { lang } = requestLang({ request, context });
  const { id } = lookup.found;
  const name = sentence(lang, "feedNameWithId", { name: localText(lookup.found.record.identity.name, lang, id), id });
  return await changesFeed({ request, context }, { toolId: id }, sentence(lang, "feedEntryTitle", { name, what: translate(lang, "feedToolChanges") }));
}
