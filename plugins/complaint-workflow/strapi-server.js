'use strict';
// The server part is TypeScript compiled with the app (`npm run build` → dist/plugins/…), so
// the plugin has one build, not two.
module.exports = require('../../dist/plugins/complaint-workflow/server/src/index.js').default;
