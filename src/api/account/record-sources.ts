import type { Core } from '@strapi/strapi';
import type { RecordsService } from './services/records';
import type { AccountDataService } from './services/data';

/**
 * "My records" in the account's data export and erasure (the account-data registry, api::account.data).
 * Ratings first: they are found through the cases' owner, which erasing the cases removes. A claim is
 * the owner relation itself, so it is exported and erased with its complaint or request.
 */
export function registerRecordSources(strapi: Core.Strapi) {
  const records = () => strapi.service('api::account.records') as RecordsService;
  const registry = strapi.service('api::account.data') as AccountDataService;
  registry.register({ name: 'caseRatings', export: (id) => records().exportCaseRatings(id), erase: (id) => records().eraseCaseRatings(id) });
  registry.register({ name: 'complaints', export: (id) => records().exportComplaints(id), erase: (id) => records().eraseComplaints(id) });
  registry.register({ name: 'requests', export: (id) => records().exportRequests(id), erase: (id) => records().eraseRequests(id) });
  registry.register({ name: 'taxBills', export: (id) => records().exportTaxBills(id), erase: (id) => records().eraseTaxBills(id) });
}
