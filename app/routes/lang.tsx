import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { langCookie } from "~/i18n/lang.server";
import { safeLocalPath } from "~/auth.server";
import { localized, paths, splitLangPrefix } from "../../registry/shared/urls";

// The preference cookie for unprefixed addresses (pages now switch with a link to /zh/... or
// /en/...; this form is kept for pages cached before). It changes only a preference, so it needs
// no CSRF token; the target is always a path on this site, and a /zh or /en target is sent to the
// chosen language's address.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang") === "en" ? "en" : "zh";
  const to = safeLocalPath(form.get("to"));
  const split = splitLangPrefix(to);
  return redirect(split.prefix ? localized(split.path, lang) : to, { headers: { "Set-Cookie": await langCookie.serialize(lang) } });
}

export function loader() {
  return redirect(paths.home());
}
