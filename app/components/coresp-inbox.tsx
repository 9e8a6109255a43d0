// The inbox of co-responsibility on /drafts: public records of other agencies that name the
// official's agency, each with confirm and decline buttons (plain forms: work without JavaScript).
import { Form, Link } from "@remix-run/react";
import { CORESP_INTENTS } from "~/intents";
import { useT } from "~/i18n/use-lang";
import { LocalText } from "~/components/text";
import type { PendingConfirmation } from "../../registry/review/co-responsibility.server";

export function CoRespInbox({ pending, csrf }: { pending: PendingConfirmation[]; csrf: string }) {
  const { t, l, u, lang } = useT();
  if (!pending.length) return null;
  return (
    <section aria-labelledby="coresp-h" className="coresp-inbox">
      <h2 id="coresp-h">{t("coRespInboxHeading")}</h2>
      <p>{t("coRespInboxText")}</p>
      <ul className="tool-list">
        {pending.map((p) => (
          <li key={p.id} className="tool-card">
            <p>
              <Link to={u.tool(p.id)}>
                <LocalText value={p.name} />
              </Link>
            </p>
            <p>
              {t("coRespInboxRole")}: {p.roles.map((r) => l("agencyRole", r)).join(lang === "zh" ? "、" : ", ")}
            </p>
            <Form method="post" className="inline-form">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="toolId" value={p.id} />
              <button type="submit" name="intent" value={CORESP_INTENTS.confirm}>
                {t("coRespConfirmShort")}
              </button>{" "}
              <button type="submit" name="intent" value={CORESP_INTENTS.decline} className="secondary">
                {t("coRespDecline")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
