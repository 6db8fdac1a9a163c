import type { Label, WorkflowDefinition } from '../../../plugins/complaint-workflow/server/src/public';
import { isActive, isOverdue } from '../../../plugins/complaint-workflow/server/src/public';

/**
 * The e-service dashboard's figures from the requests themselves: plain arithmetic, no Strapi, so
 * the page, its API test and a reader agree on what each figure means.
 */

/** A request as the dashboard reads it. */
export interface DashboardRequest {
  formSlug: string | null;
  title: string | null;
  state: string;
  receivedAt: string | Date;
  dueAt: string | Date | null;
  resolvedAt: string | Date | null;
  paperPages: number | null;
}

/** A form the town publishes, listed even before anyone used it. */
export interface DashboardForm {
  slug: string;
  titleTh: string;
  titleEn: string | null;
}

export interface ServiceFigures {
  /** null: requests made without a form (the free-form request of before the forms). */
  formSlug: string | null;
  title: Label | null;
  total: number;
  open: number;
  overdue: number;
  closed: number;
  receivedThisMonth: number;
  paperPagesSaved: number;
}

export interface DashboardFigures {
  generatedAt: string;
  /** The current month in Bangkok, `YYYY-MM`. */
  month: string;
  total: number;
  open: number;
  /** Open requests past their due date. */
  overdue: number;
  receivedThisMonth: number;
  /** Requests in a closed state (done or refused). */
  closed: number;
  /** The median of closed requests' days from receipt to close (one decimal; null before any closed). */
  medianDaysToClose: number | null;
  /** Pages not printed: the paper form's pages, for each request made online. */
  paperPagesSaved: number;
  byState: Array<{ state: string; label: Label; meaning: 'open' | 'closed'; count: number }>;
  byService: ServiceFigures[];
}

const DAY_MS = 86_400_000;
/** Bangkok keeps UTC+7 all year. */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

const time = (d: string | Date | null | undefined): number | null => (d ? new Date(d).getTime() : null);

/** The first instant of the month `now` falls in, in Bangkok, and that month as `YYYY-MM`. */
export function bangkokMonth(now: Date): { start: Date; month: string } {
  const local = new Date(now.getTime() + BANGKOK_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return { start: new Date(Date.UTC(y, m, 1) - BANGKOK_OFFSET_MS), month: `${y}-${String(m + 1).padStart(2, '0')}` };
}

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function dashboardFigures(requests: DashboardRequest[], forms: DashboardForm[], workflow: WorkflowDefinition, now: Date = new Date()): DashboardFigures {
  const { start, month } = bangkokMonth(now);
  const monthStart = start.getTime();
  const services = new Map<string | null, ServiceFigures>();
  const service = (slug: string | null, title: Label | null) => {
    let s = services.get(slug);
    if (!s) {
      s = { formSlug: slug, title, total: 0, open: 0, overdue: 0, closed: 0, receivedThisMonth: 0, paperPagesSaved: 0 };
      services.set(slug, s);
    }
    return s;
  };
  for (const f of forms) service(f.slug, { th: f.titleTh, en: f.titleEn || f.titleTh });

  const byState = new Map(workflow.states.map((s) => [s.key, 0]));
  const days: number[] = [];
  let open = 0;
  let overdue = 0;
  let receivedThisMonth = 0;
  let paperPagesSaved = 0;
  for (const r of requests) {
    // A form no longer published still names its requests by the title they were filed under.
    const s = service(r.formSlug || null, r.formSlug && r.title ? { th: r.title, en: r.title } : null);
    const active = isActive(workflow, r.state);
    const late = isOverdue(workflow, r.state, r.dueAt ? new Date(r.dueAt) : null, now);
    const thisMonth = (time(r.receivedAt) ?? 0) >= monthStart;
    const pages = r.paperPages ?? 0;
    s.total++;
    s.open += active ? 1 : 0;
    s.closed += active ? 0 : 1;
    s.overdue += late ? 1 : 0;
    s.receivedThisMonth += thisMonth ? 1 : 0;
    s.paperPagesSaved += pages;
    open += active ? 1 : 0;
    overdue += late ? 1 : 0;
    receivedThisMonth += thisMonth ? 1 : 0;
    paperPagesSaved += pages;
    byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
    const received = time(r.receivedAt);
    const resolved = time(r.resolvedAt);
    if (!active && received !== null && resolved !== null) days.push((resolved - received) / DAY_MS);
  }
  const middle = median(days);
  return {
    generatedAt: now.toISOString(),
    month,
    total: requests.length,
    open,
    overdue,
    receivedThisMonth,
    closed: requests.length - open,
    medianDaysToClose: middle === null ? null : Math.round(middle * 10) / 10,
    paperPagesSaved,
    byState: workflow.states.map((s) => ({ state: s.key, label: s.label, meaning: s.meaning, count: byState.get(s.key) ?? 0 })),
    // The busiest services first; services nobody used yet last, by name.
    byService: [...services.values()].sort((a, b) => b.total - a.total || (a.title?.th ?? '').localeCompare(b.title?.th ?? '', 'th')),
  };
}
