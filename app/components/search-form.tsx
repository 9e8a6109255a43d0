import { useT } from "~/i18n/use-lang";

/** A plain GET form: works without JavaScript and yields a shareable URL. */
export function SearchForm({ id, defaultValue, hidden }: { id: string; defaultValue?: string; hidden?: readonly (readonly [string, string])[] }) {
  const { t, u } = useT();
  return (
    <form method="get" action={u.tools()} className="search-form" role="search">
      <label htmlFor={id}>{t("homeSearchLabel")}</label>
      <div className="search-row">
        <input id={id} name="q" type="search" defaultValue={defaultValue} placeholder={t("homeSearchPlaceholder")} maxLength={200} />
        {(hidden ?? []).map(([k, v]) => (
          <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
        ))}
        <button type="submit">{t("searchButton")}</button>
      </div>
    </form>
  );
}
