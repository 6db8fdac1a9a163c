// The spec picks the answer's format by a suffix; only the two formats we serve match a route.
const FORMAT = ':format(json|xml)';
const open = { auth: false as const, policies: [] };

export default {
  routes: [
    { method: 'GET', path: `/open311/discovery.${FORMAT}`, handler: 'open311.discovery', config: open },
    { method: 'GET', path: `/open311/v2/services.${FORMAT}`, handler: 'open311.services', config: open },
    { method: 'GET', path: `/open311/v2/services/:service_code.${FORMAT}`, handler: 'open311.serviceDefinition', config: open },
    { method: 'POST', path: `/open311/v2/requests.${FORMAT}`, handler: 'open311.createRequest', config: { ...open, middlewares: ['global::rate-limit'] } },
    { method: 'GET', path: `/open311/v2/requests.${FORMAT}`, handler: 'open311.requests', config: open },
    { method: 'GET', path: `/open311/v2/requests/:service_request_id.${FORMAT}`, handler: 'open311.request', config: open },
  ],
};
