// /tools/<id>/changes.atom: the changes of one tool.
import { notFound } from "~/http/not-found";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { changesFeed } from "~/atom.server";
import { ctxOf, getToolDetail } from "~/registry.server";
import { requestLang } from "~/i18n/lang.server";
import { pickText } from "~/i18n/use-lang";
import { translate } from "~/i18n/strings";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const lookup = await getToolDetail(ctxOf(), { idOrSlug: params.id ?? "" });
  if (!lookup || !("found" in lookup)) throw notFound();
  const { lang } = requestLang({ request, context });
  const name = pickText(lookup.found.record.identity.name, lang)?.text ?? lookup.found.id;
  return await changesFeed({ request, context }, { toolId: lookup.found.id }, `${name} (${lookup.found.id}): ${translate(lang, "feedToolChanges")}`);
}
