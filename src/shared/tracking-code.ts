/**
 * A tracking code as the server issues it: NK-6911-7KQ3M (prefix, Buddhist-era year and month, five
 * characters of an alphabet without 0/O, 1/I/L or U). The case engine's TRACKING_CODE_PATTERN, for
 * code that may not import the plugin (the website, shared rules).
 */
export const TRACKING_CODE = /^[A-Z]{2}-\d{4}-[2-9A-HJKMNP-TV-Z]{5}$/;
