import type { QueryNotice } from "../../../registry/records/query";
import { useT } from "~/i18n/use-lang";

export function Notices({ notices }: { notices: QueryNotice[] }) {
  const { t } = useT();
  if (!notices.length) return null;
  return (
    <div className="notice" role="status">
      <ul>
        {notices.map((n, i) => (
          <li key={i}>
            {n.code === "ignored_value"
              ? t("notice_ignored_value", { param: n.param, value: n.value })
              : n.code === "query_truncated"
                ? t("notice_query_truncated", { max: n.max })
                : n.code === "page_out_of_range"
                  ? t("notice_page_out_of_range", { page: n.page })
                  : n.code === "unknown_agency"
                    ? t("notice_unknown_agency", { value: n.value })
                    : t("notice_any_word_fallback")}
          </li>
        ))}
      </ul>
    </div>
  );
}
