import type { Core } from '@strapi/strapi';
import { ENGINE_FIELDS, engineScope } from './services/engine';
import { caseEngine } from './plugin';
import { refused } from './errors';

type Value = unknown;

/** null, undefined and '' are one "no value"; dates compare by instant. */
function same(a: Value, b: Value): boolean {
  const empty = (v: Value) => v === null || v === undefined || v === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  const instant = (v: Value) => (v instanceof Date ? v.getTime() : typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? new Date(v).getTime() : undefined);
  const ta = instant(a);
  const tb = instant(b);
  if (ta !== undefined || tb !== undefined) return ta === tb;
  return a === b;
}

interface DocumentContext {
  uid: string;
  action: string;
  params?: { documentId?: string; data?: Record<string, unknown> };
}

/**
 * Only the engine changes a case's state and dates: a change through the Content Manager or any other
 * Document Service call is refused with a 400 that points to the case page, so no state changes
 * without its history event and its messages. Fields sent unchanged (the Content Manager sends the
 * whole record) pass.
 */
export function registerGuard(strapi: Core.Strapi) {
  strapi.documents.use(async (ctx, next) => {
    const c = ctx as unknown as DocumentContext;
    if (engineScope.getStore() || (c.action !== 'create' && c.action !== 'update')) return next();
    const type = caseEngine(strapi).typeByUid(c.uid);
    const data = c.params?.data;
    if (!type || !data) return next();
    const sent = ENGINE_FIELDS.filter((f) => f in data);
    if (!sent.length) return next();
    let current: Record<string, Value> = { state: type.workflow.initialState };
    if (c.action === 'update' && c.params?.documentId) {
      current = ((await strapi.db.query(type.uid).findOne({ where: { documentId: c.params.documentId }, select: [...ENGINE_FIELDS] })) ?? {}) as Record<string, Value>;
    }
    const changed = sent.filter((f) => !same(data[f], current[f]));
    if (changed.length) {
      const th = 'สถานะและกำหนดเวลาของเรื่องเปลี่ยนได้จากหน้าเรื่องในกล่องงานเท่านั้น เพื่อให้มีประวัติและแจ้งผู้ร้อง';
      const en = 'A case’s state and dates change only on its case page, so that the history and the messages follow';
      // The Content Manager shows `message` as it is: Thai, the staff's language.
      throw refused(
        'use_case_page',
        { th, en },
        changed.map((f) => ({ path: [f], code: 'use_case_page', messages: { th, en } }))
      );
    }
    return next();
  });
}
