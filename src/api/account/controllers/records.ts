import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { inputOf, notFound } from '../../../http/contract';
import { tooManyRequests } from '../../../http/windows';
import { FAILED_LOOKUPS_PER_BILL, proveBill } from '../../tax-bill/bill-proof';
import { claimRecord, getAccountComplaint, getAccountRequest, getAccountTaxBill, linkAccountTaxBill, listAccountComplaints, listAccountRequests, listAccountSurveys, listAccountTaxBills, unlinkAccountTaxBill } from '../records-contracts';
import { FAILED_CLAIMS_PER_CODE, type RecordsService } from '../services/records';

/** The signed-in person: the route's auth (users-permissions, Authenticated role) ran before this. */
const userOf = (ctx: Context): number => (ctx.state as { user: { id: number } }).user.id;

/** Thin: the contract validated the input and the route signed the person in; answers are their own only. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const records = () => strapi.service('api::account.records') as RecordsService;
  // Personal answers: no shared cache may keep them.
  const personal = (ctx: Context, body: unknown) => {
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = body;
  };
  return {
    async complaints(ctx: Context) {
      inputOf(ctx, listAccountComplaints);
      personal(ctx, { data: await records().complaints(userOf(ctx)) });
    },
    async complaint(ctx: Context) {
      const { params, language } = inputOf(ctx, getAccountComplaint);
      const found = await records().complaint(userOf(ctx), params.trackingCode);
      if (!found) throw notFound('not_found', language);
      personal(ctx, { data: found });
    },
    async requests(ctx: Context) {
      inputOf(ctx, listAccountRequests);
      personal(ctx, { data: await records().requests(userOf(ctx)) });
    },
    async request(ctx: Context) {
      const { params, language } = inputOf(ctx, getAccountRequest);
      const found = await records().request(userOf(ctx), params.trackingCode);
      if (!found) throw notFound('not_found', language);
      personal(ctx, { data: found });
    },
    async surveys(ctx: Context) {
      inputOf(ctx, listAccountSurveys);
      personal(ctx, { data: await records().surveys(userOf(ctx)) });
    },
    async taxBills(ctx: Context) {
      inputOf(ctx, listAccountTaxBills);
      personal(ctx, { data: await records().bills(userOf(ctx)) });
    },
    /** POST /api/account/tax-bills: proved by the public lookup's rule and lock, then linked. */
    async linkTaxBill(ctx: Context) {
      const { body, language } = inputOf(ctx, linkAccountTaxBill);
      const proof = await proveBill(strapi, body.data.billNumber, body.data.nationalId, ctx.request.ip);
      if ('locked' in proof) return tooManyRequests(ctx, 'bill_locked', proof.locked, { limit: FAILED_LOOKUPS_PER_BILL });
      if ('notFound' in proof) throw notFound('bill_not_found', language);
      ctx.status = 201;
      personal(ctx, { data: await records().linkBill(userOf(ctx), proof.bill) });
    },
    async taxBill(ctx: Context) {
      const { params, language } = inputOf(ctx, getAccountTaxBill);
      const found = await records().bill(userOf(ctx), params.billNumber);
      if (!found) throw notFound('bill_not_found', language);
      personal(ctx, { data: found });
    },
    async unlinkTaxBill(ctx: Context) {
      const { params, language } = inputOf(ctx, unlinkAccountTaxBill);
      if (!(await records().unlinkBill(userOf(ctx), params.billNumber))) throw notFound('bill_not_found', language);
      ctx.status = 204;
    },
    async claim(ctx: Context) {
      const { body, language } = inputOf(ctx, claimRecord);
      const outcome = await records().claim(userOf(ctx), body.data.trackingCode, body.data.contact);
      if (outcome?.locked !== undefined) return tooManyRequests(ctx, 'claim_locked', outcome.locked, { limit: FAILED_CLAIMS_PER_CODE });
      if (!outcome) throw notFound('claim_not_found', language);
      personal(ctx, { data: outcome.record });
    },
  };
};
