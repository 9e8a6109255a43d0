import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSession, isSecure, requireCsrf, sessionCookie, sessionToken } from "~/auth.server";
import { logout } from "~/registry.server";
import { localized, paths } from "../../registry/shared/urls";

// /logout has one address; the form says which language's home page to come back to.
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getSession(request);
  const clear = { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0, expires: new Date(0), secure: isSecure(request, context) }) };
  const form = await request.formData();
  const lang = form.get("lang");
  const home = localized(paths.home(), lang === "zh" || lang === "en" ? lang : null);
  if (!session) return redirect(home, { headers: clear });
  requireCsrf(session, form);
  logout(await sessionToken(request));
  return redirect(home, { headers: clear });
}

export function loader() {
  return redirect(paths.home());
}
