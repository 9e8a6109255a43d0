// Interface strings for the phone layout (menu, collapsible filters, scrolling tables), merged
// into strings.ts. Kept apart so that work on one area does not edit the shared table.
const en = {
  navMenu: "Menu",
  filtersToggle: "Filters",
};

const zh: Record<keyof typeof en, string> = {
  navMenu: "菜单",
  filtersToggle: "筛选",
};

export const mobileStrings = { en, zh };
