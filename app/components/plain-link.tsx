// A link to an address already worked out (an absolute path the page built with registry/shared/urls.ts).
//
// Remix's <Link> resolves its `to` against the route tree on every render (useHref, useResolvedPath,
// path matching): on a list page with a few hundred links (facets, cards, pages) that was about a
// third of the server's render time, spent again after every write. A PlainLink is an <a> the
// server writes as it is. With JavaScript a click on it is still a client-side navigation, like a
// <Link>: one listener for the whole document (ClientLinks, mounted once in root.tsx) hands a
// plain left click on any `a[data-client-nav]` of this site to Remix's navigate(). Modified
// clicks (new tab, download, another frame) stay the browser's.
import { useNavigate } from "@remix-run/react";
import { useEffect, type AnchorHTMLAttributes } from "react";

export function PlainLink({ to, ...rest }: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  return <a href={to} data-client-nav="" {...rest} />;
}

/** The document's one listener that turns clicks on PlainLinks into client-side navigations. */
export function ClientLinks() {
  const navigate = useNavigate();
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest("a[data-client-nav]") : null;
      if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== "_self") || a.hasAttribute("download")) return;
      const url = new URL(a.href);
      if (url.origin !== window.location.origin) return;
      e.preventDefault();
      navigate(url.pathname + url.search + url.hash);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [navigate]);
  return null;
}
