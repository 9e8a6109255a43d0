import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLocation, useRouteError, useRouteLoaderData, Link } from "@remix-run/react";
import styles from "./styles.css?url";
import { ClientLinks } from "./components/plain-link";
import { requestLang } from "./i18n/lang.server";
import { publishedInterop } from "./interop-export.server";
import { getSession } from "./auth.server";
import { ctxOf, unreadNoticeCount } from "./registry.server";
import { translate, type Lang, type StringKey } from "./i18n/strings";
import { useLang, useUrls } from "./i18n/use-lang";
import { REGISTER_TIME_ZONE } from "../registry/lifecycle/sunset";
import { alternates, splitLangPrefix, LANG_TAG, type Paths } from "../registry/shared/urls";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request);
  // The language the server resolved once for this request; every page reads it from here (useT,
  // useUrls, and the meta functions through app/i18n/meta.ts).
  const { lang, prefix } = requestLang({ request, context });
  return {
    lang,
    /** The language the address fixes (/zh or /en), or null when it was negotiated. */
    prefix,
    /** For the absolute hreflang alternates. */
    origin: new URL(request.url).origin,
    // Only what the header needs; the CSRF token goes into the logout form.
    user: session ? { displayName: session.actor.displayName, role: session.actor.role, unread: await unreadNoticeCount(ctxOf({ actor: session.actor })) } : null,
    csrf: session?.csrfToken ?? null,
    /** The foreign formats published at /interop/* (the download blocks link them). */
    interop: publishedInterop(),
  };
}

// The language comes from the address or the request's headers; a client-side move between
// /en/..., /zh/... and unprefixed pages must ask the root again.
// A reviewer's findings saved as they go (formData autosave=1) change nothing the pages show.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate, formData }) =>
  formData?.get("autosave") === "1" ? false : defaultShouldRevalidate || splitLangPrefix(currentUrl.pathname).prefix !== splitLangPrefix(nextUrl.pathname).prefix;

/**
 * The hreflang attribute as HTML spells it: React 18 writes its `hrefLang` prop in camel case, which
 * browsers accept but byte-level readers (crawlers' regexes, grep, the mirror) may not.
 */
function hreflang(tag: string): Record<string, string> {
  return { hreflang: tag };
}


/** The public sections, in the order the menu shows them. */
const NAV_LINKS: [(u: Paths) => string, StringKey][] = [
  [(u) => u.tools(), "navTools"],
  [(u) => u.agencies(), "navAgencies"],
  [(u) => u.standard(), "navStandard"],
  [(u) => u.sunsets(), "navSunsets"],
  [(u) => u.incidents(), "navIncidents"],
  [(u) => u.log(), "navLog"],
];

/** The account links as items of the navigation list (a `<li>` each, the logout form included). */
function AccountNav({ t, u }: { t: (k: StringKey, vars?: Record<string, string>) => string; u: Paths }) {
  const data = useRouteLoaderData<typeof loader>("root");
  if (!data?.user)
    return (
      <li>
        <NavLink to={u.login()}>{t("navLogin")}</NavLink>
      </li>
    );
  return (
    <>
      {data.user.role === "official" ? (
        <li>
          <NavLink to={u.drafts()}>{t("navDrafts")}</NavLink>
        </li>
      ) : null}
      {data.user.role === "reviewer" ? (
        <>
          <li>
            <NavLink to={u.review()} end>
              {t("navReview")}
            </NavLink>
          </li>
          <li>
            <NavLink to={u.reviewComments()}>{t("navModeration")}</NavLink>
          </li>
        </>
      ) : null}
      {data.user.role === "reviewer" || data.user.role === "admin" ? (
        <li>
          <NavLink to={u.reports()}>{t("navReports")}</NavLink>
        </li>
      ) : null}
      {data.user.role === "admin" ? (
        <li>
          <NavLink to={u.adminAccounts()} title={t("adminAccountsTitle")}>
            {t("navAdmin")}
          </NavLink>
        </li>
      ) : null}
      <li>
        <NavLink to={u.inbox()} aria-label={data.user.unread ? t("navInboxUnreadLabel", { n: String(data.user.unread) }) : undefined}>
          {data.user.unread ? t("navInboxUnread", { n: String(data.user.unread) }) : t("navInbox")}
        </NavLink>
      </li>
      <li>
        <NavLink to={u.account()} title={t("signedInAs", { name: data.user.displayName })}>
          {t("navAccount")}
        </NavLink>
      </li>
      <li>
        <form method="post" action={u.logout()} className="inline-form">
          <input type="hidden" name="csrf" value={data.csrf ?? ""} />
          <input type="hidden" name="lang" value={data.prefix ?? ""} />
          <button type="submit" className="link-button">
            {t("logoutButton")}
          </button>
        </form>
      </li>
    </>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useLang();
  const t = (k: StringKey, vars?: Record<string, string>) => translate(lang, k, vars);
  const u = useUrls();
  const root = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  // The same page in each language (the address without its prefix, /zh/..., /en/...).
  const alt = alternates(location.pathname + location.search);
  const other: Lang = lang === "zh" ? "en" : "zh";
  const origin = root?.origin ?? "";
  return (
    <html lang={LANG_TAG[lang]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* The register's time zone travels with the page, so the browser formats times as the server did. */}
        <meta name="register-time-zone" content={REGISTER_TIME_ZONE} />
        <Meta />
        <link rel="alternate" {...hreflang(LANG_TAG.zh)} href={origin + alt.zh} />
        <link rel="alternate" {...hreflang(LANG_TAG.en)} href={origin + alt.en} />
        <link rel="alternate" {...hreflang("x-default")} href={origin + alt.negotiated} />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <header className="site-header">
          <div className="wrap header-row">
            <Link to={u.home()} className="site-name">
              {t("siteName")}
            </Link>
            {/* One list of links: on a phone it folds into a <details> menu (no JavaScript needed);
                on a wide screen styles.css hides the summary and shows the list as a row. */}
            <nav aria-label={t("navHome")} className="site-nav">
              <details className="nav-menu">
                {/* On a phone the inbox link is folded away: the menu itself says there is something new. */}
                {root?.user?.unread ? (
                  <summary aria-label={t("navMenuUnreadLabel", { n: String(root.user.unread) })}>{t("navMenuUnread", { n: String(root.user.unread) })}</summary>
                ) : (
                  <summary>{t("navMenu")}</summary>
                )}
                <ul className="nav-items">
                  {NAV_LINKS.map(([to, label]) => (
                    <li key={label}>
                      <NavLink to={to(u)}>{t(label)}</NavLink>
                    </li>
                  ))}
                  <AccountNav t={t} u={u} />
                </ul>
              </details>
            </nav>
            {/* The same page at the other language's address: a plain link, so it works without
                JavaScript, needs no cookie and can be shared. A whole new document, since every
                string on the page changes. */}
            <p className="lang-switch">
              <Link to={alt[other]} reloadDocument {...hreflang(LANG_TAG[other])} aria-label={t("langSwitchButton")}>
                <span lang={LANG_TAG[other]}>{t("langSwitchTo")}</span>
              </Link>
            </p>
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
              <Link to={u.reportUnregistered()}>{t("reportUnregisteredLink")}</Link> · <Link to={u.unregistered()}>{t("unregisteredTitle")}</Link> ·{" "}
              <Link to={u.api()}>{t("footerApi")}</Link>
            </p>
          </div>
        </footer>
        <ClientLinks />
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
  const lang = useLang();
  const u = useUrls();
  const t = (k: StringKey) => translate(lang, k);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  return (
    <div className="error-page">
      <title>{`${notFound ? t("notFoundTitle") : forbidden ? t("forbiddenTitle") : t("errorTitle")} · ${t("siteName")}`}</title>
      <h1>{notFound ? t("notFoundTitle") : forbidden ? t("forbiddenTitle") : t("errorTitle")}</h1>
      <p>{notFound ? t("notFoundText") : forbidden ? t("forbiddenText") : t("errorText")}</p>
      {notFound ? (
        <form method="get" action={u.tools()} className="search-form" role="search">
          <label htmlFor="q404">{t("notFoundSearch")}</label>
          <div className="search-row">
            <input id="q404" name="q" type="search" />
            <button type="submit">{t("searchButton")}</button>
          </div>
        </form>
      ) : null}
      <p>
        <Link to={u.home()}>{t("errorBackHome")}</Link>
      </p>
    </div>
  );
}
