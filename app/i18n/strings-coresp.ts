// Interface strings for co-responsibility (an agency named in another agency's record confirms
// the link), merged into strings.ts. Kept apart so parallel work does not edit the shared table.
const en = {
  agencyNotConfirmed: "named by the agency that filed this record; not confirmed by this agency",
  coRespConfirm: "Confirm that our agency is responsible",
};

const zh: Record<keyof typeof en, string> = {
  agencyNotConfirmed: "由填报机构列出，尚未经该机构确认",
  coRespConfirm: "确认本机构负有责任",
};

export const coRespStrings = { en, zh };
