/** The chat platforms a complaint can come from. */
export type Platform = 'line' | 'facebook';
