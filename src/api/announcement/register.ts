import type { Core } from '@strapi/strapi';
import { followOwnedCases } from './owner-notices';
import { ANNOUNCEMENT, type NoticesService } from './services/notices';
import type { LineLinkService } from './services/line-link';
import type { AccountDataService } from '../account/services/data';

const notices = (strapi: Core.Strapi) => strapi.service('api::announcement.notices') as NoticesService;
const lineLinks = (strapi: Core.Strapi) => strapi.service('api::announcement.line-link') as LineLinkService;

/** The register phase: deliveries on publish, and owners told about their cases (after the case types are registered). */
export function registerNotices(strapi: Core.Strapi) {
  followOwnedCases(strapi);
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if ((ctx.uid as string) !== ANNOUNCEMENT) return result;
    const params = ctx.params as { documentId?: string; status?: string };
    const publishing = ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (publishing && documentId) notices(strapi).deliverLater(documentId);
    return result;
  });
}

/** The bootstrap phase: what the account export and deletion include of notices and the LINE link. */
export function registerNoticeData(strapi: Core.Strapi) {
  const registry = strapi.service('api::account.data') as AccountDataService;
  registry.register({ name: 'notices', export: (id) => notices(strapi).exportFor(id), erase: (id) => notices(strapi).eraseFor(id) });
  registry.register({ name: 'lineLink', export: (id) => lineLinks(strapi).exportFor(id), erase: (id) => lineLinks(strapi).eraseFor(id) });
}

/** The LINE inbox asks this first: a message that is a live link code links and opens no complaint. */
export const claimLineLink = (strapi: Core.Strapi, lineUserId: string, text: string, say: (message: string) => Promise<void>) => lineLinks(strapi).claim(lineUserId, text, say);

/** Lets deliveries being made finish (shutdown). */
export const noticesIdle = (strapi: Core.Strapi) => notices(strapi).idle();
