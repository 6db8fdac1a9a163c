'use strict';
// Removes the template database global-setup.js made.
const { dropTemplate } = require('./template-db');

module.exports = async () => {
  await dropTemplate();
};
