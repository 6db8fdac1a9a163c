import { factories, type Core } from '@strapi/strapi';
import type { FormDefinition, FormSummary } from '../../../shared/e-form-rules';
import { toFormDefinition, toFormSummary, type StoredForm } from '../domain/definition';

const UID = 'api::e-form.e-form';

/** A published form with the ids a submission links to. */
export interface PublishedForm {
  id: number;
  documentId: string;
  definition: FormDefinition;
}

type Row = StoredForm & { id: number; documentId: string };

const methods = ({ strapi }: { strapi: Core.Strapi }) => {
  // Published versions only, whatever the caller asked: a draft is staff's work in progress.
  const published = (filters: Record<string, unknown>) =>
    strapi.documents(UID).findMany({
      status: 'published',
      filters,
      sort: [{ displayOrder: 'asc' }, { titleTh: 'asc' }],
      populate: ['fields'],
    }) as unknown as Promise<Row[]>;

  return {
    /** GET /api/e-forms: the open forms, in display order. */
    async listOpen(): Promise<FormSummary[]> {
      return (await published({ isOpen: true })).map((f) => toFormSummary(f));
    },

    /** The open forms' whole definitions (the OpenAPI document describes each one's answers). */
    async openDefinitions(): Promise<FormDefinition[]> {
      return (await published({ isOpen: true })).map(toFormDefinition);
    },

    /** A published form by its slug, open or closed; null when there is none. */
    async findPublished(slug: string): Promise<PublishedForm | null> {
      const [form] = await published({ slug });
      return form ? { id: form.id, documentId: form.documentId, definition: toFormDefinition(form) } : null;
    },

    /**
     * What the published forms look like now, in one short string: it changes when a form is
     * published, changed and published again, unpublished or deleted (the OpenAPI document's key).
     */
    async revision(): Promise<string> {
      const rows = (await strapi.db.query(UID).findMany({ where: { publishedAt: { $notNull: true } }, select: ['id', 'updatedAt', 'publishedAt'] })) as Array<{ id: number; updatedAt?: string | Date; publishedAt?: string | Date }>;
      return rows
        .map((r) => `${r.id}:${new Date(r.updatedAt ?? 0).getTime()}:${new Date(r.publishedAt ?? 0).getTime()}`)
        .sort()
        .join(',');
    },
  };
};

export type EFormService = ReturnType<typeof methods>;
export default factories.createCoreService(UID, methods);
