// Interface strings for the pickers in the record forms (agency picker, slug made from the name).
const en = {
  pickerAgencyChoose: "Choose an agency",
  pickerAgencyUnknown: "Not in the register",
  pickerSlugOptional: "optional: if left empty, it is made from the name",
};

const zh: Record<keyof typeof en, string> = {
  pickerAgencyChoose: "请选择机构",
  pickerAgencyUnknown: "不在登记簿中",
  pickerSlugOptional: "选填：留空则根据名称自动生成",
};

export const pickersStrings = { en, zh };
