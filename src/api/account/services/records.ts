import type { Core } from '@strapi/strapi';
import { caseEngine, outboxOf } from '../../../../plugins/complaint-workflow/server/src/public';
import { publicUrl } from '../../../public-url';
import { counterOf } from '../../../state/counters';
import { toPublicComplaint, type ComplaintRecord } from '../../complaint/domain/public-view';
import { ERASED as COMPLAINT_ERASED } from '../../complaint/domain/retention';
import { toPublicSubmission, type SubmissionRecord } from '../../e-form-submission/domain/public-view';
import { removeFiles } from '../../e-form-submission/files';
import type { StoredFileMeta } from '../../e-form-submission/domain/answers-view';
import type { StoredBill, TaxBillService } from '../../tax-bill/services/tax-bill';
import { billReference } from '../../../shared/tax-lookup';
import { contactMatches, type ClaimContact } from '../../../shared/account-claim';
import { RATED_STATES, type CaseType } from '../../../shared/survey-rules';
import type { Bilingual, FormDefinition } from '../../../shared/e-form-rules';
import { surveySecret } from '../../survey/invite-link';
import { surveyLink, surveyToken } from '../../survey/domain/token';
import { caseKeyOf } from '../../survey/services/case-rating';
import type { SurveyService } from '../../survey/services/survey';
import { erasedAnswers } from '../domain/erase';

/**
 * "My records": what a signed-in person filed or proved, read only through their own account id.
 * Every query below is scoped by `owner`/`user`: a record of someone else is never loaded, so it
 * answers exactly like one that does not exist.
 */
const COMPLAINT = 'api::complaint.complaint';
const REQUEST = 'api::e-form-submission.e-form-submission';
const LINK = 'api::account.tax-bill-link';
const RATING = 'api::survey.case-rating';
const BILL = 'api::tax-bill.tax-bill';

const COMPLAINT_POPULATE = {
  category: { select: ['code', 'nameTh', 'nameEn', 'confidential'] },
  events: { select: ['kind', 'toState', 'message', 'isPublic', 'at', 'actorType'] },
  photos: { select: ['id', 'kind'], orderBy: [{ id: 'asc' }] },
} as const;
const REQUEST_FIELDS = ['id', 'trackingCode', 'title', 'state', 'receivedAt', 'createdAt', 'dueAt', 'resolvedAt', 'formSlug', 'formSnapshot'];
const REQUEST_EVENTS = { events: { select: ['kind', 'toState', 'message', 'isPublic', 'at'], where: { isPublic: true } } };
const NEWEST = [{ receivedAt: 'desc' }, { id: 'desc' }];

type OwnedComplaint = ComplaintRecord & { id: number; title?: string | null; confidential?: boolean | null; category?: (ComplaintRecord['category'] & { confidential?: boolean | null }) | null };
type OwnedRequest = SubmissionRecord & { id: number; formSlug?: string | null; formSnapshot?: { title?: Bilingual } | null };

/** Failed claims per tracking code, whatever the address: a contact cannot be guessed by spreading tries. */
export const FAILED_CLAIMS_PER_CODE = 5;

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

const records = ({ strapi }: { strapi: Core.Strapi }) => {
  // Shared by every instance when REDIS_URL is set (src/state/counters.ts).
  const failedClaims = () => counterOf(strapi, 'failed-claims', 15 * 60_000);
  const bills = () => strapi.service(BILL) as TaxBillService;
  const base = () => publicUrl(strapi);

  const complaintView = (c: OwnedComplaint, now: Date) => {
    const view = toPublicComplaint(c, now, base());
    // A confidential complaint's photos are served to nobody by code: its owner sees its progress only.
    const secret = Boolean(c.confidential || c.category?.confidential);
    return { ...view, ...(secret ? { photos: { before: [], after: [] } } : {}), title: c.title ?? null };
  };
  const requestView = (r: OwnedRequest, now: Date) => ({
    ...toPublicSubmission(r, now),
    form: r.formSlug && r.formSnapshot?.title ? { slug: r.formSlug, title: { th: r.formSnapshot.title.th, en: r.formSnapshot.title.en || r.formSnapshot.title.th } } : null,
  });

  const ownComplaints = (userId: number, where: Record<string, unknown> = {}) =>
    strapi.db.query(COMPLAINT).findMany({ where: { ...where, owner: { id: userId } }, populate: COMPLAINT_POPULATE, orderBy: NEWEST }) as Promise<OwnedComplaint[]>;
  const ownRequests = (userId: number, where: Record<string, unknown> = {}) =>
    strapi.db.query(REQUEST).findMany({ where: { ...where, owner: { id: userId } }, select: REQUEST_FIELDS, populate: REQUEST_EVENTS, orderBy: NEWEST }) as Promise<OwnedRequest[]>;

  /** The links of a user, with their bills, newest tax year first. */
  const ownLinks = async (userId: number, where: Record<string, unknown> = {}) => {
    const links = (await strapi.db.query(LINK).findMany({ where: { ...where, user: { id: userId } }, populate: { taxBill: true }, orderBy: [{ id: 'desc' }] })) as Array<{ id: number; provedAt: string; taxBill: StoredBill | null }>;
    return links.filter((l): l is { id: number; provedAt: string; taxBill: StoredBill } => Boolean(l.taxBill)).sort((a, b) => b.taxBill.taxYear - a.taxBill.taxYear || b.id - a.id);
  };

  /** The ids of a user's cases of one type. */
  const ownCaseIds = async (uid: string, userId: number) => ((await strapi.db.query(uid).findMany({ where: { owner: { id: userId } }, select: ['id'] })) as Array<{ id: number }>).map((r) => r.id);

  /** A rating's free-text comment may name the person; the scales stay for the statistics. */
  const scrubRatings = async (caseType: CaseType, ids: number[]) => {
    if (ids.length) await strapi.db.query(RATING).updateMany({ where: { caseKey: { $in: ids.map((id) => caseKeyOf(caseType, id)) } }, data: { comment: null } });
  };

  return {
    async complaints(userId: number, now = new Date()) {
      return (await ownComplaints(userId)).map((c) => complaintView(c, now));
    },
    async complaint(userId: number, trackingCode: string, now = new Date()) {
      const [c] = await ownComplaints(userId, { trackingCode });
      return c ? complaintView(c, now) : null;
    },
    async requests(userId: number, now = new Date()) {
      return (await ownRequests(userId)).map((r) => requestView(r, now));
    },
    async request(userId: number, trackingCode: string, now = new Date()) {
      const [r] = await ownRequests(userId, { trackingCode });
      return r ? requestView(r, now) : null;
    },

    /** Rating links of the person's finished cases (the survey module's signed token), and the open general surveys. */
    async surveys(userId: number) {
      const secret = surveySecret(strapi);
      const caseRatings: Array<{ caseType: CaseType; trackingCode: string; token: string; url: string; answered: boolean }> = [];
      if (secret) {
        const finished = async (caseType: CaseType, uid: string) =>
          (await strapi.db.query(uid).findMany({ where: { owner: { id: userId }, state: { $in: [...RATED_STATES[caseType]] } }, select: ['id', 'trackingCode', 'language'], orderBy: NEWEST })) as Array<{ id: number; trackingCode: string; language?: 'th' | 'en' | null }>;
        const cases = [...(await finished('complaint', COMPLAINT)).map((c) => ({ ...c, caseType: 'complaint' as const })), ...(await finished('e-service', REQUEST)).map((c) => ({ ...c, caseType: 'e-service' as const }))];
        const keys = cases.map((c) => caseKeyOf(c.caseType, c.id));
        const answered = new Set(((await strapi.db.query(RATING).findMany({ where: { caseKey: { $in: keys } }, select: ['caseKey'] })) as Array<{ caseKey: string }>).map((r) => r.caseKey));
        for (const c of cases) {
          const token = surveyToken(secret, c.caseType, c.id);
          caseRatings.push({ caseType: c.caseType, trackingCode: c.trackingCode, token, url: surveyLink(base(), token, c.language === 'en' ? 'en' : 'th'), answered: answered.has(caseKeyOf(c.caseType, c.id)) });
        }
      }
      const open = await (strapi.service('api::survey.survey') as SurveyService).listOpen();
      const surveys = open.map((s) => ({ slug: s.slug, title: s.title, url: `${base()}/surveys/${encodeURIComponent(s.slug)}` }));
      return { caseRatings, surveys };
    },

    /** Links a proved bill to the account (once: proving it again changes nothing); its public view. */
    async linkBill(userId: number, bill: StoredBill, now = new Date()) {
      const have = await strapi.db.query(LINK).count({ where: { user: { id: userId }, taxBill: { id: bill.id } } });
      if (!have) await strapi.db.query(LINK).create({ data: { user: userId, taxBill: bill.id, provedAt: now } });
      return bills().publicView(bill);
    },
    async bills(userId: number) {
      return (await ownLinks(userId)).map((l) => bills().publicView(l.taxBill));
    },
    /** The newest linked bill with this number (as printed or typed), or null. */
    async bill(userId: number, billNumber: string) {
      const reference = billReference(billNumber);
      if (!reference) return null;
      const [link] = await ownLinks(userId, { taxBill: { billReference: reference } });
      return link ? bills().publicView(link.taxBill) : null;
    },
    /** Removes the account's links to bills of this number; false when it had none. */
    async unlinkBill(userId: number, billNumber: string) {
      const reference = billReference(billNumber);
      if (!reference) return false;
      const links = await ownLinks(userId, { taxBill: { billReference: reference } });
      if (!links.length) return false;
      await strapi.db.query(LINK).deleteMany({ where: { id: { $in: links.map((l) => l.id) } } });
      return true;
    },

    /**
     * Adds a record filed signed out to the account when the contact given matches the one on the
     * record and nobody else has it; its view, or 'locked' (too many failures for this code), or null
     * (unknown, wrong contact, someone else's: one answer).
     */
    async claim(userId: number, trackingCode: string, contact: ClaimContact, now = new Date()) {
      const { count, retryAfter } = await failedClaims().hit(trackingCode);
      if (count > FAILED_CLAIMS_PER_CODE) return { locked: retryAfter } as const;
      for (const [uid, recordType] of [
        [COMPLAINT, 'complaint'],
        [REQUEST, 'request'],
      ] as const) {
        const found = (await strapi.db.query(uid).findOne({ where: { trackingCode }, select: ['id', 'contactEmail', 'contactPhone'], populate: { owner: { select: ['id'] } } })) as {
          id: number;
          contactEmail?: string | null;
          contactPhone?: string | null;
          owner?: { id: number } | null;
        } | null;
        if (!found) continue;
        if (!contactMatches(found, contact) || (found.owner && found.owner.id !== userId)) break;
        if (!found.owner) await strapi.db.query(uid).update({ where: { id: found.id }, data: { owner: userId } });
        // Checked again after writing: of two accounts claiming at once, one has it.
        const view = recordType === 'complaint' ? await this.complaint(userId, trackingCode, now) : await this.request(userId, trackingCode, now);
        if (!view) break;
        await failedClaims().forget(trackingCode);
        return { record: { recordType, ...view } } as const;
      }
      return null;
    },

    /* ---- The account-data sources (export and erase), registered with api::account.data ---- */

    /** Everything the town holds of the person's complaints, private fields included. */
    async exportComplaints(userId: number) {
      const rows = (await strapi.db.query(COMPLAINT).findMany({
        where: { owner: { id: userId } },
        select: ['trackingCode', 'title', 'description', 'address', 'village', 'lat', 'lng', 'channel', 'state', 'receivedAt', 'resolvedAt', 'contactName', 'contactPhone', 'contactEmail', 'platformUserId', 'consent', 'language'],
        populate: { category: { select: ['code', 'nameTh', 'nameEn'] }, events: { select: ['kind', 'toState', 'message', 'at'], where: { isPublic: true } } },
        orderBy: NEWEST,
      })) as unknown[];
      return rows;
    },
    async exportRequests(userId: number) {
      return (await strapi.db.query(REQUEST).findMany({
        where: { owner: { id: userId } },
        select: ['trackingCode', 'title', 'formSlug', 'description', 'answers', 'files', 'channel', 'state', 'receivedAt', 'resolvedAt', 'contactName', 'contactPhone', 'contactEmail', 'consent', 'language'],
        populate: REQUEST_EVENTS,
        orderBy: NEWEST,
      })) as Array<Record<string, unknown>>;
    },
    async exportCaseRatings(userId: number) {
      const ids = { complaint: await ownCaseIds(COMPLAINT, userId), 'e-service': await ownCaseIds(REQUEST, userId) };
      const keys = (Object.keys(ids) as CaseType[]).flatMap((t) => ids[t].map((id) => caseKeyOf(t, id)));
      if (!keys.length) return [];
      return (await strapi.db.query(RATING).findMany({ where: { caseKey: { $in: keys } }, select: ['caseType', 'service', 'speed', 'staff', 'result', 'overall', 'comment', 'answeredAt'] })) as unknown[];
    },
    async exportTaxBills(userId: number) {
      return (await ownLinks(userId)).map((l) => ({ provedAt: l.provedAt, bill: bills().publicView(l.taxBill) }));
    },

    /**
     * The person's complaints lose their owner and the fields that name or reach them (the same
     * fields as at the end of retention), each with a history event by the system; who they wrote
     * to in the outbox is forgotten. The cases stay for the town's records and statistics.
     */
    async eraseComplaints(userId: number) {
      const ids = await ownCaseIds(COMPLAINT, userId);
      await scrubRatings('complaint', ids);
      for (const id of ids) {
        await caseEngine(strapi).erasePersonalData('complaint', id, async () => {
          await strapi.db.query(COMPLAINT).update({ where: { id }, data: { ...COMPLAINT_ERASED, owner: null } });
          await outboxOf(strapi).forget({ caseType: 'complaint', caseId: id });
          return true;
        });
        await yieldToRequests();
      }
    },

    /**
     * The person's e-service requests lose their owner, contact, description (a summary of the
     * answers), files and the answers that identify them (domain/erase.ts); the answers that do not
     * (numbers, dates, choices) stay with the case.
     */
    async eraseRequests(userId: number) {
      const ids = await ownCaseIds(REQUEST, userId);
      await scrubRatings('e-service', ids);
      for (const id of ids) {
        let keys: string[] = [];
        await caseEngine(strapi).erasePersonalData('e-service', id, async () => {
          const r = (await strapi.db.query(REQUEST).findOne({ where: { id }, select: ['id', 'formSlug', 'answers', 'formSnapshot', 'files'] })) as { formSlug?: string | null; answers?: unknown; formSnapshot?: FormDefinition | null; files?: StoredFileMeta[] | null };
          keys = (Array.isArray(r.files) ? r.files : []).map((f) => f.key);
          await strapi.db.query(REQUEST).update({
            where: { id },
            data: {
              owner: null,
              contactName: null,
              contactPhone: null,
              contactEmail: null,
              description: null,
              files: [],
              answers: erasedAnswers(r.formSnapshot ?? null, r.answers),
              // A free-form request's title is the person's own words; a form's is the form's title.
              ...(r.formSlug ? {} : { title: '-' }),
            },
          });
          await outboxOf(strapi).forget({ caseType: 'e-service', caseId: id });
          return true;
        });
        if (keys.length) await removeFiles(strapi, keys);
        await yieldToRequests();
      }
    },
    async eraseCaseRatings(userId: number) {
      await scrubRatings('complaint', await ownCaseIds(COMPLAINT, userId));
      await scrubRatings('e-service', await ownCaseIds(REQUEST, userId));
    },
    async eraseTaxBills(userId: number) {
      await strapi.db.query(LINK).deleteMany({ where: { user: { id: userId } } });
    },
  };
};

export type RecordsService = ReturnType<typeof records>;
export default records;
