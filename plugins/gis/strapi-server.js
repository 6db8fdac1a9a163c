'use strict';
// The server part is TypeScript compiled with the app (`npm run build` → dist/plugins/…).
module.exports = require('../../dist/plugins/gis/server/src/index.js').default;
