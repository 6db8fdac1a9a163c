/** Complaint tracking codes are the case engine's (NK-6911-7KQ3M): one generator for every case type. */
export { newTrackingCode, TRACKING_CODE_PATTERN } from '../../../../plugins/complaint-workflow/server/src/public';
