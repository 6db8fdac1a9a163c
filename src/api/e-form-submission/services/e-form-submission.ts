import { factories, type Core } from '@strapi/strapi';
import { caseEngine, type CaseRecord } from '../../../../plugins/complaint-workflow/server/src/public';
import { applicantFields, type SubmissionInput } from '../domain/input';
import type { SubmissionRecord } from '../domain/public-view';

const UID = 'api::e-form-submission.e-form-submission';

const methods = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Files a request through the case engine: code, state, dates and the first event are the engine's. */
  async createFromCitizen(input: SubmissionInput, language: 'th' | 'en', owner?: number): Promise<CaseRecord> {
    return caseEngine(strapi).create(
      'e-service',
      {
        title: input.title,
        description: input.description,
        answers: input.answers ?? {},
        channel: 'web',
        ...applicantFields(input, language),
        owner: owner ?? null,
      },
      { type: 'citizen' }
    );
  },

  /** The record behind the public view, with its public events only; null when unknown. */
  async findByTrackingCode(trackingCode: string): Promise<SubmissionRecord | null> {
    return (await strapi.db.query(UID).findOne({
      where: { trackingCode },
      select: ['trackingCode', 'title', 'state', 'receivedAt', 'createdAt', 'dueAt', 'resolvedAt'],
      populate: { events: { select: ['kind', 'toState', 'message', 'isPublic', 'at'], where: { isPublic: true } } },
    })) as SubmissionRecord | null;
  },
});

export type SubmissionService = ReturnType<typeof methods>;
export default factories.createCoreService(UID, methods);
