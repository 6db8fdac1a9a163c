export { TRACKING_CODE } from '../../src/shared/tracking-code';
