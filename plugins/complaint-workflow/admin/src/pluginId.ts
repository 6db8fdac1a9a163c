export const PLUGIN_ID = 'complaint-workflow';
