/**
 * The admin permissions of data sharing and the token lifetimes staff may choose. Kept free of
 * imports, as the admin bundle (the data sharing page, its menu link) reads it too.
 */

/** Name partner agencies' tokens: issue a new one, which revokes the agency's previous token. */
export const SHARING_MANAGE = 'api::data-sharing.manage';
/** Read and export the access log of partners' reads of restricted data. */
export const SHARING_READ_LOG = 'api::data-sharing.read-log';

/** The lifetimes, in days, of a partner's token: a month, a quarter, half a year, a year. */
export const TOKEN_DAYS = [30, 90, 180, 365] as const;
export type TokenDays = (typeof TOKEN_DAYS)[number];

/** A token this close to its expiry is shown as expiring, so staff issue the next one in time. */
export const EXPIRING_DAYS = 14;
