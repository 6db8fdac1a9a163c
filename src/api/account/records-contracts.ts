import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, TOO_LARGE, label, trackingCodeParam } from '../../http/schemas';
import { PublicComplaint } from '../complaint/contracts';
import { PublicSubmission } from '../e-form-submission/contracts';
import { PublicBill } from '../tax-bill/contracts';
import { TRACKING_CODE_PATTERN } from '../complaint/domain/tracking-code';
import { CASE_TYPES } from '../../shared/survey-rules';
import { claimInput, CLAIM_CODES } from '../../shared/account-claim';
import { billReference, taxLookupInput, TAX_LOOKUP_CODES } from '../../shared/tax-lookup';

/**
 * "My records": a signed-in person's complaints, e-service requests, survey links and tax bills.
 * Every route answers only the caller's own records; another person's code answers exactly like an
 * unknown one (404), so codes and bill numbers cannot be probed through an account.
 */
const SIGNED_OUT = { description: 'Not signed in, or the session was signed out (code sign_in_required)' };
const TAGS = ['Account'];

export const AccountComplaint = PublicComplaint.extend({
  title: z.string().nullable().meta({ description: 'The title the person gave (not in the public view)' }),
});
export const AccountRequest = PublicSubmission.extend({
  form: z.object({ slug: z.string(), title: label }).nullable().meta({ description: 'The e-service form it was filed through; null for a free-form request' }),
});

const complaintCode = trackingCodeParam(TRACKING_CODE_PATTERN, 'NK-6912-7KQ3M');
const requestCode = trackingCodeParam(TRACKING_CODE_PATTERN, 'ES-6912-7KQ3M');
const billNumberParam = z
  .string()
  .max(40)
  .meta({ examples: ['DEMO-2569-0001'] })
  .refine((s) => billReference(s) !== null, { params: { code: 'invalid_bill_number' } });

export const listAccountComplaints = {
  method: 'GET',
  path: '/account/complaints',
  operationId: 'listAccountComplaints',
  summary: "The signed-in person's complaints (filed signed in, or claimed), newest first",
  tags: TAGS,
  responses: { 200: { description: 'Their complaints', schema: z.object({ data: z.array(AccountComplaint) }) }, 401: SIGNED_OUT },
} satisfies RouteContract;

export const getAccountComplaint = {
  method: 'GET',
  path: '/account/complaints/:trackingCode',
  operationId: 'getAccountComplaint',
  summary: "One of the signed-in person's complaints",
  tags: TAGS,
  request: { params: z.object({ trackingCode: complaintCode }) },
  codes: ['invalid_tracking_code'],
  responses: {
    200: { description: 'The complaint', schema: z.object({ data: AccountComplaint }) },
    400: { description: 'Not a tracking code' },
    401: SIGNED_OUT,
    404: { description: 'No complaint of theirs has this code (code not_found; the same for another person’s)' },
  },
} satisfies RouteContract;

export const listAccountRequests = {
  method: 'GET',
  path: '/account/requests',
  operationId: 'listAccountRequests',
  summary: "The signed-in person's e-service requests, newest first",
  tags: TAGS,
  responses: { 200: { description: 'Their requests', schema: z.object({ data: z.array(AccountRequest) }) }, 401: SIGNED_OUT },
} satisfies RouteContract;

export const getAccountRequest = {
  method: 'GET',
  path: '/account/requests/:trackingCode',
  operationId: 'getAccountRequest',
  summary: "One of the signed-in person's e-service requests",
  tags: TAGS,
  request: { params: z.object({ trackingCode: requestCode }) },
  codes: ['invalid_tracking_code'],
  responses: {
    200: { description: 'The request', schema: z.object({ data: AccountRequest }) },
    400: { description: 'Not a tracking code' },
    401: SIGNED_OUT,
    404: { description: 'No request of theirs has this code (code not_found; the same for another person’s)' },
  },
} satisfies RouteContract;

const CaseRatingLink = z.object({
  caseType: z.enum(CASE_TYPES),
  trackingCode: z.string(),
  token: z.string().meta({ description: 'The one-time rating token (GET|POST /case-ratings/{token})' }),
  url: z.string().meta({ description: "The website's rating page" }),
  answered: z.boolean(),
});
const OpenSurvey = z.object({ slug: z.string(), title: label, url: z.string().meta({ description: "The survey's page on the website" }) });

export const listAccountSurveys = {
  method: 'GET',
  path: '/account/surveys',
  operationId: 'listAccountSurveys',
  summary: "Rating links of the signed-in person's finished cases, and the open general surveys",
  tags: TAGS,
  responses: {
    200: { description: 'Survey links', schema: z.object({ data: z.object({ caseRatings: z.array(CaseRatingLink), surveys: z.array(OpenSurvey) }) }) },
    401: SIGNED_OUT,
  },
} satisfies RouteContract;

export const listAccountTaxBills = {
  method: 'GET',
  path: '/account/tax-bills',
  operationId: 'listAccountTaxBills',
  summary: 'The tax bills the signed-in person proved to own, with the amount due and the payment QR',
  tags: TAGS,
  responses: { 200: { description: 'Their bills, newest tax year first', schema: z.object({ data: z.array(PublicBill) }) }, 401: SIGNED_OUT },
} satisfies RouteContract;

export const linkAccountTaxBill = {
  method: 'POST',
  path: '/account/tax-bills',
  operationId: 'linkAccountTaxBill',
  summary: "Links a tax bill to the account, proved once by its number and the owner's national ID (rate-limited)",
  description:
    'The same rule, budget and lock as POST /tax-bills/lookup: a wrong ID answers exactly like an unknown bill (404 bill_not_found); after 5 failed tries of a bill in 15 minutes, 429 (bill_locked). The ID is not kept.',
  tags: TAGS,
  request: { body: z.object({ data: taxLookupInput }) },
  codes: TAX_LOOKUP_CODES,
  responses: {
    201: { description: "Linked: the bill's public view", schema: z.object({ data: PublicBill }) },
    400: { description: 'A missing field, a bill number with characters no bill number has, or a national ID whose check digit does not match' },
    401: SIGNED_OUT,
    404: { description: 'No bill matches this number and ID (code bill_not_found)' },
    413: TOO_LARGE,
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

export const getAccountTaxBill = {
  method: 'GET',
  path: '/account/tax-bills/:billNumber',
  operationId: 'getAccountTaxBill',
  summary: 'One of the tax bills linked to the account',
  tags: TAGS,
  request: { params: z.object({ billNumber: billNumberParam }) },
  codes: ['invalid_bill_number'],
  responses: {
    200: { description: "The bill's public view", schema: z.object({ data: PublicBill }) },
    400: { description: 'Not a bill number' },
    401: SIGNED_OUT,
    404: { description: 'No bill of this number is linked to the account (code bill_not_found)' },
  },
} satisfies RouteContract;

export const unlinkAccountTaxBill = {
  method: 'DELETE',
  path: '/account/tax-bills/:billNumber',
  operationId: 'unlinkAccountTaxBill',
  summary: 'Removes a tax bill from the account (the bill itself stays)',
  tags: TAGS,
  request: { params: z.object({ billNumber: billNumberParam }) },
  codes: ['invalid_bill_number'],
  responses: {
    204: { description: 'Removed' },
    400: { description: 'Not a bill number' },
    401: SIGNED_OUT,
    404: { description: 'No bill of this number is linked to the account (code bill_not_found)' },
  },
} satisfies RouteContract;

export const claimRecord = {
  method: 'POST',
  path: '/account/claims',
  operationId: 'claimAccountRecord',
  summary: 'Adds a complaint or e-service request filed signed out to the account, by its tracking code and the e-mail or phone given when filing (rate-limited)',
  description:
    'A wrong contact, an unknown code and a record already in another account answer alike (404 claim_not_found). After 5 failed claims of a code in 15 minutes, 429 (claim_locked) for that code.',
  tags: TAGS,
  request: { body: z.object({ data: claimInput }) },
  codes: CLAIM_CODES,
  responses: {
    200: {
      description: 'Claimed (or already theirs): the record',
      schema: z.object({
        data: z.discriminatedUnion('recordType', [AccountComplaint.extend({ recordType: z.literal('complaint') }), AccountRequest.extend({ recordType: z.literal('request') })]),
      }),
    },
    400: { description: 'A missing field, or a contact that is neither an e-mail nor a Thai phone number' },
    401: SIGNED_OUT,
    404: { description: 'No record of this code with that contact that could be theirs (code claim_not_found)' },
    413: TOO_LARGE,
    429: RATE_LIMITED,
  },
} satisfies RouteContract;
