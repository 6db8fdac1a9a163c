import { factories, type Core } from '@strapi/strapi';
import { isRatedState, type CaseRatingInput, type CaseType } from '../../../shared/survey-rules';
import type { Bilingual } from '../../../shared/e-form-rules';

const UID = 'api::survey.case-rating';
const COMPLAINT = 'api::complaint.complaint';
const SUBMISSION = 'api::e-form-submission.e-form-submission';

/** The case a survey link rates, as much as the rating needs (nothing personal). */
export interface RatedCase {
  caseType: CaseType;
  caseId: number;
  trackingCode: string;
  state: string;
  channel: string;
  /** The category code, the form's slug, or `general`. */
  service: string;
  serviceLabel: Bilingual;
}

export const caseKeyOf = (caseType: CaseType, caseId: number) => `${caseType}:${caseId}`;

const GENERAL: Bilingual = { th: 'บริการทั่วไป', en: 'General service' };

const methods = ({ strapi }: { strapi: Core.Strapi }) => {
  const answered = async (c: RatedCase): Promise<boolean> => (await strapi.db.query(UID).count({ where: { caseKey: caseKeyOf(c.caseType, c.caseId) } })) > 0;
  return {
  answered,
  async findCase(caseType: CaseType, caseId: number): Promise<RatedCase | null> {
    if (caseType === 'complaint') {
      const c = (await strapi.db.query(COMPLAINT).findOne({
        where: { id: caseId },
        select: ['id', 'trackingCode', 'state', 'channel'],
        populate: { category: { select: ['code', 'nameTh', 'nameEn'] } },
      })) as { trackingCode: string; state: string; channel?: string | null; category?: { code: string; nameTh: string; nameEn?: string | null } | null } | null;
      if (!c) return null;
      const cat = c.category;
      return {
        caseType,
        caseId,
        trackingCode: c.trackingCode,
        state: c.state,
        channel: c.channel || 'web',
        service: cat?.code || 'general',
        serviceLabel: cat ? { th: cat.nameTh, en: cat.nameEn || cat.nameTh } : GENERAL,
      };
    }
    const s = (await strapi.db.query(SUBMISSION).findOne({ where: { id: caseId }, select: ['id', 'trackingCode', 'state', 'channel', 'formSlug', 'title', 'formSnapshot'] })) as {
      trackingCode: string;
      state: string;
      channel?: string | null;
      formSlug?: string | null;
      title?: string | null;
      formSnapshot?: { title?: Bilingual } | null;
    } | null;
    if (!s) return null;
    const title = s.formSnapshot?.title;
    return {
      caseType,
      caseId,
      trackingCode: s.trackingCode,
      state: s.state,
      channel: s.channel || 'web',
      service: s.formSlug || 'general',
      serviceLabel: title?.th ? { th: title.th, en: title.en || title.th } : s.title ? { th: s.title, en: s.title } : GENERAL,
    };
  },

  /** Stores the rating once: 'answered' when the case has one already, 'not_closed' when it is open again. */
  async rate(c: RatedCase, input: CaseRatingInput): Promise<'rated' | 'answered' | 'not_closed'> {
    if (await answered(c)) return 'answered';
    if (!isRatedState(c.caseType, c.state)) return 'not_closed';
    try {
      await strapi.db.query(UID).create({
        data: {
          caseKey: caseKeyOf(c.caseType, c.caseId),
          caseType: c.caseType,
          caseId: c.caseId,
          service: c.service,
          channel: c.channel,
          speed: input.speed,
          staff: input.staff,
          result: input.result,
          overall: input.overall,
          comment: input.comment ?? null,
          answeredAt: new Date(),
        },
      });
    } catch (err) {
      // Two answers at once: the unique case key keeps one; the other is told it was answered.
      if (await answered(c)) return 'answered';
      throw err;
    }
    return 'rated';
  },
  };
};

export type CaseRatingService = ReturnType<typeof methods>;
export default factories.createCoreService(UID, methods);
