/**
 * The e-service dashboard's admin permission and how often its page refreshes. Kept free of imports,
 * as the admin bundle (the dashboard page, its menu link) reads it too.
 */

/** Read the e-service dashboard: requests by service and state, deadlines, paper saved. */
export const E_SERVICE_DASHBOARD = 'api::e-service.dashboard';

/** The dashboard page asks for fresh figures this often while it is visible. */
export const DASHBOARD_REFRESH_MS = 10_000;
