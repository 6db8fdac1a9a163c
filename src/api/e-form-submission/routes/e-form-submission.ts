import { validate } from '../../../http/contract';
import { createSubmission, trackSubmission } from '../contracts';

/** Public routes only: staff work on requests in the case engine's inbox, not through the content API. */
export default {
  routes: [
    {
      method: createSubmission.method,
      path: createSubmission.path,
      handler: 'e-form-submission.create',
      config: { auth: false, policies: [], middlewares: ['global::rate-limit', validate(createSubmission)] },
    },
    {
      method: trackSubmission.method,
      path: trackSubmission.path,
      handler: 'e-form-submission.track',
      config: { auth: false, policies: [], middlewares: [validate(trackSubmission)] },
    },
  ],
};
