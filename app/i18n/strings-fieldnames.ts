// Interface strings of the record forms' field hints (app/components/schema-form.tsx): how a date
// is written. The fields' names and definitions come from the standard (registry/standard/field-names.ts).
const en = {
  fieldDateHint: "Year-month-day, for example 2027-05-31.",
  fieldPartialDateHint: "A year, a month or a day, for example 2022, 2022-07 or 2022-07-15.",
};

const zh: Record<keyof typeof en, string> = {
  fieldDateHint: "按年-月-日填写，例如 2027-05-31。",
  fieldPartialDateHint: "可只填年、年-月或年-月-日，例如 2022、2022-07 或 2022-07-15。",
};

export const fieldNamesStrings = { en, zh };
