/** Public routes only: staff work on requests in the case engine's inbox, not through the content API. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/e-form-submissions',
      handler: 'e-form-submission.create',
      config: { auth: false, policies: [], middlewares: ['global::rate-limit'] },
    },
    {
      method: 'GET',
      path: '/e-form-submissions/track/:trackingCode',
      handler: 'e-form-submission.track',
      config: { auth: false, policies: [] },
    },
  ],
};
