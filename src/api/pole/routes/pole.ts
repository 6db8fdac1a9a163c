/** Public pole routes: custom, so that only the allow-listed public view ever leaves the server. */
export default {
  routes: [
    { method: 'GET', path: '/poles', handler: 'pole.list', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/poles/:code/qr.png', handler: 'pole.qrPng', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/poles/:code/qr.svg', handler: 'pole.qrSvg', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/poles/:code', handler: 'pole.findOneByCode', config: { auth: false, policies: [] } },
    { method: 'POST', path: '/poles/:code/reports', handler: 'pole.report', config: { auth: false, policies: [], middlewares: ['global::rate-limit'] } },
  ],
};
