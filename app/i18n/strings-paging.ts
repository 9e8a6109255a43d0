// Interface strings for cursor pages on the staff pages (review queue, moderation, reports,
// drafts, inbox), merged into strings.ts. A key missing in one language fails the typecheck.
const en = {
  pagingNav: "Pages",
  pagingTotal: "{n} in all, {size} per page.",
  pagingFirst: "First page",
  pagingPrev: "Previous page",
  pagingNext: "Next page",
  page_cursor_foreign: "The page position in this address could not be used (it may be incomplete or copied from another page), so the first page is shown.",
  page_cursor_other_query: "The page position in this address belongs to other filters, so the first page for these filters is shown.",
};

const zh: Record<keyof typeof en, string> = {
  pagingNav: "分页",
  pagingTotal: "共 {n} 条，每页 {size} 条。",
  pagingFirst: "第一页",
  pagingPrev: "上一页",
  pagingNext: "下一页",
  page_cursor_foreign: "此地址中的翻页位置无法使用（可能不完整，或复制自其他页面），现显示第一页。",
  page_cursor_other_query: "此地址中的翻页位置属于其他筛选条件，现按当前筛选条件显示第一页。",
};

export const pagingStrings = { en, zh };
