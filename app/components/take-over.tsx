// Taking over a record the register's editors registered: the list on /drafts and the offer on
// the edit page. Both are plain forms posting to /drafts (work without JavaScript), whose action
// takes the record over and opens its draft on the edit page.
import { Form, Link } from "@remix-run/react";
import { TAKEOVER_INTENTS } from "~/intents";
import { useT } from "~/i18n/use-lang";
import { LocalText, Sentence } from "~/components/text";
import { StatusBadge } from "~/components/badges";
import type { ClaimableTool, TakeOverOffer as Offer } from "../../registry/review/take-over.server";

/** The button that takes the tool over (POST /drafts, CSRF). */
export function TakeOverButton({ toolId, csrf }: { toolId: string; csrf: string }) {
  const { t, u } = useT();
  return (
    <Form method="post" action={u.drafts()} className="inline-form">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="toolId" value={toolId} />
      <button type="submit" name="intent" value={TAKEOVER_INTENTS.takeOver}>
        {t("takeOverButton")}
      </button>
    </Form>
  );
}

function useRoles() {
  const { l, lang } = useT();
  return (roles: readonly string[]) => roles.map((r) => l("agencyRole", r)).join(lang === "zh" ? "、" : ", ");
}

/** On /drafts: the editors' records the official's agency may take over. */
export function ClaimableList({ tools, csrf }: { tools: ClaimableTool[]; csrf: string }) {
  const { t, u } = useT();
  const roles = useRoles();
  if (!tools.length) return null;
  return (
    <section aria-labelledby="takeover-h" className="coresp-inbox">
      <h2 id="takeover-h">{t("takeOverHeading")}</h2>
      <p>{t("takeOverIntro")}</p>
      <ul className="tool-list">
        {tools.map((c) => (
          <li key={c.id} className="tool-card">
            <p>
              <Link to={u.tool(c.id)}>
                <LocalText value={c.name} />
              </Link>{" "}
              <span className="muted">{c.id}</span> <StatusBadge group="review" value={c.status} />
            </p>
            <p>
              {t("takeOverRole")}: {roles(c.roles)}
            </p>
            <TakeOverButton toolId={c.id} csrf={csrf} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The edit page of a record the official's agency may take over but has not yet. */
export function TakeOverOffer({ offer, csrf }: { offer: Offer; csrf: string }) {
  const { t, text, u } = useT();
  const roles = useRoles();
  const name = text(offer.name)?.text ?? offer.toolId;
  return (
    <>
      <title>{`${t("takeOverOfferHeading")}: ${name} · ${t("siteName")}`}</title>
      <p>
        <Link to={u.drafts()}>← {t("draftsTitle")}</Link>
      </p>
      <h1>
        <LocalText value={offer.name} />
      </h1>
      <p className="muted">
        {offer.toolId} · {t("historyRevision", { n: offer.revision })} · <StatusBadge group="review" value={offer.status} />
      </p>
      <section aria-labelledby="takeover-offer-h" className="submit-box">
        <h2 id="takeover-offer-h">{t("takeOverOfferHeading")}</h2>
        <p>
          <Sentence k="takeOverOfferText" vars={{ roles: roles(offer.roles) }} />
        </p>
        <TakeOverButton toolId={offer.toolId} csrf={csrf} />
        <p>
          <Link to={u.tool(offer.toolId)}>{t("takeOverPublicLink")}</Link>
        </p>
      </section>
    </>
  );
}
