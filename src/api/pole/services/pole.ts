import { factories, type Core } from '@strapi/strapi';
import { publicUrl } from '../../../public-url';
import { caseEngine } from '../../../../plugins/complaint-workflow/server/src/public';
import type { ComplaintService } from '../../complaint/services/complaint';
import { OPEN_STATES } from '../../complaint/workflow';
import { FAULTS, POLE_CODE, poleStatusFor, poleUrl, type PoleReport, type PoleStatus } from '../domain/report';

const UID = 'api::pole.pole';
const COMPLAINT = 'api::complaint.complaint';
const PUBLIC_FIELDS = ['code', 'name', 'village', 'lat', 'lng', 'status'];
/** The complaint category of a pole's fault reports (seeded; staff may rename it, not recode it). */
export const POLE_CATEGORY = 'loudspeaker';

const open = { $in: OPEN_STATES };

/**
 * Reports of one pole, one at a time: two people scanning the same silent speaker in the same
 * second must find one open complaint, not open two. (One process; several would need a DB lock.)
 */
const queues = new Map<string, Promise<unknown>>();
function onePerPole<T>(code: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(code) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  queues.set(code, next);
  next.catch(() => undefined).finally(() => {
    if (queues.get(code) === next) queues.delete(code);
  });
  return next;
}

/** A pole as the public may see it (and its id, for our own queries). */
export interface PoleRow {
  id: number;
  code: string;
  name: string;
  village: number | null;
  lat: number | null;
  lng: number | null;
  status: PoleStatus;
}

/** A pole's open fault report. */
interface OpenReport {
  id: number;
  trackingCode: string;
  state: string;
  reportCount: number | null;
  dueAt: string | null;
}

const methods = ({ strapi }: { strapi: Core.Strapi }) => ({
  normaliseCode(raw: unknown): string | null {
    const code = (typeof raw === 'string' ? raw : '').trim().toUpperCase();
    return code.length <= 20 && POLE_CODE.test(code) ? code : null;
  },

  async list(): Promise<Omit<PoleRow, 'id'>[]> {
    return (await strapi.db.query(UID).findMany({ select: PUBLIC_FIELDS, orderBy: [{ code: 'asc' }] })) as Omit<PoleRow, 'id'>[];
  },

  /** The pole of a code as typed (any case, spaces around); null when none has it. */
  async findByCode(raw: unknown): Promise<PoleRow | null> {
    const code = this.normaliseCode(raw);
    return code ? ((await strapi.db.query(UID).findOne({ where: { code }, select: ['id', ...PUBLIC_FIELDS] })) as PoleRow | null) : null;
  },

  /** The open fault report of a pole, if any (at most one is kept open: later reports join it). */
  async openReport(poleId: number): Promise<OpenReport | null> {
    return (await strapi.db.query(COMPLAINT).findOne({
      where: { pole: { id: poleId }, state: open },
      select: ['id', 'trackingCode', 'state', 'reportCount', 'dueAt'],
      orderBy: [{ id: 'desc' }],
    })) as OpenReport | null;
  },

  url(code: string) {
    return poleUrl(publicUrl(strapi), code);
  },

  /**
   * A report from the QR code: the first opens a complaint (category loudspeaker, channel pole) and
   * marks the pole reported; while it is open, later reports add to it (a counter and their notes).
   */
  async report(pole: { id: number; code: string; name: string; village: number | null; lat: number | null; lng: number | null }, input: PoleReport): Promise<{ created: boolean; trackingCode: string; reportCount: number; poleStatus: PoleStatus }> {
    const fault = FAULTS[input.fault];
    const lines = [`อาการ: ${fault.th}`, ...(input.note ? [`หมายเหตุ: ${input.note}`] : [])];
    return onePerPole(pole.code, () => strapi.db.transaction(async () => {
      const existing = await this.openReport(pole.id);
      if (existing) {
        const reportCount = (existing.reportCount ?? 1) + 1;
        await strapi.db.query(COMPLAINT).update({ where: { id: existing.id }, data: { reportCount } });
        // Staff only (citizen messages are not public): a further reporter's phone is for calling back.
        const message = [`แจ้งซ้ำครั้งที่ ${reportCount}`, ...lines, ...(input.phone ? [`โทร: ${input.phone}`] : [])].join('\n');
        await caseEngine(strapi).citizenMessage('complaint', existing.id, message);
        return { created: false, trackingCode: existing.trackingCode, reportCount, poleStatus: poleStatusFor(existing.state) };
      }
      const { trackingCode } = await (strapi.service(COMPLAINT) as ComplaintService).createFromCitizen(
        {
          category: POLE_CATEGORY,
          title: `${fault.th}: ${pole.name} (${pole.code})`.slice(0, 200),
          description: [`แจ้งจากคิวอาร์โค้ดบนเสา ${pole.code} ${pole.name}`, ...lines].join('\n'),
          location: pole.lat !== null && pole.lng !== null ? { lat: pole.lat, lng: pole.lng } : undefined,
          village: pole.village ?? undefined,
          contact: input.phone ? { phone: input.phone } : undefined,
          consent: Boolean(input.phone),
        },
        'pole',
        { pole: pole.id }
      );
      await strapi.db.query(UID).update({ where: { id: pole.id }, data: { status: 'reported' } });
      return { created: true, trackingCode, reportCount: 1, poleStatus: 'reported' as const };
    }));
  },

  /**
   * After a report changes state: the pole follows its open report (reported, under repair), and
   * is working again once no report of it is open. Runs inside the engine's transaction.
   */
  async followCase(poleId: number) {
    const current = await this.openReport(poleId);
    const status = poleStatusFor(current ? current.state : 'resolved');
    const pole = (await strapi.db.query(UID).findOne({ where: { id: poleId }, select: ['status'] })) as Pick<PoleRow, 'status'> | null;
    // A pole staff took out of service stays so until staff say otherwise, unless a report is open.
    if (!pole || (pole.status === 'out_of_service' && !current)) return;
    if (pole.status !== status) await strapi.db.query(UID).update({ where: { id: poleId }, data: { status } });
  },
});

export type PoleService = ReturnType<typeof methods>;
export default factories.createCoreService(UID, methods);
