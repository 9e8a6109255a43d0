import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLocation, useRouteError, useRouteLoaderData, Link } from "@remix-run/react";
import styles from "./styles.css?url";
import { resolveLang } from "./i18n/lang.server";
import { getSession } from "./auth.server";
import { translate, type Lang, type StringKey } from "./i18n/strings";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  return {
    lang: await resolveLang(request),
    // Only what the header needs; the CSRF token goes into the logout form.
    user: session ? { displayName: session.actor.displayName, role: session.actor.role } : null,
    csrf: session?.csrfToken ?? null,
  };
}

function useRootLang(): Lang {
  const data = useRouteLoaderData<typeof loader>("root");
  return data?.lang ?? "zh";
}

/** The account links as items of the navigation list (a `<li>` each, the logout form included). */
/** The public sections, in the order the menu shows them. */
const NAV_LINKS: [string, StringKey][] = [
  ["/tools", "navTools"],
  ["/agencies", "navAgencies"],
  ["/standard", "navStandard"],
  ["/sunsets", "navSunsets"],
  ["/incidents", "navIncidents"],
  ["/log", "navLog"],
];

function AccountNav({ t }: { t: (k: StringKey, vars?: Record<string, string>) => string }) {
  const data = useRouteLoaderData<typeof loader>("root");
  if (!data?.user)
    return (
      <li>
        <NavLink to="/login">{t("navLogin")}</NavLink>
      </li>
    );
  return (
    <>
      {data.user.role === "official" ? (
        <li>
          <NavLink to="/drafts">{t("navDrafts")}</NavLink>
        </li>
      ) : null}
      {data.user.role === "reviewer" ? (
        <>
          <li>
            <NavLink to="/review" end>
              {t("navReview")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/review/comments">{t("navModeration")}</NavLink>
          </li>
        </>
      ) : null}
      {data.user.role === "reviewer" || data.user.role === "admin" ? (
        <li>
          <NavLink to="/reports">{t("navReports")}</NavLink>
        </li>
      ) : null}
      <li>
        <NavLink to="/account" title={t("signedInAs", { name: data.user.displayName })}>
          {t("navAccount")}
        </NavLink>
      </li>
      <li>
        <form method="post" action="/logout" className="inline-form">
          <input type="hidden" name="csrf" value={data.csrf ?? ""} />
          <button type="submit" className="link-button">
            {t("logoutButton")}
          </button>
        </form>
      </li>
    </>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useRootLang();
  const t = (k: StringKey, vars?: Record<string, string>) => translate(lang, k, vars);
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <html lang={lang === "zh" ? "zh-Hans" : "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <header className="site-header">
          <div className="wrap header-row">
            <Link to="/" className="site-name">
              {t("siteName")}
            </Link>
            {/* One list of links: on a phone it folds into a <details> menu (no JavaScript needed);
                on a wide screen styles.css hides the summary and shows the list as a row. */}
            <nav aria-label={t("navHome")} className="site-nav">
              <details className="nav-menu">
                <summary>{t("navMenu")}</summary>
                <ul className="nav-items">
                  {NAV_LINKS.map(([to, label]) => (
                    <li key={to}>
                      <NavLink to={to}>{t(label)}</NavLink>
                    </li>
                  ))}
                  <AccountNav t={t} />
                </ul>
              </details>
            </nav>
            <form method="post" action="/lang" className="lang-switch">
              <input type="hidden" name="to" value={here} />
              <input type="hidden" name="lang" value={lang === "zh" ? "en" : "zh"} />
              <button type="submit" lang={lang === "zh" ? "en" : "zh"} aria-label={t("langSwitchButton")}>
                {t("langSwitchTo")}
              </button>
            </form>
          </div>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>{t("footerAbout")}</p>
            <p>{t("footerData")}</p>
            <p>
              <Link to="/report-unregistered">{t("reportUnregisteredLink")}</Link> · <Link to="/unregistered">{t("unregisteredTitle")}</Link> ·{" "}
              <Link to="/api">{t("footerApi")}</Link>
            </p>
          </div>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const lang = useRootLang();
  const t = (k: StringKey) => translate(lang, k);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  return (
    <div className="error-page">
      <title>{`${notFound ? t("notFoundTitle") : forbidden ? t("forbiddenTitle") : t("errorTitle")} · ${t("siteName")}`}</title>
      <h1>{notFound ? t("notFoundTitle") : forbidden ? t("forbiddenTitle") : t("errorTitle")}</h1>
      <p>{notFound ? t("notFoundText") : forbidden ? t("forbiddenText") : t("errorText")}</p>
      {notFound ? (
        <form method="get" action="/tools" className="search-form" role="search">
          <label htmlFor="q404">{t("notFoundSearch")}</label>
          <div className="search-row">
            <input id="q404" name="q" type="search" />
            <button type="submit">{t("searchButton")}</button>
          </div>
        </form>
      ) : null}
      <p>
        <Link to="/">{t("errorBackHome")}</Link>
      </p>
    </div>
  );
}
