export const PLUGIN_ID = 'gis';
