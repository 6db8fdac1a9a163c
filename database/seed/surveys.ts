import fs from 'fs';
import path from 'path';
import type { Core, Modules } from '@strapi/strapi';
import { RATED_STATES, type CaseType } from '../../src/shared/survey-rules';
import type { SurveyService } from '../../src/api/survey/services/survey';
import type { CaseRatingService } from '../../src/api/survey/services/case-rating';

type SurveyInput = Modules.Documents.Params.Data.Input<'api::survey.survey'>;

interface SurveysSeed {
  surveys: Array<SurveyInput & { slug: string; responses?: Array<Record<string, unknown>> }>;
  caseRatings: Array<{ speed: number; staff: number; result: number; overall: number }>;
}

const CASE_UIDS: Record<CaseType, 'api::complaint.complaint' | 'api::e-form-submission.e-form-submission'> = {
  complaint: 'api::complaint.complaint',
  'e-service': 'api::e-form-submission.e-form-submission',
};

/**
 * The demo's general survey (FY 2570 satisfaction), created and published when no survey has its
 * slug, with a few answers through the same rules as the website's; and ratings of the demo's
 * finished cases, as their citizens would have sent them from the link, when there are none yet.
 */
export async function seedSurveys(strapi: Core.Strapi, dir: string): Promise<number> {
  const seed = JSON.parse(fs.readFileSync(path.join(dir, 'surveys.json'), 'utf8')) as SurveysSeed;
  const uid = 'api::survey.survey';
  let created = 0;
  for (const { responses = [], ...survey } of seed.surveys) {
    if ((await strapi.db.query(uid).count({ where: { slug: survey.slug } })) > 0) continue;
    const doc = await strapi.documents(uid).create({ data: survey });
    await strapi.documents(uid).publish({ documentId: doc.documentId });
    const surveys = strapi.service(uid) as SurveyService;
    const published = await surveys.findPublished(survey.slug);
    if (!published) throw new Error(`demo survey ${survey.slug} was not published`);
    for (const answers of responses) {
      const r = await surveys.respond(published, answers);
      if ('issues' in r && r.issues) throw new Error(`demo survey ${survey.slug}: an answer is invalid: ${JSON.stringify(r.issues)}`);
    }
    created += 1 + responses.length;
  }

  const ratings = strapi.service('api::survey.case-rating') as CaseRatingService;
  if ((await strapi.db.query('api::survey.case-rating').count()) > 0) return created;
  let n = 0;
  for (const caseType of ['complaint', 'e-service'] as const) {
    const rows = (await strapi.db.query(CASE_UIDS[caseType]).findMany({ where: { state: { $in: [...RATED_STATES[caseType]] } }, select: ['id'], orderBy: { id: 'asc' } })) as Array<{ id: number }>;
    for (const row of rows) {
      const c = await ratings.findCase(caseType, row.id);
      if (!c) continue;
      if ((await ratings.rate(c, seed.caseRatings[n % seed.caseRatings.length])) === 'rated') created += 1;
      n += 1;
    }
  }
  return created;
}
