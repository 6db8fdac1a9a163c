/**
 * The public entry of the spreadsheet-import plugin: the ONLY file of the plugin the app may import.
 * It holds the types a content type needs to register an import target, and pure helpers (the
 * CSV/XLSX reader, column matching). No Strapi import here, so rule modules may use it too.
 *
 * The app registers its targets in its `register()` phase:
 *   strapi.plugin('spreadsheet-import').service('targets').register(myTarget)
 */
export * from './types';

export { decodeText, parseCsv, parseXlsx, readSpreadsheet, writeXlsx, SpreadsheetError, type Rows, type TextEncoding } from './spreadsheet';
export { matchColumns, looksLikeHeader, missingFields } from './columns';
