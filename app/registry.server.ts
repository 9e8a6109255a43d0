// The registry functions routes call from loaders and actions. They live outside app/, so the
// Remix compiler's rule that keeps *.server modules out of the browser bundle only applies
// through this file: routes import server-side registry code from here, never directly.
export { listTools, getToolDetail, getHomeSummary, getAgencyPage, listAgencies, getSunsetOverview, sunsetFeed } from "../registry/tools.server";
export { renderMarkdown } from "../registry/markdown.server";
export { login, logout, LOGIN_LIMITS } from "../registry/auth/sessions.server";
export { listEvents, recentEvents } from "../registry/events/log.server";
export { actorAgencyNames } from "../registry/events/actors.server";
export { chainStatus } from "../registry/events/watch.server";
export { getToolHistory } from "../registry/history/history.server";
export {
  createDraft,
  saveDraftSection,
  getDraft,
  submitDraft,
  withdraw,
  startRevision,
  retireTool,
  startReview,
  recordFinding,
  decide,
  listAgencyWork,
  reviewQueue,
  getReviewPage,
  getOwnerView,
  postConsultationResponse,
  recordFact,
} from "../registry/workflow/workflow.server";
export { confirmResponsibility } from "../registry/workflow/co-responsibility.server";
export { sectionNode, formToValue, applyListButton } from "../registry/forms/schema-form";
export { diffRecords } from "../registry/history/diff";
export { registerNow } from "../registry/clock.server";
export { listIncidents, parseIncidentQuery } from "../registry/incidents.server";
export { postComment, replyToComment, listPendingComments, moderateComment, commentContactsForAgency } from "../registry/comments.server";
export { submitReport, listReports, resolveReport, listKnownUnregistered } from "../registry/reports.server";
export { getToolHistoryExport } from "../registry/history/history.server";
export { runImport, exportAgencyInventory, IMPORT_MODES, type ImportReport, type ImportMode } from "../registry/import/import.server";
export { IMPORT_MAX_BYTES, IMPORT_COLUMNS, COMPUTED_COLUMNS } from "../registry/import/format";
export {
  apiIndex,
  apiListTools,
  apiGetTool,
  recordFile,
  apiToolRevisions,
  apiListAgencies,
  apiGetAgency,
  apiListIncidents,
  apiListEvents,
  apiOpenApiDocument,
  apiDocumentation,
} from "../registry/api/api.server";
