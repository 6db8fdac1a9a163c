import type { Core } from '@strapi/strapi';
import { PUBLIC_STATUS } from '../../complaint/workflow';
import { fiscalYearOf } from '../domain/checklist';
import { governance, type FinishedCase, type Governance, type StatisticsFigures } from '../domain/governance';
import type { TransparencyService } from './transparency';

const COMPLAINT = 'api::complaint.complaint';
const EVENT = 'api::complaint-event.complaint-event';
const STATISTICS = 'api::statistics.statistics';

export interface GovernanceService {
  /** The six principles' indicators for a fiscal year (default: the current one). */
  figures(fiscalYear?: number, now?: Date): Promise<Governance>;
}

/** The part of the statistics service (part C) read here. */
interface StatisticsReader {
  all(options: { fiscalYear?: number; now?: Date }): Promise<{ areas: StatisticsFigures }>;
}

/**
 * Reads the statistics service's figures for the year (null while the platform has none), the
 * ITA/OIT checklist, and the finished complaints with whether the citizen was told why.
 */
export default ({ strapi }: { strapi: Core.Strapi }): GovernanceService => {
  function statistics(): StatisticsReader | null {
    try {
      return (strapi.service(STATISTICS) as unknown as StatisticsReader | undefined) ?? null;
    } catch {
      return null;
    }
  }

  async function finishedCases(): Promise<FinishedCase[]> {
    const closed = Object.entries(PUBLIC_STATUS)
      .filter(([, meaning]) => meaning === 'closed')
      .map(([state]) => state);
    const cases = (await strapi.db.query(COMPLAINT).findMany({ where: { state: { $in: closed } }, select: ['id', 'resolvedAt', 'updatedAt'] })) as Array<{ id: number; resolvedAt: string | null; updatedAt: string }>;
    if (!cases.length) return [];
    // A reason the citizen can read: a public message on a state change, or a public reply.
    const told = (await strapi.db.query(EVENT).findMany({
      where: { complaint: { id: { $in: cases.map((c) => c.id) } }, isPublic: true, kind: { $in: ['transition', 'public_reply'] }, message: { $notNull: true, $ne: '' } },
      select: ['id'],
      populate: { complaint: { select: ['id'] } },
    })) as Array<{ complaint: { id: number } | null }>;
    const withReason = new Set(told.flatMap((e) => (e.complaint ? [e.complaint.id] : [])));
    return cases.map((c) => ({ resolvedAt: c.resolvedAt ?? c.updatedAt, withReason: withReason.has(c.id) }));
  }

  return {
    async figures(fiscalYear, now = new Date()) {
      const year = fiscalYear ?? fiscalYearOf(now);
      const reader = statistics();
      const stats = reader ? (await reader.all({ fiscalYear: year, now })).areas : null;
      const list = await (strapi.service('api::transparency.transparency') as TransparencyService).checklist(year, now);
      return governance(year, stats, list, await finishedCases());
    },
  };
};
