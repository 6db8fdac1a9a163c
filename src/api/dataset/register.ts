import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { asciiName } from './domain/ckan';
import type { CatalogueService } from './services/catalogue';
import type { VersionsService } from './services/versions';

const UID = 'api::dataset.dataset';
/** CKAN's rule for a package name, which harvesters rely on. */
const CKAN_NAME = /^[a-z0-9][a-z0-9_-]{1,99}$/;

type Data = Record<string, unknown>;


/** Each resource keeps one id for good (CKAN's resource id); its format is read from its file when staff leave it empty. */
function fillResources(data: Data) {
  if (!Array.isArray(data.resources)) return;
  for (const r of data.resources as Data[]) {
    if (!r || typeof r !== 'object') continue;
    if (typeof r.key !== 'string' || !/^[0-9a-f-]{36}$/.test(r.key)) r.key = crypto.randomUUID();
    if (typeof r.format === 'string') r.format = r.format.trim().toUpperCase().replace(/^\./, '') || null;
  }
}

/** The slug is the CKAN name: lower case, ASCII; from the English title when staff leave Strapi's placeholder. */
function fillSlug(data: Data) {
  if (!('slug' in data) && !('titleEn' in data)) return;
  const asked = typeof data.slug === 'string' ? asciiName(data.slug) : '';
  const fromTitle = typeof data.titleEn === 'string' ? asciiName(data.titleEn) : '';
  if (CKAN_NAME.test(asked) && asked !== 'dataset') data.slug = asked;
  else if (CKAN_NAME.test(fromTitle)) data.slug = fromTitle;
  else if ('slug' in data) data.slug = `dataset-${crypto.randomBytes(3).toString('hex')}`;
}

/**
 * Dataset rules on every write, whoever writes (admin, seed, tests): resource ids and formats, the
 * CKAN name; after a save, tabular files are loaded into the data store in the background; after a
 * publish, the version is recorded.
 */
export function registerDatasets(strapi: Core.Strapi): void {
  const catalogue = () => strapi.service('api::dataset.catalogue') as CatalogueService;
  const versions = () => strapi.service('api::dataset.versions') as VersionsService;
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== UID) return next();
    const params = ctx.params as { data?: Data; documentId?: string };
    if ((ctx.action === 'create' || ctx.action === 'update') && params.data) {
      fillResources(params.data);
      fillSlug(params.data);
    }
    const result = await next();
    const written = result as { documentId?: string; entries?: Array<{ documentId?: string }> } | null;
    const documentId = params.documentId ?? written?.documentId ?? written?.entries?.[0]?.documentId;
    if (['create', 'update', 'publish', 'delete', 'unpublish', 'discardDraft'].includes(ctx.action)) {
      catalogue().queueSync(ctx.action === 'delete' ? undefined : documentId);
    }
    if (ctx.action === 'publish' && documentId) await versions().record(documentId);
    return result;
  });
}
