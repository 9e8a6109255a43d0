// The account list of /admin/accounts: one entry per account with its state and its actions,
// each a small form of its own (works without JavaScript; narrow screens get one column).
import { Form } from "@remix-run/react";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { ADMIN_INTENTS } from "~/intents";
import { ROLES, type Role } from "../../registry/auth/roles";
import { AgencySelect, useAgencyName, type AgencyOption } from "./admin-form";
import { EmailAddress } from "./text";

export const ROLE_LABEL: Record<Role, StringKey> = { official: "roleOfficial", reviewer: "roleReviewer", admin: "roleAdmin" };
const STATE_LABEL: Record<string, StringKey> = { active: "adminStateActive", invited: "adminStateInvited", disabled: "adminStateDisabled" };

type Account = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  agencySlug: string | null;
  agencyName: { zh: string | null; en: string | null } | null;
  state: string;
};

export function AccountList({ accounts, agencies, csrf, self }: { accounts: Account[]; agencies: AgencyOption[]; csrf: string; self: number }) {
  const { t } = useT();
  if (!accounts.length) return <p className="empty">{t("adminNoAccounts")}</p>;
  return (
    <ul className="account-list">
      {accounts.map((a) => (
        <AccountEntry key={a.id} account={a} agencies={agencies} csrf={csrf} self={a.id === self} />
      ))}
    </ul>
  );
}

function AccountEntry({ account: a, agencies, csrf, self }: { account: Account; agencies: AgencyOption[]; csrf: string; self: boolean }) {
  const { t } = useT();
  const nameOf = useAgencyName();
  const id = `account-${a.id}`;
  return (
    <li className="account" id={id} aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>{a.displayName}</h3>
      <dl className="facts">
        <dt>{t("adminEmail")}</dt>
        <dd className="account-email">
          <EmailAddress value={a.email} />
        </dd>
        <dt>{t("adminRole")}</dt>
        <dd>{t(ROLE_LABEL[a.role])}</dd>
        {a.agencySlug ? (
          <>
            <dt>{t("adminAgency")}</dt>
            <dd>{nameOf(a.agencyName && { nameZh: a.agencyName.zh, nameEn: a.agencyName.en }, a.agencySlug)}</dd>
          </>
        ) : null}
        <dt>{t("adminState")}</dt>
        <dd className={`account-state state-${a.state}`}>{t(STATE_LABEL[a.state]!)}</dd>
      </dl>
      {self ? null : (
        <div className="account-actions" role="group" aria-label={t("adminActions", { name: a.displayName })}>
          <Form method="post" className="inline-form">
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="accountId" value={a.id} />
            {a.state === "disabled" ? (
              <button type="submit" name="intent" value={ADMIN_INTENTS.enable} className="secondary">
                {t("adminEnable")}
              </button>
            ) : (
              <button type="submit" name="intent" value={ADMIN_INTENTS.disable} className="secondary">
                {t("adminDisable")}
              </button>
            )}{" "}
            {a.state === "invited" ? (
              <button type="submit" name="intent" value={ADMIN_INTENTS.reinvite} className="secondary">
                {t("adminReinvite")}
              </button>
            ) : null}
          </Form>
          <details>
            <summary>{t("adminChange")}</summary>
            <Form method="post" className="stacked-form">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="accountId" value={a.id} />
              <div className="field">
                <label htmlFor={`${id}-role`}>{t("adminRole")}</label>
                <select id={`${id}-role`} name="role" defaultValue={a.role}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(ROLE_LABEL[r])}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-agency`}>{t("adminAgency")}</label>
                <AgencySelect id={`${id}-agency`} name="agency" agencies={agencies} value={a.agencySlug} none={t("adminAgencyNone")} />
              </div>
              <button type="submit" name="intent" value={ADMIN_INTENTS.change}>
                {t("adminSaveChange")}
              </button>
            </Form>
          </details>
        </div>
      )}
    </li>
  );
}
