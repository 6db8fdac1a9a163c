'use strict';
// The tax plugin became the spreadsheet-import plugin: its two admin permissions are now one per
// import target. Renamed before the admin starts (it drops permissions of unknown actions), so a role
// that could import bills or reconcile payments still can.
const RENAMED = {
  'plugin::tax.bills.import': 'plugin::spreadsheet-import.tax-bills',
  'plugin::tax.payments.reconcile': 'plugin::spreadsheet-import.tax-payments',
};

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('admin_permissions'))) return; // a new database has nothing to rename
    for (const [from, to] of Object.entries(RENAMED)) await knex('admin_permissions').where({ action: from }).update({ action: to });
  },
};
