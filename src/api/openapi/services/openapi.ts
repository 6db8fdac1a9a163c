import crypto from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { buildOpenApiDocument, type ContentTypeSchema, type ExtraOperation } from '../../../openapi/document';
import { isPublicAction } from '../../../permissions';
import { publicUrl } from '../../../public-url';

// Content types cannot change while the server runs, so the document is built once.
let cached: { body: string; etag: string } | undefined;
const extraOperations: ExtraOperation[] = [];

const openapiService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Custom public routes describe themselves here so they appear in the document. */
  register(operation: ExtraOperation) {
    const i = extraOperations.findIndex((o) => o.path === operation.path && o.method === operation.method);
    if (i >= 0) extraOperations.splice(i, 1); // a second boot in the same process re-registers
    extraOperations.push(operation);
    cached = undefined;
  },

  document(): { body: string; etag: string } {
    if (cached) return cached;
    // The document builder reads schemas as plain data (it imports nothing of Strapi): the loaded
    // schemas carry every field it reads, in Strapi's wider attribute types.
    const contentTypes = (Object.keys(strapi.contentTypes) as UID.ContentType[])
      .filter((uid) => uid.startsWith('api::'))
      .map((uid) => strapi.contentType(uid)) as unknown as ContentTypeSchema[];
    const doc = buildOpenApiDocument({
      contentTypes,
      isPublic: isPublicAction,
      serverUrl: publicUrl(strapi),
      version: strapi.config.get<string>('info.version') || '0.0.0',
      extraOperations,
    });
    const body = JSON.stringify(doc);
    cached = { body, etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"` };
    return cached;
  },
});

export type OpenApiService = ReturnType<typeof openapiService>;
export default openapiService;
