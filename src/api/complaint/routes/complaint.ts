import { COMPLAINT_BUDGET, TRACKING_BUDGET, route } from '../../../http/contract';
import { createComplaint, notFixedComplaint, trackComplaint, trackComplaintPhoto, uploadComplaintPhotos } from '../contracts';

export default {
  routes: [
    route(createComplaint, 'complaint.create', { middlewares: [COMPLAINT_BUDGET] }),
    route(uploadComplaintPhotos, 'complaint.uploadPhotos', { middlewares: ['global::rate-limit'] }),
    route(trackComplaint, 'complaint.track', { middlewares: [TRACKING_BUDGET] }),
    route(trackComplaintPhoto, 'complaint.trackPhoto', { middlewares: [TRACKING_BUDGET] }),
    route(notFixedComplaint, 'complaint.notFixed', { middlewares: ['global::rate-limit'] }),
  ],
};
