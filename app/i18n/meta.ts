// Page titles and head links built in each route's `meta` from the root's data (the language the
// server resolved once for the request), so loaders need not work the language out again.
import type { MetaDescriptor } from "@remix-run/node";
import { translate, type Lang, type StringKey } from "./strings";
import { urlsFor, type LangPrefix, type Paths } from "../../registry/shared/urls";

type Match = { id: string; data?: unknown };

/** The language, address space and translator of the page, from the root route's data. */
export function metaContext(matches: readonly Match[]): { lang: Lang; u: Paths; t: (key: StringKey, vars?: Record<string, string | number>) => string } {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: Lang; prefix?: LangPrefix } | undefined;
  const lang: Lang = root?.lang ?? "zh";
  return { lang, u: urlsFor(root?.prefix ?? null), t: (key, vars) => translate(lang, key, vars) };
}

/** `<title>`: the page's own title, then the register's name. */
export function pageTitle(matches: readonly Match[], title: (page: ReturnType<typeof metaContext>) => string): MetaDescriptor {
  const ctx = metaContext(matches);
  return { title: `${title(ctx)} · ${ctx.t("siteName")}` };
}
