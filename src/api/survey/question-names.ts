import type { Core } from '@strapi/strapi';
import { fillFieldNames } from '../e-form/domain/definition';

/**
 * A question's `name` is the key its answers are stored under, so it is filled on the server whoever
 * saves a survey (the Content Manager, the seed), by the e-service forms' rule: blank names get the
 * English label's key, else `field_<n>`, unique within the survey. A name once given never changes.
 */
const UID = 'api::survey.survey';

type Entry = { __component: string; id?: number; name?: string | null; labelEn?: string | null };

async function storedNames(strapi: Core.Strapi, entries: Entry[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const e of entries) {
    if (typeof e.id !== 'number' || !e.__component.startsWith('survey.')) continue;
    const row = (await strapi.db.query(e.__component).findOne({ where: { id: e.id }, select: ['name'] })) as { name?: string | null } | null;
    if (row?.name) names.set(`${e.__component}#${e.id}`, row.name);
  }
  return names;
}

export async function fillQuestionNames(strapi: Core.Strapi, data: Record<string, unknown> | undefined, updating: boolean): Promise<void> {
  if (!data || !Array.isArray(data.questions)) return;
  const entries = (data.questions as unknown[]).filter((e): e is Entry => typeof e === 'object' && e !== null && typeof (e as Entry).__component === 'string');
  if (entries.length !== data.questions.length) return; // not ours to judge: Strapi's validation answers it
  const kept = updating ? await storedNames(strapi, entries) : new Map<string, string>();
  data.questions = fillFieldNames(
    entries.map((e) => {
      const old = typeof e.id === 'number' ? kept.get(`${e.__component}#${e.id}`) : undefined;
      return old ? { ...e, name: old } : e;
    })
  );
}

export function registerQuestionNames(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid === UID && (ctx.action === 'create' || ctx.action === 'update')) {
      await fillQuestionNames(strapi, (ctx.params as { data?: Record<string, unknown> }).data, ctx.action === 'update');
    }
    return next();
  });
}
