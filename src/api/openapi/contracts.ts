import { z } from 'zod';
import type { RouteContract } from '../../http/contract';

export const getOpenApi = {
  method: 'GET',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This document: OpenAPI 3.1, written from the content types and the routes’ own schemas',
  tags: ['Meta'],
  responses: {
    200: { description: 'The OpenAPI 3.1 document', schema: z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }) },
    304: { description: 'Unchanged since the ETag sent in If-None-Match', media: [] },
  },
} satisfies RouteContract;
