// The closing record sections: what is withheld and on which ground, and the sources.
import type { WithholdableField } from "../../../registry/standard/v1";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { LocalText, InlineText, PlainText } from "~/components/text";
import { useRecord } from "./section-fields";

/** The withheld field by the name the page gives it, never its path in the standard. */
const WITHHELD_FIELD_LABEL: Record<WithholdableField, StringKey> = {
  "responsibility.contactOffice": "fContactOffice",
  "responsibility.vendors": "fVendors",
  "purpose.affectedPeople": "fAffected",
  "howItWorks.logic": "fLogic",
  "howItWorks.method": "fMethod",
  "howItWorks.sourceCode": "fSourceCode",
  "howItWorks.testing": "fTesting",
  "howItWorks.designPeakLoad": "fPeakLoad",
  "dataScope.elements": "fElements",
  "dataScope.sharingRecipients": "fSharing",
  "dataScope.crossBorderTransfer": "fCrossBorder",
  "dataScope.deidentification": "fDeidentification",
  "dataScope.securityProtectionLevel": "fSecurityLevel",
  "dataScope.peopleCovered": "fPeopleCovered",
  "oversight.appealStats": "fAppealStats",
  "assessments.documents": "fDocuments",
  incidents: "secIncidents",
};

export function WithheldList() {
  const w = useRecord().record.withheld;
  const { t } = useT();
  if (!w.length) return <p className="empty">{t("fWithheldNone")}</p>;
  return (
    <ul>
      {w.map((x) => (
        <li key={x.field}>
          <strong>{t(WITHHELD_FIELD_LABEL[x.field])}</strong>: <InlineText value={x.ground} otherwise="" />
          {x.legalCitation ? ` (${x.legalCitation})` : ""}
        </li>
      ))}
    </ul>
  );
}

export function Sources() {
  const s = useRecord().record.sources;
  const { t, l } = useT();
  return (
    <ol className="sources">
      {s.map((src, i) => (
        <li key={src.key} id={`source-${src.key}`}>
          <span className="source-key">[{i + 1}]</span> <span className="badge">{l("sourceKind", src.kind)}</span>{" "}
          {src.url ? (
            <a href={src.url} rel="nofollow noopener noreferrer">
              <LocalText value={src.title} />
            </a>
          ) : (
            <LocalText value={src.title} />
          )}
          {src.citation ? <span className="muted"> · <PlainText value={src.citation} /></span> : null}
        </li>
      ))}
    </ol>
  );
}
