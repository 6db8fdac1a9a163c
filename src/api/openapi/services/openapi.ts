import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { buildOpenApiDocument, type ContentTypeSchema, type ExtraOperation } from '../../../openapi/document';
import { isPublicAction } from '../../../permissions';

// Content types cannot change while the server runs, so the document is built once.
let cached: { body: string; etag: string } | undefined;
const extraOperations: ExtraOperation[] = [];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Custom public routes describe themselves here so they appear in the document. */
  register(operation: ExtraOperation) {
    const i = extraOperations.findIndex((o) => o.path === operation.path && o.method === operation.method);
    if (i >= 0) extraOperations.splice(i, 1); // a second boot in the same process re-registers
    extraOperations.push(operation);
    cached = undefined;
  },

  document(): { body: string; etag: string } {
    if (cached) return cached;
    const contentTypes = Object.values(strapi.contentTypes).filter((ct) => ct.uid.startsWith('api::')) as unknown as ContentTypeSchema[];
    const doc = buildOpenApiDocument({
      contentTypes,
      isPublic: isPublicAction,
      serverUrl: process.env.PUBLIC_URL?.replace(/\/$/, ''),
      version: (strapi.config.get('info.version') as string) || '0.0.0',
      extraOperations,
    });
    const body = JSON.stringify(doc);
    cached = { body, etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"` };
    return cached;
  },
});
