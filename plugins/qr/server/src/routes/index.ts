/** Staff only (admin JWT): the public QR images are served by the features that own them (e.g. poles). */
export default {
  admin: {
    type: 'admin',
    routes: [{ method: 'GET', path: '/render', handler: 'qr.render', config: { policies: ['admin::isAuthenticatedAdmin'] } }],
  },
};
