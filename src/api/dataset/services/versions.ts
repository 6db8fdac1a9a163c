import type { Core } from '@strapi/strapi';

const VERSIONS = 'api::dataset.dataset-version';

export interface VersionRecord {
  number: number;
  versionLabel: string | null;
  changeNote: string | null;
  releasedAt: string;
  slug: string;
  snapshot: Record<string, unknown>;
}

/** Fields a snapshot never keeps: who the dataset is shared with is not part of what was published. */
const LEFT_OUT = new Set(['id', 'partners', 'localizations', 'locale', 'createdBy', 'updatedBy']);

/**
 * Dataset versions: every publish records what was published (metadata and resources, with each
 * file's hash), numbered 1, 2, 3… per dataset, so a harvester or a citizen can see what changed and when.
 */
const versions = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(documentId: string): Promise<VersionRecord | null> {
    const dataset = (await strapi.documents('api::dataset.dataset').findOne({ documentId, status: 'published', populate: { resources: { populate: { file: true } } } })) as Record<
      string,
      unknown
    > | null;
    if (!dataset) return null;
    const last = (await strapi.db.query(VERSIONS).findOne({ where: { datasetDocumentId: documentId }, orderBy: { number: 'desc' }, select: ['number'] })) as { number: number } | null;
    const snapshot = Object.fromEntries(Object.entries(dataset).filter(([k]) => !LEFT_OUT.has(k)));
    snapshot.resources = ((dataset.resources as Array<Record<string, unknown>>) ?? []).map((r) => {
      const file = r.file as { name: string; url: string; hash: string; mime: string; size: number } | null;
      return { key: r.key, name: r.name, description: r.description, format: r.format, source: r.source, url: r.url, view: r.view, restricted: r.restricted, file: file ? { name: file.name, url: file.url, hash: file.hash, mime: file.mime, size: file.size } : null };
    });
    return (await strapi.db.query(VERSIONS).create({
      data: {
        datasetDocumentId: documentId,
        slug: dataset.slug,
        number: (last?.number ?? 0) + 1,
        versionLabel: (dataset.version as string | null) ?? null,
        changeNote: (dataset.changeNote as string | null) ?? null,
        releasedAt: new Date(),
        snapshot,
      },
    })) as VersionRecord;
  },

  /** A dataset's versions, newest first. */
  async list(documentId: string): Promise<VersionRecord[]> {
    return (await strapi.db.query(VERSIONS).findMany({ where: { datasetDocumentId: documentId }, orderBy: { number: 'desc' } })) as VersionRecord[];
  },
});

export type VersionsService = ReturnType<typeof versions>;
export default versions;
