/** The maps' tile source, the same for everyone: the website and the admin's maps read it. */
export default {
  routes: [{ method: 'GET', path: '/map', handler: 'map.settings', config: { auth: false, policies: [] } }],
};
