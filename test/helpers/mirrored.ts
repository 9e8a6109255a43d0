// Records mirrored from other registers (standard v1.1, issue 15), as whole-record import entries
// an admin imports: a US federal AI use case inventory record (English, high-impact, an
// independent review reported as done, no end date, no questionnaire of this register) and a
// Dutch Algorithm Register record whose text exists only in Dutch. Modelled on the real samples
// in ../shared/interop; the facts here are test data, not a copy of them.
import type { ToolRecordInput } from "../../registry/standard/v1";

export const US_ID = "ALG-900101";
export const NL_ID = "ALG-900102";
export const WITHHELD_ID = "ALG-900103";
export const NL_NAME = "Inzet geautomatiseerde gezichtsvergelijking";
export const NL_SUMMARY = "Het algoritme vergelijkt het gezicht van een persoon die zich inschrijft met de foto in het reisdocument.";
export const WITHHELD_GROUND = { zh: "公开将危及正在进行的调查。", en: "Publication would endanger an ongoing investigation." };

const AT = "2026-08-08T06:20:11.000Z";

function base(id: string, slug: string, agency: string): ToolRecordInput {
  return {
    standardVersion: "1.1",
    identity: {
      id,
      slug,
      name: { en: slug },
      originalLanguage: "en",
      kind: "ai_model",
      jurisdiction: { level: "national", place: { en: "United States" } },
      policyDomain: "public_services",
      summary: { en: slug },
    },
    responsibility: { agencies: [{ agency, role: "operates" }], vendors: [] },
    purpose: { purpose: { en: slug }, legalBasis: [] },
    purposeHistory: [],
    howItWorks: { logic: { en: slug } },
    dataScope: { elements: [], sharingRecipients: [] },
    oversight: { appealStats: [] },
    lifecycle: { deploymentStatus: "in_use", reviewStatus: "unreviewed", sunsetDate: null, renewals: [] },
    assessments: { documents: [] },
    incidents: [],
    withheld: [],
    sources: [{ key: "source-register", kind: "public_record", title: { en: slug } }],
  };
}

/** A US federal AI use case inventory record: high-impact, reviewed independently (as the inventory reports), no end date. */
export function usRecord(): ToolRecordInput {
  const r = base(US_ID, "va-claims-triage", "us-department-of-veterans-affairs");
  r.identity.name = { en: "Claims triage model" };
  r.identity.summary = { en: "Sorts incoming disability claims by the evidence they contain so that staff can route them." };
  r.purpose.purpose = { en: "Route disability claims to the right team faster." };
  r.purpose.benefits = { en: "Shorter waiting times for veterans." };
  r.responsibility.accountableOfficer = { role: { en: "Chief AI Officer" } };
  r.responsibility.team = { en: "Office of Information and Technology" };
  r.responsibility.vendors = [{ name: { en: "Example Analytics LLC" }, role: "developer", companyNumber: "DUNS 123456789" }];
  r.assessments.documents = [{ kind: "algorithmic", title: { en: "AI impact assessment" }, date: "2025-06" }];
  r.sources = [{ key: "source-register", kind: "public_record", title: { en: "2025 federal agency AI use case inventory" }, url: "https://github.com/ombegov/2025-Federal-Agency-AI-Use-Case-Inventory" }];
  return {
    ...r,
    externalIds: [{ register: "us-omb-ai-inventory", id: "VA-2025-0042", url: "https://github.com/ombegov/2025-Federal-Agency-AI-Use-Case-Inventory", standardVersion: "2025", publishedOn: "2025-12" }],
    classifications: [{ scheme: "us-omb-high-impact", value: "high-impact", justification: { en: "Outputs serve as a principal basis for decisions on benefits." }, date: "2025" }],
    risks: [{ risk: { en: "Claims with handwritten evidence may be misrouted." }, mitigation: { en: "Staff review every routing before work starts." } }],
    procurement: { mode: "contracted", procedure: { en: "Existing agency contract." } },
    securityAuthorisation: { scheme: "FISMA ATO", status: "done", date: "2024-11" },
    models: [{ name: { en: "Gradient boosted classifier" } }],
    datasets: [
      { name: { en: "Historical claims 2015-2022" }, phase: "development" },
      { name: { en: "Incoming claims" }, phase: "operational", source: { en: "Veterans' own submissions." } },
    ],
    governance: {
      independentReview: { status: "done", detail: { en: "Reviewed by the agency's AI governance board." } },
      testing: { status: "done" },
      monitoring: { status: "in_progress" },
      appeal: { status: "done", detail: { en: "Veterans can ask for a manual re-routing of their claim." } },
    },
    regime: { governedBy: "source_register", register: "us-omb-ai-inventory", sourceUrl: "https://github.com/ombegov/2025-Federal-Agency-AI-Use-Case-Inventory", retrievedOn: "2026-08-08" },
    extensions: { "us-omb-ai-inventory": { "Use Case Topic Area": "Government Services (includes Benefits and Service Delivery)", "Has ATO": true } },
  };
}

/** A Dutch Algorithm Register record with its text only in Dutch, and no impact assessment known. */
export function nlRecord(): ToolRecordInput {
  const r = base(NL_ID, "gennep-gezichtsvergelijking", "nl-gemeente-gennep");
  r.identity.name = { nl: NL_NAME };
  r.identity.summary = { nl: NL_SUMMARY };
  r.identity.kind = "algorithm";
  r.identity.jurisdiction = { level: "city", place: { nl: "Gennep" } };
  r.purpose.purpose = { nl: "De identiteit verifiëren van personen die zich inschrijven in de BRP." };
  r.purpose.legalBasis = [{ citation: "Wet BRP art. 2.67 lid 4" }];
  r.howItWorks.logic = { nl: "Het systeem vergelijkt twee foto's en geeft een score." };
  r.sources = [{ key: "source-register", kind: "public_record", title: { nl: NL_NAME }, url: "https://algoritmes.overheid.nl/nl/algoritme/11243654" }];
  return {
    ...r,
    externalIds: [{ register: "nl-algoritmeregister", id: "11243654", url: "https://algoritmes.overheid.nl/nl/algoritme/11243654", publishedOn: "2024-12-03" }],
    classifications: [{ scheme: "nl-publication-category", value: "Impactvolle algoritmes" }],
    regime: { governedBy: "source_register", register: "nl-algoritmeregister", sourceUrl: "https://algoritmes.overheid.nl/nl/algoritme/11243654", retrievedOn: "2026-08-08" },
    extensions: { "nl-algoritmeregister": { impactassessment: "Onbekend", status: "in_gebruik" } },
  };
}

/** A record withheld in full, with its ground and legal provision. */
export function withheldRecord(): ToolRecordInput {
  const r = base(WITHHELD_ID, "withheld-record", "us-department-of-veterans-affairs");
  r.identity.name = { en: "Withheld analytics tool" };
  r.purpose.purpose = { en: "SECRET PURPOSE TEXT" };
  // A record withheld in full holds nothing but what is always public (WITHHELD_RECORD_KEEPS).
  r.howItWorks = {};
  return { ...r, withheldRecord: { ground: WITHHELD_GROUND, legalCitation: "5 U.S.C. 552(b)(7)" } };
}

const AGENCIES = {
  "us-department-of-veterans-affairs": { slug: "us-department-of-veterans-affairs", name: { en: "US Department of Veterans Affairs" }, jurisdictionLevel: "national", place: { en: "United States" } },
  "nl-gemeente-gennep": { slug: "nl-gemeente-gennep", name: { nl: "Gemeente Gennep", en: "Municipality of Gennep" }, jurisdictionLevel: "city", place: { nl: "Gennep" } },
} as const;

/** The whole-record import file (NDJSON) of the given records, each one public revision. */
export function mirroredImportText(records: ToolRecordInput[] = [usRecord(), nlRecord(), withheldRecord()]): string {
  return records
    .map((record) =>
      JSON.stringify({
        id: record.identity.id,
        slug: record.identity.slug,
        standardVersion: record.standardVersion,
        agencies: record.responsibility.agencies.map((a) => AGENCIES[a.agency as keyof typeof AGENCIES]),
        revisions: [{ number: 1, status: "unreviewed", createdAt: AT, submittedAt: null, publishedAt: AT, record }],
      }),
    )
    .join("\n");
}
