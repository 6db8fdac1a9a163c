export const PLUGIN = 'complaint-workflow';
