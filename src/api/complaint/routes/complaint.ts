export default {
  routes: [
    {
      method: 'POST',
      path: '/complaints',
      handler: 'complaint.create',
      config: { auth: false, policies: [], middlewares: ['global::rate-limit'] },
    },
    {
      method: 'POST',
      path: '/complaints/photos',
      handler: 'complaint.uploadPhotos',
      config: { auth: false, policies: [], middlewares: ['global::rate-limit'] },
    },
    {
      method: 'GET',
      path: '/complaints/track/:trackingCode',
      handler: 'complaint.track',
      config: { auth: false, policies: [] },
    },
  ],
};
