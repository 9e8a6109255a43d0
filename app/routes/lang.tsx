import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { langCookie } from "~/i18n/lang.server";

const BASE = "http://register.invalid";

/**
 * Only paths on this site: "/x" but never "//host" or "/\host". The result is percent-encoded,
 * because a Location header carries bytes: "/tools?q=门磁" becomes "/tools?q=%E9%97%A8%E7%A3%81".
 */
function safeLocalPath(to: FormDataEntryValue | null): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\") || to.length > 2000) return "/";
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  return url.pathname + url.search + url.hash;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang") === "en" ? "en" : "zh";
  return redirect(safeLocalPath(form.get("to")), { headers: { "Set-Cookie": await langCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}
