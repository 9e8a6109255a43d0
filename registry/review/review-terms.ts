// The review vocabulary, shared by the workflow and the pages (no server code, so the browser
// bundle can use it): the ten criteria of DESIGN.md, ratings, severities and decisions.
export const CRITERIA = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const RATINGS = ["met", "partly_met", "not_met", "not_applicable"] as const;
export const SEVERITIES = ["low", "medium", "high"] as const;
export const DECISIONS = ["approve", "approve_with_conditions", "request_changes", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];
