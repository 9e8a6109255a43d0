// Who acted, for people: a role and an agency's name, never the stored "role@agency-slug".
import type { LocalizedText } from "../../registry/standard/v1";
import { pickText, useLang } from "~/i18n/use-lang";
import { translate, type Lang, type StringKey } from "~/i18n/strings";

const ROLE_KEYS: Record<string, StringKey> = {
  official: "roleOfficial",
  reviewer: "roleReviewer",
  admin: "roleAdmin",
  editors: "actorEditors",
  register: "actorRegister",
  public: "actorPublic",
};

/** "上海市人民政府审查员" / "Reviewer, Shanghai Municipal People's Government"; an unknown agency shows the role only. */
export function actorLabel(actor: string, agencies: Record<string, LocalizedText>, lang: Lang): string {
  const at = actor.indexOf("@");
  const role = translate(lang, ROLE_KEYS[at < 0 ? actor : actor.slice(0, at)] ?? "actorUnknown");
  const name = at < 0 ? null : pickText(agencies[actor.slice(at + 1)], lang)?.text;
  return name ? translate(lang, "actorRoleAtAgency", { role, agency: name }) : role;
}

export function ActorName({ actor, agencies }: { actor: string; agencies: Record<string, LocalizedText> }) {
  return <>{actorLabel(actor, agencies, useLang())}</>;
}
