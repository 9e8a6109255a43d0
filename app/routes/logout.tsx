import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSession, isSecure, requireCsrf, sessionCookie, sessionToken } from "~/auth.server";
import { logout } from "~/registry.server";
import { paths } from "../../registry/urls";

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getSession(request);
  const clear = { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0, expires: new Date(0), secure: isSecure(request, context) }) };
  if (!session) return redirect(paths.home(), { headers: clear });
  requireCsrf(session, await request.formData());
  logout(await sessionToken(request));
  return redirect(paths.home(), { headers: clear });
}

export function loader() {
  return redirect(paths.home());
}
