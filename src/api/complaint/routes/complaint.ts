import { route } from '../../../http/contract';
import { createComplaint, trackComplaint, uploadComplaintPhotos } from '../contracts';

export default {
  routes: [
    route(createComplaint, 'complaint.create', { middlewares: ['global::rate-limit'] }),
    route(uploadComplaintPhotos, 'complaint.uploadPhotos', { middlewares: ['global::rate-limit'] }),
    route(trackComplaint, 'complaint.track'),
  ],
};
