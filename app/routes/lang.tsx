import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { langCookie } from "~/i18n/lang.server";

/** Only paths on this site: "/x" but never "//host" or "/\host". */
function safeLocalPath(to: FormDataEntryValue | null): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\") || to.length > 2000) return "/";
  return to;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang") === "en" ? "en" : "zh";
  return redirect(safeLocalPath(form.get("to")), { headers: { "Set-Cookie": await langCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}
