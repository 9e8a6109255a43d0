import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { langCookie } from "~/i18n/lang.server";
import { safeLocalPath } from "~/auth.server";

// Switching language changes only a preference cookie, so it needs no CSRF token; the target is
// always a path on this site.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang") === "en" ? "en" : "zh";
  return redirect(safeLocalPath(form.get("to")), { headers: { "Set-Cookie": await langCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}
