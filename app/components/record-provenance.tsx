// The record page's registration line: who registered the tool (the register's editors or its
// agency), and for an editors' record an agency took over, which agency and since when
// (registry/records/provenance.server.ts). Agencies by name, linked to their pages.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";
import { LocalText, Sentence } from "~/components/text";
import type { Provenance } from "../../registry/records/provenance.server";
import type { AgencyLink } from "../../registry/records/agencies.server";

function AgencyName({ agency }: { agency: AgencyLink }) {
  const { u } = useT();
  return (
    <Link to={u.agency(agency.slug)}>
      <LocalText value={agency.name} />
    </Link>
  );
}

/** A <dt>/<dd> pair for the responsibility section's list. */
export function RecordProvenance({ provenance }: { provenance: Provenance | null }) {
  const { t, date } = useT();
  if (!provenance) return null;
  const registered = date(provenance.registeredAt);
  return (
    <>
      <dt>{t("provenanceLabel")}</dt>
      <dd className="provenance">
        <p>
          {provenance.registeredBy === "agency" && provenance.agency ? (
            <Sentence k="provenanceAgency" vars={{ agency: <AgencyName agency={provenance.agency} />, date: registered }} />
          ) : (
            <Sentence k="provenanceEditors" vars={{ date: registered }} />
          )}
        </p>
        {provenance.takenOver ? (
          <p>
            <Sentence k="provenanceTakenOver" vars={{ agency: <AgencyName agency={provenance.takenOver.agency} />, date: date(provenance.takenOver.at) }} />
          </p>
        ) : null}
      </dd>
    </>
  );
}
