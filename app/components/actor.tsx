// Who acted, for people: a role and an agency's name, never the stored "role@agency-slug".
import type { LocalizedText } from "../../registry/standard/v1";
import { pickText, useLang } from "~/i18n/use-lang";
import { translate, type Lang, type StringKey } from "~/i18n/strings";
import { InLang, Sentence } from "./text";

const ROLE_KEYS: Record<string, StringKey> = {
  official: "roleOfficial",
  reviewer: "roleReviewer",
  admin: "roleAdmin",
  editors: "actorEditors",
  register: "actorRegister",
  public: "actorPublic",
};

/** The actor's role in the page language and its agency's name (in whichever language the register has it). */
function actorParts(actor: string, agencies: Record<string, LocalizedText>, lang: Lang) {
  const at = actor.indexOf("@");
  const role = translate(lang, ROLE_KEYS[at < 0 ? actor : actor.slice(0, at)] ?? "actorUnknown");
  const agency = at < 0 ? null : pickText(agencies[actor.slice(at + 1)], lang);
  return { role, agency };
}

/** "上海市人民政府审查员" / "Reviewer, Shanghai Municipal People's Government"; an unknown agency shows the role only. */
export function actorLabel(actor: string, agencies: Record<string, LocalizedText>, lang: Lang): string {
  const { role, agency } = actorParts(actor, agencies, lang);
  return agency ? translate(lang, "actorRoleAtAgency", { role, agency: agency.text }) : role;
}

/** As actorLabel, with the agency's name marked with the language it is in. */
export function ActorName({ actor, agencies }: { actor: string; agencies: Record<string, LocalizedText> }) {
  const { role, agency } = actorParts(actor, agencies, useLang());
  if (!agency) return <>{role}</>;
  return <Sentence k="actorRoleAtAgency" vars={{ role, agency: <InLang lang={agency.lang}>{agency.text}</InLang> }} />;
}
