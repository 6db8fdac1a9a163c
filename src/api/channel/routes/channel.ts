// Signed by the platform, so not rate-limited per address: LINE's servers would share one limit.
export default {
  routes: [
    {
      method: 'POST',
      path: '/channels/line/webhook',
      handler: 'channel.lineWebhook',
      config: { auth: false, policies: [] },
    },
  ],
};
