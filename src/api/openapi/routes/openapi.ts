export default {
  routes: [
    {
      method: 'GET',
      path: '/openapi.json',
      handler: 'openapi.document',
      config: { auth: false, policies: [] },
    },
  ],
};
