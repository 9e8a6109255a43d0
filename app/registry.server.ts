// The registry functions routes call from loaders and actions. They live outside app/, so the
// Remix compiler's rule that keeps *.server modules out of the browser bundle only applies
// through this file: routes import server-side registry code from here, never directly.
export { ctxOf } from "../registry/shared/context";
export { listTools } from "../registry/records/list.server";
export { getToolDetail } from "../registry/records/detail.server";
export { getHomeSummary } from "../registry/records/home.server";
export { getAgencyPage, listAgencies } from "../registry/records/agencies.server";
export { getSunsetOverview, sunsetFeed } from "../registry/lifecycle/sunsets.server";
export { renderMarkdown } from "../registry/shared/markdown.server";
export { login, logout, LOGIN_LIMITS } from "../registry/auth/sessions.server";
export { listEvents, recentEvents } from "../registry/log/log.server";
export { actorAgencyNames } from "../registry/log/actors.server";
export { chainStatus } from "../registry/log/watch.server";
export { getToolHistory } from "../registry/records/history.server";
export { createDraft, saveDraftSection, getDraft } from "../registry/review/drafts.server";
export { submitDraft, withdraw, startRevision } from "../registry/review/submission.server";
export { startReview, recordFinding, recordFindings, decide } from "../registry/review/review.server";
export { listAgencyWork, reviewQueue, getReviewPage, getOwnerView } from "../registry/review/queues.server";
export { retireTool } from "../registry/lifecycle/retire.server";
export { recordFact } from "../registry/lifecycle/facts.server";
export { postConsultationResponse } from "../registry/voice/consultation.server";
export { confirmResponsibility } from "../registry/review/co-responsibility.server";
export { sectionNode, formToValue, applyListButton } from "../registry/standard/schema-form";
export { diffRecords } from "../registry/records/diff";
export { registerNow } from "../registry/shared/clock.server";
export { listIncidents, parseIncidentQuery } from "../registry/lifecycle/incidents.server";
export { postComment, replyToComment, listPendingComments, moderateComment, commentContactsForAgency } from "../registry/voice/comments.server";
export { submitReport, listReports, resolveReport, listKnownUnregistered } from "../registry/voice/reports.server";
export { getToolHistoryExport } from "../registry/records/history.server";
export { runImport, IMPORT_MODES, type ImportReport, type ImportMode } from "../registry/exchange/import/import.server";
export { exportAgencyInventory } from "../registry/exchange/import/inventory.server";
export { IMPORT_MAX_BYTES } from "../registry/exchange/import/limits";
export { IMPORT_COLUMNS, COMPUTED_COLUMNS } from "../registry/exchange/import/columns";
export { apiIndex, apiOpenApiDocument, apiDocumentation } from "../registry/exchange/api/about";
export { apiListTools, apiGetTool, recordFile, apiToolRevisions } from "../registry/exchange/api/tools.server";
export { apiListAgencies, apiGetAgency } from "../registry/exchange/api/agencies.server";
export { apiListIncidents } from "../registry/exchange/api/incidents.server";
export { apiListEvents } from "../registry/exchange/api/events.server";
