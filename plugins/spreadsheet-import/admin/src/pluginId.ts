export const PLUGIN_ID = 'spreadsheet-import';
