import { route } from '../../../http/contract';
import { TAX_LOOKUP_BUDGET } from '../../tax-bill/bill-proof';
import { claimRecord, getAccountComplaint, getAccountRequest, getAccountTaxBill, linkAccountTaxBill, listAccountComplaints, listAccountRequests, listAccountSurveys, listAccountTaxBills, unlinkAccountTaxBill } from '../records-contracts';

/** The claim budget: tries per address, apart from filing (the per-code lock is the service's). */
const CLAIM_BUDGET = { name: 'global::rate-limit', config: { bucket: 'account-claims' } };

/** "My records": signed-in routes (Authenticated role, src/permissions.ts), each answering the caller's own records only. */
export default {
  routes: [
    route(listAccountComplaints, 'records.complaints', { auth: 'user' }),
    route(getAccountComplaint, 'records.complaint', { auth: 'user' }),
    route(listAccountRequests, 'records.requests', { auth: 'user' }),
    route(getAccountRequest, 'records.request', { auth: 'user' }),
    route(listAccountSurveys, 'records.surveys', { auth: 'user' }),
    route(listAccountTaxBills, 'records.taxBills', { auth: 'user' }),
    // The same per-address budget and per-bill lock as the public lookup.
    route(linkAccountTaxBill, 'records.linkTaxBill', { auth: 'user', middlewares: [TAX_LOOKUP_BUDGET] }),
    route(getAccountTaxBill, 'records.taxBill', { auth: 'user' }),
    route(unlinkAccountTaxBill, 'records.unlinkTaxBill', { auth: 'user' }),
    route(claimRecord, 'records.claim', { auth: 'user', middlewares: [CLAIM_BUDGET] }),
  ],
};
