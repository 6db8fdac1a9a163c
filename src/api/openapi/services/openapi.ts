import crypto from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { contracts, operationOf } from '../../../http/contract';
import { buildOpenApiDocument, type ContentTypeSchema } from '../../../openapi/document';
import { isPublicAction } from '../../../permissions';
import { publicUrl } from '../../../public-url';

// Content types and routes cannot change while the server runs, so the document is built once.
let cached: { body: string; etag: string } | undefined;

const openapiService = ({ strapi }: { strapi: Core.Strapi }) => ({
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
      // Every custom public route is declared with its contract (src/http/contract.ts `route`).
      extraOperations: contracts().map(operationOf),
    });
    const body = JSON.stringify(doc);
    cached = { body, etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"` };
    return cached;
  },

  /** A second boot in the same process (tests) may see other settings, such as PUBLIC_URL. */
  reset() {
    cached = undefined;
  },
});

export type OpenApiService = ReturnType<typeof openapiService>;
export default openapiService;
