// Every field of the UK Algorithmic Transparency Recording Standard v3.0 (March 2024), as data,
// in the standard's order: its reference number, its `attribute` (the key of the JSON this
// register reads and writes, ./format.ts), its name, tier and category, from the standard's
// template table (test/fixtures/interop/uk-atrs/template_table_v3.md, a copy of
// co-cddo/algorithmic-transparency-recording-standard @ 9b076c4, previous-versions/v3.0/
// template_table.md; Open Government Licence v3.0).
//
// One attribute occurs twice: `phase` is 0.13 (Title Information) and 2.4.1.2 (Tool
// Specification), with the same note ("Indicate the phase the tool is currently in"). A JSON
// object cannot hold one key twice, and neither the standard's repository nor any published file
// in this project's library gives an ATRS record as JSON (the repository has the template table
// and guidance only; GOV.UK publishes records as pages), so there is no real shape to follow: the
// first keeps its attribute as key (`phase`), the second is keyed `tool_phase`. Both say the
// same thing and both are read as the record's deployment status (./mapping.ts).
//
// Version 4.0 splits the data specification into development and operational data (other keys);
// it is not read here: a v4.0 file is refused for its unknown keys (./format.ts).

export type AtrsType = "integer" | "date" | "string";

export type AtrsField = {
  /** The standard's reference number (0.1 … 2.5.2). */
  ref: string;
  /** The key in the JSON record: the attribute, except `tool_phase` for 2.4.1.2 (see above). */
  key: string;
  /** The attribute as the standard's table names it. */
  attribute: string;
  name: string;
  /** 1 or 2; null for the metadata and title information (the table's "N/A"). */
  tier: 1 | 2 | null;
  category: AtrsCategory;
  type: AtrsType;
  /** The table's "required" column. */
  required: boolean;
};

/** The standard's categories (sections), with their names in Chinese for the crosswalk page. */
export const ATRS_CATEGORIES = {
  Metadata: "元数据",
  "Title Information": "标题信息",
  "Tier 1 Information": "第一层级信息",
  "Owner and Responsibility": "所有者与责任",
  "Description and Rationale": "说明与理由",
  "Decision-making Process": "决策过程",
  "Tool Specification": "工具规格",
  "Model Specification": "模型规格",
  "Data Specification": "数据规格",
  "Risks, mitigations and impact assessments": "风险、缓解措施与影响评估",
} as const;
export type AtrsCategory = keyof typeof ATRS_CATEGORIES;

export const ATRS_3_FIELDS = [
  { ref: "0.1", key: "id", attribute: "id", name: "ID", tier: null, category: "Metadata", type: "integer", required: true },
  { ref: "0.2", key: "standard_version", attribute: "standard_version", name: "Standard version", tier: null, category: "Metadata", type: "string", required: true },
  { ref: "0.3", key: "organisation_type", attribute: "organisation_type", name: "Organisation type", tier: null, category: "Metadata", type: "string", required: true },
  { ref: "0.4", key: "function", attribute: "function", name: "Function", tier: null, category: "Metadata", type: "string", required: true },
  { ref: "0.5", key: "capability", attribute: "capability", name: "Capability", tier: null, category: "Metadata", type: "string", required: true },
  { ref: "0.6", key: "task", attribute: "task", name: "Task", tier: null, category: "Metadata", type: "string", required: true },
  { ref: "0.7", key: "tags", attribute: "tags", name: "Tags", tier: null, category: "Metadata", type: "string", required: true },
  { ref: "0.8", key: "date_of_completion", attribute: "date_of_completion", name: "Date of completion", tier: null, category: "Metadata", type: "date", required: true },
  { ref: "0.9", key: "date_updated", attribute: "date_updated", name: "Date updated", tier: null, category: "Metadata", type: "date", required: true },
  { ref: "0.10", key: "date_archived", attribute: "date_archived", name: "Date archived", tier: null, category: "Metadata", type: "date", required: true },
  { ref: "0.11", key: "title", attribute: "title", name: "Title", tier: null, category: "Title Information", type: "string", required: true },
  { ref: "0.12", key: "organisation_name", attribute: "organisation_name", name: "Organisation name", tier: null, category: "Title Information", type: "string", required: true },
  { ref: "0.13", key: "phase", attribute: "phase", name: "Phase", tier: null, category: "Title Information", type: "string", required: true },
  { ref: "0.14", key: "region", attribute: "region", name: "Region", tier: null, category: "Title Information", type: "string", required: true },
  { ref: "0.15", key: "one_sentence_description", attribute: "one_sentence_description", name: "One sentence description", tier: null, category: "Title Information", type: "string", required: true },
  { ref: "1.1", key: "name", attribute: "name", name: "Name", tier: 1, category: "Tier 1 Information", type: "string", required: true },
  { ref: "1.2", key: "description", attribute: "description", name: "Description", tier: 1, category: "Tier 1 Information", type: "string", required: true },
  { ref: "1.3", key: "website_url", attribute: "website_url", name: "Website URL", tier: 1, category: "Tier 1 Information", type: "string", required: true },
  { ref: "1.4", key: "contact_email", attribute: "contact_email", name: "Contact email", tier: 1, category: "Tier 1 Information", type: "string", required: true },
  { ref: "2.1.1", key: "organisation_or_department", attribute: "organisation_or_department", name: "Organisation or department", tier: 2, category: "Owner and Responsibility", type: "string", required: true },
  { ref: "2.1.2", key: "team", attribute: "team", name: "Team", tier: 2, category: "Owner and Responsibility", type: "string", required: true },
  { ref: "2.1.3", key: "senior_responsible_owner", attribute: "senior_responsible_owner", name: "Senior responsible owner", tier: 2, category: "Owner and Responsibility", type: "string", required: true },
  { ref: "2.1.4", key: "external_supplier_involvement", attribute: "external_supplier_involvement", name: "External supplier involvement", tier: 2, category: "Owner and Responsibility", type: "string", required: true },
  { ref: "2.1.4.1", key: "external_supplier", attribute: "external_supplier", name: "External supplier", tier: 2, category: "Owner and Responsibility", type: "string", required: false },
  { ref: "2.1.4.2", key: "companies_house_number", attribute: "companies_house_number", name: "Companies House Number", tier: 2, category: "Owner and Responsibility", type: "string", required: false },
  { ref: "2.1.4.3", key: "external_supplier_role", attribute: "external_supplier_role", name: "External supplier role", tier: 2, category: "Owner and Responsibility", type: "string", required: false },
  { ref: "2.1.4.4", key: "procurement_procedure_type", attribute: "procurement_procedure_type", name: "Procurement procedure type", tier: 2, category: "Owner and Responsibility", type: "string", required: false },
  { ref: "2.1.4.5", key: "data_access_terms", attribute: "data_access_terms", name: "Data access terms", tier: 2, category: "Owner and Responsibility", type: "string", required: false },
  { ref: "2.2.1", key: "detailed_description", attribute: "detailed_description", name: "Detailed description", tier: 2, category: "Description and Rationale", type: "string", required: false },
  { ref: "2.2.2", key: "scope", attribute: "scope", name: "Scope", tier: 2, category: "Description and Rationale", type: "string", required: true },
  { ref: "2.2.3", key: "benefit", attribute: "benefit", name: "Benefit", tier: 2, category: "Description and Rationale", type: "string", required: true },
  { ref: "2.2.4", key: "previous_process", attribute: "previous_process", name: "Previous process", tier: 2, category: "Description and Rationale", type: "string", required: false },
  { ref: "2.2.5", key: "alternatives_considered", attribute: "alternatives_considered", name: "Alternatives considered", tier: 2, category: "Description and Rationale", type: "string", required: false },
  { ref: "2.3.1", key: "process_integration", attribute: "process_integration", name: "Process integration", tier: 2, category: "Decision-making Process", type: "string", required: true },
  { ref: "2.3.2", key: "provided_information", attribute: "provided_information", name: "Provided information", tier: 2, category: "Decision-making Process", type: "string", required: true },
  { ref: "2.3.3", key: "frequency_and_scale_of_usage", attribute: "frequency_and_scale_of_usage", name: "Frequency and scale of usage", tier: 2, category: "Decision-making Process", type: "string", required: true },
  { ref: "2.3.4", key: "human_decisions_and_review", attribute: "human_decisions_and_review", name: "Human decisions and review", tier: 2, category: "Decision-making Process", type: "string", required: true },
  { ref: "2.3.5", key: "required_training", attribute: "required_training", name: "Required training", tier: 2, category: "Decision-making Process", type: "string", required: true },
  { ref: "2.3.6", key: "appeals_and_review", attribute: "appeals_and_review", name: "Appeals and review", tier: 2, category: "Decision-making Process", type: "string", required: false },
  { ref: "2.4.1.1", key: "system_architecture", attribute: "system_architecture", name: "System architecture", tier: 2, category: "Tool Specification", type: "string", required: true },
  { ref: "2.4.1.2", key: "tool_phase", attribute: "phase", name: "Phase", tier: 2, category: "Tool Specification", type: "string", required: true },
  { ref: "2.4.1.3", key: "maintenance", attribute: "maintenance", name: "Maintenance", tier: 2, category: "Tool Specification", type: "string", required: true },
  { ref: "2.4.1.4", key: "models", attribute: "models", name: "Models", tier: 2, category: "Tool Specification", type: "string", required: true },
  { ref: "2.4.2.1", key: "model_name", attribute: "model_name", name: "Model name", tier: 2, category: "Model Specification", type: "string", required: true },
  { ref: "2.4.2.2", key: "model_version", attribute: "model_version", name: "Model version", tier: 2, category: "Model Specification", type: "string", required: true },
  { ref: "2.4.2.3", key: "model_task", attribute: "model_task", name: "Model task", tier: 2, category: "Model Specification", type: "string", required: true },
  { ref: "2.4.2.4", key: "model_input", attribute: "model_input", name: "Model input", tier: 2, category: "Model Specification", type: "string", required: true },
  { ref: "2.4.2.5", key: "model_output", attribute: "model_output", name: "Model output", tier: 2, category: "Model Specification", type: "string", required: true },
  { ref: "2.4.2.6", key: "model_architecture", attribute: "model_architecture", name: "Model architecture", tier: 2, category: "Model Specification", type: "string", required: true },
  { ref: "2.4.2.7", key: "model_performance", attribute: "model_performance", name: "Model performance", tier: 2, category: "Model Specification", type: "string", required: true },
  { ref: "2.4.2.8", key: "datasets", attribute: "datasets", name: "Datasets", tier: 2, category: "Model Specification", type: "string", required: true },
  { ref: "2.4.2.9", key: "dataset_purposes", attribute: "dataset_purposes", name: "Dataset purposes", tier: 2, category: "Model Specification", type: "string", required: true },
  { ref: "2.4.3.1", key: "source_data_name", attribute: "source_data_name", name: "Source data name", tier: 2, category: "Data Specification", type: "string", required: true },
  { ref: "2.4.3.2", key: "data_modality", attribute: "data_modality", name: "Data modality", tier: 2, category: "Data Specification", type: "string", required: true },
  { ref: "2.4.3.3", key: "data_description", attribute: "data_description", name: "Data description", tier: 2, category: "Data Specification", type: "string", required: true },
  { ref: "2.4.3.4", key: "data_quantities", attribute: "data_quantities", name: "Data quantities", tier: 2, category: "Data Specification", type: "string", required: true },
  { ref: "2.4.3.5", key: "sensitive_attributes", attribute: "sensitive_attributes", name: "Sensitive attributes", tier: 2, category: "Data Specification", type: "string", required: true },
  { ref: "2.4.3.6", key: "data_completeness_and_representativeness", attribute: "data_completeness_and_representativeness", name: "Data completeness and representativeness", tier: 2, category: "Data Specification", type: "string", required: true },
  { ref: "2.4.3.7", key: "source_data_url", attribute: "source_data_url", name: "Source data URL", tier: 2, category: "Data Specification", type: "string", required: true },
  { ref: "2.4.3.8", key: "data_collection", attribute: "data_collection", name: "Data collection", tier: 2, category: "Data Specification", type: "string", required: true },
  { ref: "2.4.3.9", key: "data_cleaning", attribute: "data_cleaning", name: "Data cleaning", tier: 2, category: "Data Specification", type: "string", required: false },
  { ref: "2.4.3.10", key: "data_sharing_agreements", attribute: "data_sharing_agreements", name: "Data sharing agreements", tier: 2, category: "Data Specification", type: "string", required: true },
  { ref: "2.4.3.11", key: "data_access_and_storage", attribute: "data_access_and_storage", name: "Data access and storage", tier: 2, category: "Data Specification", type: "string", required: true },
  { ref: "2.5.1", key: "impact_assessment", attribute: "impact_assessment", name: "Impact assessment", tier: 2, category: "Risks, mitigations and impact assessments", type: "string", required: true },
  { ref: "2.5.2", key: "risks_and_mitigations", attribute: "risks_and_mitigations", name: "Risks and mitigations", tier: 2, category: "Risks, mitigations and impact assessments", type: "string", required: true },
] as const satisfies readonly AtrsField[];

export type AtrsKey = (typeof ATRS_3_FIELDS)[number]["key"];
export const ATRS_3_KEYS: readonly AtrsKey[] = ATRS_3_FIELDS.map((f) => f.key);
