import { E_SERVICE_BUDGET, TRACKING_BUDGET, route } from '../../../http/contract';
import { createSubmission, trackSubmission } from '../contracts';

/**
 * Public routes only: staff work on requests in the case engine's inbox, not through the content API.
 * A tracking lookup counts against the same read budget per address as a complaint's.
 */
export default {
  routes: [route(createSubmission, 'e-form-submission.create', { middlewares: [E_SERVICE_BUDGET] }), route(trackSubmission, 'e-form-submission.track', { middlewares: [TRACKING_BUDGET] })],
};
