/** A tracking code as the server issues it: NK-2611-7KQ3M (prefix, year and month, five characters). */
export const TRACKING_CODE = /^[A-Z]{2}-\d{4}-[2-9A-Z]{5}$/;
