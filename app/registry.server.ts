// The registry functions routes call from loaders and actions. They live outside app/, so the
// Remix compiler's rule that keeps *.server modules out of the browser bundle only applies
// through this file: routes import server-side registry code from here, never directly.
export { listTools, getToolDetail, getHomeSummary, getAgencyPage, listAgencies } from "../registry/tools.server";
export { renderMarkdown } from "../registry/markdown.server";
export { login, logout, LOGIN_LIMITS } from "../registry/auth/sessions.server";
export { listEvents, verifyLogCached } from "../registry/events/log.server";
export { getToolHistory } from "../registry/history/history.server";
