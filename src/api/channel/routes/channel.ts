// Signed by the platform, so not rate-limited per address: LINE's or Meta's servers would share one limit.
export default {
  routes: [
    {
      method: 'POST',
      path: '/channels/line/webhook',
      handler: 'channel.lineWebhook',
      config: { auth: false, policies: [] },
    },
    { method: 'GET', path: '/channels/facebook/webhook', handler: 'channel.facebookVerify', config: { auth: false, policies: [] } },
    { method: 'POST', path: '/channels/facebook/webhook', handler: 'channel.facebookWebhook', config: { auth: false, policies: [] } },
  ],
};
