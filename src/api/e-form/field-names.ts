import type { Core } from '@strapi/strapi';
import { fillFieldNames, type StoredField } from './domain/definition';

/**
 * A field's `name` is the key its answer is stored under, so it is filled on the server whoever
 * saves a form (the Content Manager, the seed, a script): blank names get the English label's key
 * (`date_of_birth`), else `field_<n>`, unique within the form. A name a field already has never
 * changes, even when staff blank it: submissions already filed keep their answers under it.
 */
const UID = 'api::e-form.e-form';

type Entry = StoredField & { id?: number };

/** The names stored for these component rows, by kind and id. */
async function storedNames(strapi: Core.Strapi, entries: Entry[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const e of entries) {
    if (typeof e.id !== 'number' || typeof e.__component !== 'string' || !e.__component.startsWith('eform.')) continue;
    const row = (await strapi.db.query(e.__component).findOne({ where: { id: e.id }, select: ['name'] })) as { name?: string | null } | null;
    if (row?.name) names.set(`${e.__component}#${e.id}`, row.name);
  }
  return names;
}

export async function fillFormFieldNames(strapi: Core.Strapi, data: Record<string, unknown> | undefined, updating: boolean): Promise<void> {
  if (!data || !Array.isArray(data.fields)) return;
  const entries = (data.fields as unknown[]).filter((e): e is Entry => typeof e === 'object' && e !== null && typeof (e as Entry).__component === 'string');
  if (entries.length !== data.fields.length) return; // not ours to judge: Strapi's validation answers it
  const kept = updating ? await storedNames(strapi, entries) : new Map<string, string>();
  const withKept = entries.map((e) => {
    const old = typeof e.id === 'number' ? kept.get(`${e.__component}#${e.id}`) : undefined;
    return old ? { ...e, name: old } : e;
  });
  data.fields = fillFieldNames(withKept);
}

export function registerFieldNames(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid === UID && (ctx.action === 'create' || ctx.action === 'update')) {
      await fillFormFieldNames(strapi, (ctx.params as { data?: Record<string, unknown> }).data, ctx.action === 'update');
    }
    return next();
  });
}
