import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, isoDate } from '../../http/schemas';
import { ACCOUNT_GROUPS, ACCOUNT_LANGUAGES, ACCOUNT_LIMITS, NOTIFY_CHANNELS, SIGN_IN_CODE, profileInput } from '../../shared/account';

/** The citizen's own account: profile, export, delete, and sign-in by a one-time code. */

export const AccountView = z.object({
  id: z.int(),
  email: z.string(),
  fullName: z.string().nullable(),
  phone: z.string().nullable(),
  village: z.int().nullable(),
  groups: z.array(z.enum(ACCOUNT_GROUPS)),
  notifyBy: z.enum(NOTIFY_CHANNELS),
  language: z.enum(ACCOUNT_LANGUAGES),
  lineLinked: z.boolean(),
  confirmed: z.boolean(),
  createdAt: isoDate,
});

const accountAnswer = z.object({ data: AccountView });
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(ACCOUNT_LIMITS.email)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/)
  .meta({ format: 'email', examples: ['somsri@example.com'] });
const code = z
  .string()
  .trim()
  .refine((s) => new RegExp(`^\\d{${SIGN_IN_CODE.digits}}$`).test(s), { params: { code: 'invalid_code' } })
  .meta({ description: `The ${SIGN_IN_CODE.digits}-digit code from the e-mail`, examples: ['123456'] });

export const getAccount = {
  method: 'GET',
  path: '/account',
  operationId: 'getAccount',
  summary: "The signed-in citizen's profile",
  tags: ['Account'],
  responses: {
    200: { description: 'The profile', schema: accountAnswer },
  },
} satisfies RouteContract;

export const updateAccount = {
  method: 'PUT',
  path: '/account',
  operationId: 'updateAccount',
  summary: "Change the signed-in citizen's profile: name, phone, village, groups, notification channel, language",
  description: "Only the keys sent change; null (or a blank name or phone) clears a field. notifyBy 'line' needs a linked LINE account (code line_not_linked).",
  tags: ['Account'],
  request: { body: z.object({ data: profileInput }) },
  codes: ['invalid_phone', 'line_not_linked', 'unknown_field'],
  responses: {
    200: { description: 'The profile as changed', schema: accountAnswer },
    400: { description: 'A field is invalid; every wrong field is named with its code' },
    415: { description: 'Not JSON' },
  },
} satisfies RouteContract;

export const exportAccount = {
  method: 'GET',
  path: '/account/export',
  operationId: 'exportAccount',
  summary: 'Everything the municipality keeps about the signed-in citizen, as a JSON file',
  description: 'The profile and one list per kind of record (complaints, requests, tax bills, notices, …), as an attachment nokok-account-<id>.json.',
  tags: ['Account'],
  responses: {
    200: {
      description: 'The export',
      schema: z.object({ exportedAt: isoDate, account: AccountView }).catchall(z.array(z.unknown())),
    },
  },
} satisfies RouteContract;

export const deleteAccount = {
  method: 'DELETE',
  path: '/account',
  operationId: 'deleteAccount',
  summary: "Delete the signed-in citizen's account and every record of theirs",
  description: 'Confirmed with the password, or (for an account that signs in by code) a code from POST /account/sign-in-code. Signs out every session.',
  tags: ['Account'],
  request: {
    body: z.object({
      password: z.string().max(ACCOUNT_LIMITS.password).optional().meta({ description: "The account's password" }),
      code: code.optional(),
    }),
  },
  codes: ['password_or_code_required', 'invalid_password', 'invalid_code'],
  responses: {
    204: { description: 'Deleted' },
    400: { description: 'Neither password nor code, or a wrong one (invalid_password, invalid_code)' },
    415: { description: 'Not JSON' },
  },
} satisfies RouteContract;

export const requestSignInCode = {
  method: 'POST',
  path: '/account/sign-in-code',
  operationId: 'requestSignInCode',
  summary: 'E-mail a one-time sign-in code',
  description: `A ${SIGN_IN_CODE.digits}-digit code, valid ${SIGN_IN_CODE.minutes} minutes and ${SIGN_IN_CODE.tries} tries, goes to the address when it belongs to a confirmed account. The answer is the same whether or not it does.`,
  tags: ['Account'],
  request: { body: z.object({ email }) },
  responses: {
    202: { description: 'Accepted (the same answer for any address)', schema: z.object({ data: z.object({ sent: z.literal(true) }) }) },
    400: { description: 'The address is not an e-mail address' },
    415: { description: 'Not JSON' },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

const UserView = z.object({ id: z.int(), documentId: z.string(), email: z.string(), username: z.string(), confirmed: z.boolean(), blocked: z.boolean() }).loose();

export const verifySignInCode = {
  method: 'POST',
  path: '/account/sign-in-code/verify',
  operationId: 'verifySignInCode',
  summary: 'Sign in with a one-time code: the same answer as POST /auth/local',
  description: 'An access token and the user; the refresh token is set as the httpOnly nokok_session cookie (Path /api).',
  tags: ['Account'],
  request: { body: z.object({ email, code }) },
  codes: ['invalid_code'],
  responses: {
    200: { description: 'Signed in', schema: z.object({ jwt: z.string(), user: UserView }) },
    400: { description: 'The code is wrong, expired, used or tried too often (invalid_code, one answer for all)' },
    415: { description: 'Not JSON' },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;
