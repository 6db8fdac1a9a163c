/**
 * The ITA/OIT and good-governance pages' admin permissions. Kept free of imports, as the admin
 * bundle (the pages, their menu links) reads it too.
 */

/** Read the ITA/OIT checklist page: counts per group, what is missing or stale. */
export const TRANSPARENCY_READ = 'api::transparency.read';

/** Read the good-governance dashboard: the six principles' indicators by quarter. */
export const GOVERNANCE_READ = 'api::governance.read';
