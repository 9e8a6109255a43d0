// The 36 columns of the US federal AI use case inventory of 2025, as OMB publishes it
// (`2025_individually_reported_AI_use_cases.csv`; the data dictionary is
// test/fixtures/interop/us-omb-2025/data_dictionary.md, from ombegov/2025-Federal-Agency-AI-Use-Case-Inventory
// @ 62329235, Validation/data_dictionary.md, a US Government work in the public domain). Data,
// not code: the reader, the mapping to the record standard and the crosswalk page all read it.
//
// kind: text (free or structured text), choice (one of `values`, OMB's shorthand codes, as the
// file holds them; the file also has cells outside them, which are kept as they are), list (a
// Python list of strings, `['a', 'b']`, whose items are among `values`), date.
// header: the question of the agencies' Excel template the column answers.

export type OmbColumnKind = "text" | "choice" | "list" | "date";
export type OmbColumn = { name: string; kind: OmbColumnKind; header?: string; values?: readonly string[] };

export const OMB_2025_COLUMNS = [
  { name: "agency", kind: "text" },
  { name: "agency_name", kind: "text" },
  { name: "id", kind: "text", header: "Use Case ID [Agency Abbrev.] – [#]" },
  { name: "use_case_name", kind: "text", header: "Use Case Name" },
  { name: "agency_bureau", kind: "text", header: "Bureau/Component" },
  { name: "contact_email", kind: "text", header: "Email Address" },
  { name: "is_withheld", kind: "choice", header: "Should this AI use case be withheld from public reporting?", values: ["No", "Yes - Disclosure Risk", "Yes - Prohibited by Law", "Other"] },
  { name: "development_stage", kind: "choice", header: "Stage of Development", values: ["Pre-deployment", "Pilot", "Deployed", "Retired"] },
  { name: "is_high_impact", kind: "choice", header: "Is the AI use case high-impact?", values: ["High-impact", "Presumed High-Impact, but Not High-impact", "Not High-impact"] },
  { name: "HI_justification", kind: "text", header: "Justification" },
  { name: "topic_area", kind: "choice", header: "Use Case Topic Area", values: ["Admin Functions", "Cybersecurity", "Emergency Mgmt", "Energy and Environment", "Benefits Processing", "Health and Medical", "HR", "IT", "International Affairs", "Law Enforcement", "Other", "Procurement and Finance Mgmt", "Science", "Service Delivery", "Transportation"] },
  { name: "classification", kind: "choice", header: "AI Classification", values: ["Agentic AI", "Classical ML", "Computer Vision", "Generative AI", "NLP", "Reinforcement Learning"] },
  { name: "problem_solved", kind: "text", header: "What problem is the AI intended to solve?" },
  { name: "benefits", kind: "text", header: "What are the expected benefits and positive outcomes from the AI for an agency’s mission and/or the general public?" },
  { name: "system_outputs", kind: "text", header: "Describe the AI system’s outputs." },
  { name: "operational_date", kind: "date", header: "Date when AI use case became operational or the pilot’s start date" },
  { name: "contracting_usage", kind: "choice", header: "Was the system involved in this use case purchased from a vendor or developed under contract(s) or in-house?", values: ["Vendor Purchased", "In-house Development", "Contracting and In House"] },
  { name: "vendor_name", kind: "text", header: "Vendor(s) Name" },
  { name: "have_ato", kind: "choice", header: "Does this AI use case have an associated Authorization to Operate (ATO)?", values: ["No", "Yes"] },
  { name: "system_name_ato", kind: "text", header: "System(s) Name" },
  { name: "data_description", kind: "text", header: "Describe any data used to train, fine-tune, and/or evaluate performance of the model(s) used in this use case." },
  { name: "link_to_data", kind: "text", header: "If the data is required to be publicly disclosed as an open government data asset, provide a link to the entry on the Federal Data Catalog." },
  { name: "has_pii", kind: "choice", header: "Does this AI use case involve personally identifiable information (PII) that is maintained by the agency?", values: ["No", "Yes"] },
  { name: "pia_url", kind: "text", header: "If publicly available, provide the link to the AI use case’s associated Privacy Impact Assessment (PIA)." },
  { name: "demographic_features", kind: "list", header: "Which, if any, demographic variables does the AI use case explicitly use as model features?", values: ["a) Race/Ethnicity", "b) Sex", "c) Age", "d) Religious Affiliation", "e) Socioeconomic Status", "f) Ability Status", "g) Residency Status", "h) Marital Status", "i) Income", "j) Employment Status", "k) None of the above", "l) Other"] },
  { name: "has_custom_code", kind: "choice", header: "Does this project include custom-developed code?", values: ["No", "Yes"] },
  { name: "code_url", kind: "text", header: "If the code is open source, provide the link for the publicly available source code." },
  { name: "hi_testing_conducted", kind: "choice", header: "Has pre-deployment testing been conducted for this AI use case? Practice: Complete AI Impact Assessment", values: ["Yes", "In-progress", "CAIO Waived"] },
  { name: "hi_assessment_completed", kind: "choice", header: "Has an AI impact assessment been completed for this AI use case? Practice: Complete AI Impact Assessment", values: ["Yes", "In-progress", "CAIO Waived"] },
  { name: "hi_potential_impacts", kind: "text", header: "What are the potential impacts of using the AI for this particular use case and how were they identified? Subpractice: Complete AI Impact Assessment" },
  { name: "hi_independent_review", kind: "choice", header: "Has as independent review of the AI use case been conducted? Sub practice Complete AI Impact Assessment", values: ["Internal Independent Review", "Oversight Board Review", "CAIO Review", "In-progress", "CAIO Waived"] },
  { name: "hi_ongoing_monitoring", kind: "choice", header: "Is there a process to conduct ongoing monitoring to identify any adverse impacts to the performance and security of the AI functionality, as well as to privacy, civil rights, and civil liberties? Practice: Conduct Ongoing Monitoring for Performance and Potential Adverse Impacts", values: ["Yes - Monitoring Established", "In-progress", "CAIO Waived"] },
  { name: "hi_training_established", kind: "choice", header: "Has the agency established sufficient and periodic training for operators of the AI to interpret and act on the its output and managed associated risks? Practice: Ensure Adequate Human Training and Assessment", values: ["Training Established", "Training In-progress", "CAIO Waived"] },
  { name: "hi_failsafe_presence", kind: "choice", header: "Does this AI use case have an appropriate fail-safe that minimizes the risk of significant harm? Practice: Provide Additional Human Oversight, Intervention, and Accountability", values: ["Yes", "Not Applicable", "In-progress", "CAIO Waived"] },
  { name: "hi_appeal_process", kind: "choice", header: "Is there an established appeal process in the event that an impacted individual would like to appeal or contest the AI system’s outcome? Practice: Offer Consistent Remedies or Appeals", values: ["Appeal Process Established", "Not Applicable", "Appeal Process In-progress", "Appeal Precluded by Law", "CAIO Waived"] },
  { name: "hi_public_consultation", kind: "list", header: "What steps has the agency taken to consult and incorporate feedback from end users of this AI use case and the public? Practice: Consult and Incorporate Feedback from End Users and the Public", values: ["Usability Testing", "Public Feedback Solicitations", "Public Hearings", "Other", "In-progress", "CAIO Waived"] },
] as const satisfies readonly OmbColumn[];

export type OmbColumnName = (typeof OMB_2025_COLUMNS)[number]["name"];
export const OMB_2025_COLUMN_NAMES: readonly OmbColumnName[] = OMB_2025_COLUMNS.map((c) => c.name);
