// The page of a record withheld in full (standard v1.1 `withheldRecord`): nothing of the record
// but its name and id reaches it, with the ground and the legal provision.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";
import { LocalText, PlainText } from "~/components/text";
import type { LocalizedText } from "../../../registry/standard/v1";

/** The page of a record withheld in full: its name and id, and that it is withheld, on what ground. */
export function WithheldRecordPage({ w }: { w: { id: string; name: LocalizedText; withheldRecord: { ground: LocalizedText; legalCitation?: string } } }) {
  const { t, u } = useT();
  return (
    <article className="tool-page">
      <p className="breadcrumbs">
        <Link to={u.tools()}>{t("navTools")}</Link> / <span className="tool-id">{w.id}</span>
      </p>
      <h1>
        <LocalText value={w.name} />
      </h1>
      <section className="withheld-record" aria-labelledby="withheld-record-h">
        <h2 id="withheld-record-h">{t("withheldRecordTitle")}</h2>
        <p>{t("withheldRecordIntro")}</p>
        <dl>
          <dt>{t("idLabel")}</dt>
          <dd>{w.id}</dd>
          <dt>{t("withheldRecordGround")}</dt>
          <dd>
            <LocalText value={w.withheldRecord.ground} />
          </dd>
          {w.withheldRecord.legalCitation ? (
            <>
              <dt>{t("withheldRecordCitation")}</dt>
              <dd>
                <PlainText value={w.withheldRecord.legalCitation} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>
    </article>
  );
}

