// /api: the documentation page of the open API, for people. The machine-readable description is
// /api/openapi.json; the operations listed here come from the same list as that document.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { apiDocumentation } from "~/registry.server";
import { publishedInterop } from "~/interop-export.server";
import type { StringKey } from "~/i18n/strings";
import { metaContext, pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import type { ApiOperationId } from "../../registry/exchange/api/openapi";
import { PUBLIC_PAGE } from "~/page-cache";
import { TableRegion } from "~/components/table-region";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = PUBLIC_PAGE;

export async function loader({ request }: LoaderFunctionArgs) {
  return { ...apiDocumentation(new URL(request.url).origin), interop: publishedInterop() };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  pageTitle(matches, ({ t }) => t("apiTitle")),
  { tagName: "link", rel: "describedby", type: "application/json", href: metaContext(matches).u.openapi() },
];

const DESCRIPTION: Record<ApiOperationId, StringKey> = {
  getApiIndex: "apiOp_getApiIndex",
  listTools: "apiOp_listTools",
  getTool: "apiOp_getTool",
  listToolRevisions: "apiOp_listToolRevisions",
  listAgencies: "apiOp_listAgencies",
  getAgency: "apiOp_getAgency",
  listIncidents: "apiOp_listIncidents",
  listEvents: "apiOp_listEvents",
  getOpenApiDocument: "apiOp_getOpenApiDocument",
};

const SECTIONS: [StringKey, StringKey][] = [
  ["apiFiltersTitle", "apiFilters"],
  ["apiCachingTitle", "apiCaching"],
  ["apiErrorsTitle", "apiErrors"],
  ["apiCorsTitle", "apiCors"],
  ["apiPrivacyTitle", "apiPrivacy"],
];

export default function ApiDocs() {
  const { openapi, operations, limit, interop } = useLoaderData<typeof loader>();
  const { t, u } = useT();
  // The bulk downloads, in the page's address space (the CSV files are in the page language; JSON is the same for all).
  // The foreign registers' formats this register publishes (issue 16) are bulk downloads too.
  const bulk = [u.toolsCsv({ kind: "code_system" }), u.toolsJson(), u.toolsNdjson(), u.incidentsCsv(), u.logJson(), ...interop.map((f) => u.interopExport(f.key, f.extension))];
  return (
    <>
      <h1>{t("apiTitle")}</h1>
      <p className="lead">{t("apiIntro")}</p>
      <p>
        <a href={u.openapi()}>{t("apiOpenApi")}</a> (<code>{openapi}</code>): {t("apiOpenApiNote")}
      </p>
      <h2>{t("apiEndpoints")}</h2>
      <TableRegion label={t("apiEndpoints")}>
        <table className="dictionary">
          <thead>
            <tr>
              <th scope="col">{t("apiColumnEndpoint")}</th>
              <th scope="col">{t("apiColumnReturns")}</th>
              <th scope="col">{t("apiColumnExample")}</th>
            </tr>
          </thead>
          <tbody>
            {operations.map((o) => (
              <tr key={o.id} id={`op-${o.id}`}>
                <th scope="row">
                  <code>GET {o.path}</code>
                </th>
                <td>{t(DESCRIPTION[o.id])}</td>
                <td>
                  <a href={o.example}>
                    <code>{o.example}</code>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <h2>{t("apiPagingTitle")}</h2>
      <p>{t("apiPaging", { default: limit.default, max: limit.max })}</p>
      {SECTIONS.map(([title, text]) => (
        <section key={title}>
          <h2>{t(title)}</h2>
          <p className="api-note">{t(text)}</p>
        </section>
      ))}
      <h2>{t("apiBulkTitle")}</h2>
      <p>{t("apiBulk")}</p>
      <ul>
        {bulk.map((href) => (
          <li key={href}>
            <a href={href}>
              <code>{href}</code>
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={u.standard()}>{t("apiStandardLink")}</a>
      </p>
    </>
  );
}
