import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireSession } from "~/auth.server";
import { resolveLang } from "~/i18n/lang.server";
import { translate, type StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";

const ROLE_LABEL: Record<string, StringKey> = { official: "roleOfficial", reviewer: "roleReviewer", admin: "roleAdmin" };
const ROLE_NEXT: Record<string, StringKey> = { official: "accountOfficialNext", reviewer: "accountReviewerNext", admin: "accountAdminNext" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request);
  const lang = await resolveLang(request);
  return {
    actor: { displayName: actor.displayName, email: actor.email, role: actor.role, agencySlug: actor.agencySlug },
    title: `${translate(lang, "accountTitle")} · ${translate(lang, "siteName")}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Account" }];

export default function Account() {
  const { actor } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <>
      <h1>{t("accountTitle")}</h1>
      <dl className="facts">
        <dt>{t("accountEmail")}</dt>
        <dd>{actor.email}</dd>
        <dt>{t("accountRole")}</dt>
        <dd>{t(ROLE_LABEL[actor.role]!)}</dd>
        {actor.agencySlug ? (
          <>
            <dt>{t("accountAgency")}</dt>
            <dd>
              <a href={`/agencies/${actor.agencySlug}`}>{actor.agencySlug}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <p>{t(ROLE_NEXT[actor.role]!)}</p>
      {actor.role === "official" ? (
        <p>
          <a href="/drafts">{t("draftsTitle")}</a>
        </p>
      ) : null}
      {actor.role === "reviewer" ? (
        <p>
          <a href="/review">{t("reviewQueueTitle")}</a>
        </p>
      ) : null}
    </>
  );
}
