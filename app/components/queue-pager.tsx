// Cursor pages of the staff pages (registry/shared/cursor-page.ts): the notice when the address's
// cursor could not be used and the size of the queue above the list, and first / previous / next
// page links below it. Plain links: they work without JavaScript. The cursor is only ever in an
// address, never shown as text.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";
import type { PageNotice } from "../../registry/shared/cursor-page";

export type PageLinks = { total: number; size: number; next: string | null; prev: string | null; later: boolean; notice: PageNotice | null };

/** Above the list: why the first page is shown instead of the one asked for, and how many items there are in all. */
export function PageStatus({ page }: { page: PageLinks }) {
  const { t, num } = useT();
  return (
    <>
      {page.notice ? (
        <div className="notice" role="status">
          <p>{t(page.notice)}</p>
        </div>
      ) : null}
      {page.total > 0 ? <p className="muted">{t("pagingTotal", { n: num(page.total), size: num(page.size) })}</p> : null}
    </>
  );
}

/** Below the list: links to the first, previous and next pages. `href(cursor)` is this page's address with that cursor; without one, the first page. */
export function QueuePager({ page, href }: { page: PageLinks; href: (cursor?: string) => string }) {
  const { t } = useT();
  if (!page.later && !page.next) return null;
  return (
    <nav className="pager queue-pager" aria-label={t("pagingNav")}>
      {page.later ? <Link to={href()}>{t("pagingFirst")}</Link> : null}
      {page.prev ? (
        <Link to={href(page.prev)} rel="prev">
          {t("pagingPrev")}
        </Link>
      ) : null}
      {page.next ? (
        <Link to={href(page.next)} rel="next">
          {t("pagingNext")}
        </Link>
      ) : null}
    </nav>
  );
}
