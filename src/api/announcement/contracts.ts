import { z } from 'zod';
import type { RouteContract } from '../../http/contract';
import { RATE_LIMITED, isoDate } from '../../http/schemas';
import { ANNOUNCEMENT_AUDIENCES } from '../../shared/account';

/** The notices routes (public and the signed-in person's), each with the one schema that validates, types and documents it. */

export const PublicNoticeSchema = z.object({
  id: z.string().meta({ description: 'The notice’s stable id (its document id)' }),
  title: z.string(),
  body: z.string(),
  language: z.enum(['th', 'en']).meta({ description: 'The language of title and body: English when asked for and written, else Thai' }),
  audience: z.enum(ANNOUNCEMENT_AUDIENCES),
  village: z.int().nullable().meta({ description: 'หมู่ที่ (village number) when the audience is a village' }),
  publishedAt: isoDate.nullable(),
  expiresAt: isoDate.nullable(),
});

const pagination = z.object({ page: z.int(), pageSize: z.int(), pageCount: z.int(), total: z.int() });

const noticeIdParam = z.object({ id: z.string().max(40).meta({ examples: ['hb0k2v7o1m6d1x9q3n4l5s8e'] }) });

export const listNotices = {
  method: 'GET',
  path: '/notices',
  operationId: 'listNotices',
  summary: 'Public notices of the town: published, marked public and not expired, newest first',
  description: 'Thai by default; `?locale=en` gives each notice in English where staff wrote it.',
  tags: ['Notices'],
  request: {
    query: z.object({
      page: z.coerce.number().int().min(1).max(1000).default(1).meta({ description: 'Page number, from 1' }),
      pageSize: z.coerce.number().int().min(1).max(50).default(10),
      locale: z.enum(['th', 'en']).optional(),
    }),
  },
  responses: {
    200: { description: 'One page of notices', schema: z.object({ data: z.array(PublicNoticeSchema), meta: z.object({ pagination }) }) },
    400: { description: 'A page parameter is invalid' },
  },
} satisfies RouteContract;

export const getNotice = {
  method: 'GET',
  path: '/notices/:id',
  operationId: 'getNotice',
  summary: 'One public notice (published, public, not expired)',
  tags: ['Notices'],
  request: { params: noticeIdParam, query: z.object({ locale: z.enum(['th', 'en']).optional() }) },
  codes: ['notice_not_found'],
  responses: {
    200: { description: 'The notice', schema: z.object({ data: PublicNoticeSchema }) },
    404: { description: 'No public notice in force has this id (code notice_not_found)' },
  },
} satisfies RouteContract;

export const MyNoticeSchema = z.object({
  id: z.int().meta({ description: 'The delivery’s id (for marking it read)' }),
  read: z.boolean(),
  readAt: isoDate.nullable(),
  deliveredAt: isoDate.nullable(),
  channel: z.enum(['email', 'line', 'none']).meta({ description: 'How it was sent besides this page (none: only here)' }),
  notice: PublicNoticeSchema,
});

export const listMyNotices = {
  method: 'GET',
  path: '/account/notices',
  operationId: 'listMyNotices',
  summary: 'The signed-in person’s notices: announcements for their village, groups or everyone, newest first',
  tags: ['Account'],
  request: { query: z.object({ locale: z.enum(['th', 'en']).optional() }) },
  responses: {
    200: { description: 'Their notices still in force (at most 100)', schema: z.object({ data: z.array(MyNoticeSchema) }) },
    401: { description: 'Not signed in (code sign_in_required)' },
  },
} satisfies RouteContract;

export const readMyNotice = {
  method: 'POST',
  path: '/account/notices/:id/read',
  operationId: 'readMyNotice',
  summary: 'Mark one of the signed-in person’s notices read',
  tags: ['Account'],
  request: { params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }) },
  codes: ['not_found'],
  responses: {
    200: { description: 'The notice, read', schema: z.object({ data: MyNoticeSchema }) },
    401: { description: 'Not signed in (code sign_in_required)' },
    404: { description: 'No notice of theirs has this id (code not_found)' },
  },
} satisfies RouteContract;

export const createLineLink = {
  method: 'POST',
  path: '/account/line-link',
  operationId: 'createLineLink',
  summary: 'A one-time code (10 minutes) the signed-in person sends to the town’s LINE Official Account to link their LINE',
  description: 'A new code replaces the person’s previous one. Sent as a chat message that is exactly the code, it links that LINE user to this account (a LINE user links one account: linking again moves it) and the chat answers in Thai; it opens no complaint.',
  tags: ['Account'],
  responses: {
    201: {
      description: 'The code',
      schema: z.object({
        data: z.object({
          code: z.string().meta({ examples: ['NOKOK-123456'] }),
          expiresAt: isoDate,
          addFriendUrl: z.string().nullable().meta({ description: 'Adds the town’s LINE Official Account (none when the town has not set it)' }),
        }),
      }),
    },
    401: { description: 'Not signed in (code sign_in_required)' },
    429: RATE_LIMITED,
  },
} satisfies RouteContract;

export const deleteLineLink = {
  method: 'DELETE',
  path: '/account/line-link',
  operationId: 'deleteLineLink',
  summary: 'Unlink the signed-in person’s LINE; notices by LINE fall back to e-mail',
  tags: ['Account'],
  responses: {
    204: { description: 'Unlinked (also when nothing was linked)' },
    401: { description: 'Not signed in (code sign_in_required)' },
  },
} satisfies RouteContract;
