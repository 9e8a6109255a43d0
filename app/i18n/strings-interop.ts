// Messages for the standard's checks added for records mirrored from other registers (issue 15,
// the real samples of ../shared/interop converted into whole records).
const en = {
  err_dataset_empty: "Describe the dataset in “{field}”: give at least its name, a description, a link or where the data comes from.",
};

const zh: Record<keyof typeof en, string> = {
  err_dataset_empty: "请在“{field}”中说明该数据集：至少填写名称、说明、链接或数据来源之一。",
};

export const interopStrings = { en, zh };
