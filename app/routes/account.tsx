import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireSession } from "~/auth.server";
import type { StringKey } from "~/i18n/strings";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { accountAgency, ctxOf } from "~/registry.server";
import { EmailAddress, LocalText } from "~/components/text";

const ROLE_LABEL: Record<string, StringKey> = { official: "roleOfficial", reviewer: "roleReviewer", admin: "roleAdmin" };
const ROLE_NEXT: Record<string, StringKey> = { official: "accountOfficialNext", reviewer: "accountReviewerNext", admin: "accountAdminNext" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request);
  // The agency by its name from the agencies table, never its slug (the slug only builds the link).
  const agency = await accountAgency(ctxOf(), { slug: actor.agencySlug });
  return { actor: { displayName: actor.displayName, email: actor.email, role: actor.role }, agency };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("accountTitle"))];

export default function Account() {
  const { actor, agency } = useLoaderData<typeof loader>();
  const { t, u } = useT();
  return (
    <>
      <h1>{t("accountTitle")}</h1>
      <dl className="facts">
        <dt>{t("accountEmail")}</dt>
        <dd>
          <EmailAddress value={actor.email} />
        </dd>
        <dt>{t("accountRole")}</dt>
        <dd>{t(ROLE_LABEL[actor.role]!)}</dd>
        {agency ? (
          <>
            <dt>{t("accountAgency")}</dt>
            <dd>
              <a href={u.agency(agency.slug)}>
                <LocalText value={agency.name} />
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <p>{t(ROLE_NEXT[actor.role]!)}</p>
      {actor.role === "official" ? (
        <p>
          <a href={u.drafts()}>{t("draftsTitle")}</a>
        </p>
      ) : null}
      {actor.role === "reviewer" ? (
        <p>
          <a href={u.review()}>{t("reviewQueueTitle")}</a>
        </p>
      ) : null}
    </>
  );
}
