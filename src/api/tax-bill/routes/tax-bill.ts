/** Public tax routes only: no list of bills exists for anyone but staff. */
export default {
  routes: [
    { method: 'POST', path: '/tax-bills/lookup', handler: 'tax-bill.lookup', config: { auth: false, policies: [], middlewares: ['global::rate-limit'] } },
    { method: 'GET', path: '/tax-bills/qr/:token.png', handler: 'tax-bill.qr', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/tax-rates', handler: 'tax-bill.rates', config: { auth: false, policies: [] } },
  ],
};
