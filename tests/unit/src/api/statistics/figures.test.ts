import { COMPLAINT_WORKFLOW } from '../../../../../src/api/complaint/workflow';
import { E_SERVICE_WORKFLOW } from '../../../../../src/api/e-form-submission/workflow';
import { bangkokMonth, fiscalMonths, fiscalYearOf, fiscalYearRange, monthLabel, monthRange } from '../../../../../src/api/statistics/domain/calendar';
import {
  assessmentFigures,
  complaintFigures,
  datasetFigures,
  eServiceFigures,
  median,
  p90,
  satisfactionFigures,
  taxFigures,
  type ComplaintRow,
  type RatingRow,
} from '../../../../../src/api/statistics/domain/figures';
import { AREAS, isArea } from '../../../../../src/api/statistics/domain/areas';

const complaintStates = COMPLAINT_WORKFLOW.states.map((s) => ({ key: s.key, label: s.label, meaning: s.meaning }));
const eServiceStates = E_SERVICE_WORKFLOW.states.map((s) => ({ key: s.key, label: s.label, meaning: s.meaning }));

describe('calendar', () => {
  it('counts months in Bangkok time', () => {
    expect(bangkokMonth('2026-09-30T16:59:59Z')).toBe('2026-09');
    expect(bangkokMonth('2026-09-30T17:00:00Z')).toBe('2026-10'); // midnight 1 October in Bangkok
  });

  it('numbers fiscal years in the Buddhist era by the year they end in (FY 2570 = Oct 2026 – Sep 2027)', () => {
    expect(fiscalYearOf('2026-09-30T16:59:59Z')).toBe(2569);
    expect(fiscalYearOf('2026-09-30T17:00:00Z')).toBe(2570);
    expect(fiscalYearOf('2027-09-30T12:00:00Z')).toBe(2570);
    expect(fiscalYearRange(2570)).toEqual({ start: new Date('2026-09-30T17:00:00Z'), end: new Date('2027-09-30T17:00:00Z') });
    expect(fiscalMonths(2570)).toEqual(['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09']);
  });

  it('lists every month of a span and names them in both languages', () => {
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthLabel('2026-10')).toEqual({ th: 'ต.ค. 2569', en: 'Oct 2026' });
  });
});

describe('median and p90', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('takes the 90th percentile by nearest rank', () => {
    expect(p90([])).toBeNull();
    expect(p90([7])).toBe(7);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(10);
  });
});

const road = { code: 'road', nameTh: 'ถนน', nameEn: 'Roads' };
const light = { code: 'light', nameTh: 'ไฟฟ้า', nameEn: 'Lights' };
const c = (over: Partial<ComplaintRow>): ComplaintRow => ({ state: 'received', receivedAt: '2026-10-05T03:00:00Z', dueAt: null, resolvedAt: null, village: null, reopenCount: 0, category: null, ...over });

describe('complaints', () => {
  const rows: ComplaintRow[] = [
    c({ category: road, village: 1 }),
    c({ category: road, village: 1, state: 'resolved', dueAt: '2026-10-20T00:00:00Z', resolvedAt: '2026-10-15T03:00:00Z' }), // 10 days, on time
    c({ category: light, village: 3, state: 'closed', receivedAt: '2026-11-01T03:00:00Z', dueAt: '2026-11-05T00:00:00Z', resolvedAt: '2026-11-08T15:00:00Z', reopenCount: 2 }), // 7.5 days, late
    c({ state: 'rejected', receivedAt: '2026-09-30T18:00:00Z' }), // 1 Oct in Bangkok, FY 2570
    c({ state: 'reopened', receivedAt: '2026-08-01T03:00:00Z', reopenCount: 1, category: light }), // FY 2569
  ];

  it('counts all time: categories, states, villages, months, days to resolve, deadlines and reopenings', () => {
    const f = complaintFigures(rows, complaintStates);
    expect(f.total).toBe(5);
    expect(f.byCategory).toEqual([
      { ...light, count: 2 },
      { ...road, count: 2 },
      { code: null, nameTh: null, nameEn: null, count: 1 },
    ]);
    expect(f.byStatus).toHaveLength(9);
    expect(f.byStatus.find((s) => s.state === 'resolved')).toEqual({ state: 'resolved', labelTh: 'ดำเนินการแล้วเสร็จ', labelEn: 'Resolved', publicStatus: 'closed', count: 1 });
    expect(f.byStatus.reduce((n, s) => n + s.count, 0)).toBe(5);
    expect(f.byVillage).toEqual([
      { village: 1, count: 2 },
      { village: 3, count: 1 },
      { village: null, count: 2 },
    ]);
    expect(f.byMonth).toEqual([
      { month: '2026-08', received: 1, resolved: 0 },
      { month: '2026-09', received: 0, resolved: 0 },
      { month: '2026-10', received: 3, resolved: 1 },
      { month: '2026-11', received: 1, resolved: 1 },
    ]);
    expect(f.resolveDays).toEqual({ median: 8.8, p90: 10, count: 2 });
    expect(f.onTime).toEqual({ answered: 2, withinDeadline: 1, share: 0.5 });
    expect(f.reopened).toEqual({ cases: 2, reopens: 3 });
  });

  it('keeps to the complaints received in a fiscal year, over its twelve months', () => {
    const f = complaintFigures(rows, complaintStates, { fiscalYear: 2570 });
    expect(f.total).toBe(4);
    expect(f.byMonth).toHaveLength(12);
    expect(f.byMonth[0]).toEqual({ month: '2026-10', received: 3, resolved: 1 });
    expect(f.reopened).toEqual({ cases: 1, reopens: 2 });
    expect(complaintFigures([], complaintStates)).toMatchObject({ total: 0, byMonth: [], resolveDays: { median: null, p90: null, count: 0 }, onTime: { answered: 0, withinDeadline: 0, share: null } });
  });

  it('fills the ITA complaints form by month, quarter and half: received, completed (closed meaning) and in progress', () => {
    const a = assessmentFigures(rows, complaintStates, 2570);
    expect(a.byMonth).toHaveLength(12);
    expect(a.byMonth[0]).toMatchObject({ period: '2026-10', labelTh: 'ต.ค. 2569', total: 3, completed: 2, inProgress: 1 });
    expect(a.byMonth[1]).toMatchObject({ period: '2026-11', total: 1, completed: 1, inProgress: 0 });
    expect(a.byQuarter.map((q) => q.period)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(a.byQuarter[0]).toMatchObject({ labelTh: 'ไตรมาสที่ 1 (ต.ค.–ธ.ค. 2569)', total: 4, completed: 3, inProgress: 1 });
    expect(a.byQuarter[1]).toMatchObject({ total: 0, completed: 0, inProgress: 0 });
    expect(a.byHalf.map((h) => [h.period, h.total])).toEqual([
      ['H1', 4],
      ['H2', 0],
    ]);
    expect(a.byHalf[1].labelTh).toBe('รอบ 6 เดือนหลัง (เม.ย.–ก.ย. 2570)');
    expect(a.year).toMatchObject({ total: 4, completed: 3, inProgress: 1 });
  });
});

describe('e-service', () => {
  it('lists every published form, counts requests open and closed, and the paper saved', () => {
    const f = eServiceFigures(
      [
        { formSlug: 'water', title: 'น้ำ', state: 'done', receivedAt: '2026-10-02T00:00:00Z', paperPages: 2 },
        { formSlug: 'water', title: 'น้ำ', state: 'checking', receivedAt: '2026-10-02T00:00:00Z', paperPages: 2 },
        { formSlug: 'old-form', title: 'แบบเก่า', state: 'refused', receivedAt: '2025-10-02T00:00:00Z', paperPages: 1 },
        { formSlug: null, title: 'ขอคัดสำเนา', state: 'received', receivedAt: '2026-10-03T00:00:00Z', paperPages: null },
      ],
      [
        { slug: 'water', titleTh: 'น้ำ', titleEn: 'Water' },
        { slug: 'bins', titleTh: 'ถังขยะ', titleEn: null },
      ],
      eServiceStates
    );
    expect(f.total).toBe(4);
    expect(f.paperPagesSaved).toBe(5);
    expect(f.byService).toEqual([
      { slug: 'water', titleTh: 'น้ำ', titleEn: 'Water', count: 2, open: 1, closed: 1 },
      { slug: 'old-form', titleTh: 'แบบเก่า', titleEn: 'แบบเก่า', count: 1, open: 0, closed: 1 },
      { slug: null, titleTh: null, titleEn: null, count: 1, open: 1, closed: 0 },
      { slug: 'bins', titleTh: 'ถังขยะ', titleEn: 'ถังขยะ', count: 0, open: 0, closed: 0 },
    ]);
    expect(f.byStatus.map((s) => [s.state, s.count])).toEqual([
      ['received', 1],
      ['checking', 1],
      ['waiting_documents', 0],
      ['approved', 0],
      ['refused', 1],
      ['done', 1],
    ]);
  });
});

describe('satisfaction', () => {
  const r = (over: Partial<RatingRow>): RatingRow => ({ caseType: 'complaint', channel: 'web', speed: 5, staff: 4, result: 3, overall: 4, answeredAt: '2026-11-01T00:00:00Z', ...over });
  it('averages each aspect to two decimals, overall, by case type and by channel; null for nobody', () => {
    const f = satisfactionFigures([r({}), r({ speed: 4, overall: 5 }), r({ caseType: 'e-service', channel: 'line', speed: 1, staff: 2, result: 2, overall: 1 })], [
      { slug: 's', titleTh: 'แบบสำรวจ', titleEn: null, responses: ['2026-11-01T00:00:00Z', '2025-01-01T00:00:00Z'] },
    ]);
    expect(f.overall).toEqual({ count: 3, speed: 3.33, staff: 3.33, result: 2.67, overall: 3.33 });
    expect(f.byCaseType).toEqual([
      { caseType: 'complaint', count: 2, speed: 4.5, staff: 4, result: 3, overall: 4.5 },
      { caseType: 'e-service', count: 1, speed: 1, staff: 2, result: 2, overall: 1 },
    ]);
    expect(f.byChannel.map((c) => [c.channel, c.count])).toEqual([
      ['web', 2],
      ['line', 1],
    ]);
    expect(f.surveys).toEqual([{ slug: 's', titleTh: 'แบบสำรวจ', titleEn: null, responses: 2 }]);
    expect(satisfactionFigures([], [], {}).overall).toEqual({ count: 0, speed: null, staff: null, result: null, overall: null });
    expect(satisfactionFigures([r({})], [{ slug: 's', titleTh: 'x', titleEn: null, responses: ['2026-11-01T00:00:00Z', '2025-01-01T00:00:00Z'] }], { fiscalYear: 2569 })).toMatchObject({
      overall: { count: 0 },
      surveys: [{ responses: 0 }],
    });
  });
});

describe('datasets and tax', () => {
  it('counts published datasets by category and their resources; downloads are not counted', () => {
    expect(
      datasetFigures([
        { category: 'population', resources: 1 },
        { category: 'public_services', resources: 2 },
        { category: 'public_services', resources: 0 },
      ])
    ).toEqual({
      published: 3,
      byCategory: [
        { category: 'public_services', count: 2 },
        { category: 'population', count: 1 },
      ],
      resources: 3,
      downloads: null,
    });
  });

  it('sums tax billed and collected by year, leaving cancelled bills out', () => {
    const bills = [
      { taxYear: 2569, taxAmount: '100.10', paidAmount: '100.10', status: 'paid' },
      { taxYear: 2569, taxAmount: 300, paidAmount: 50, status: 'partially_paid' },
      { taxYear: 2569, taxAmount: 999, paidAmount: 0, status: 'cancelled' },
      { taxYear: 2568, taxAmount: 0, paidAmount: null, status: 'issued' },
    ];
    expect(taxFigures(bills).byYear).toEqual([
      { year: 2568, billed: 0, collected: 0, share: null, bills: 1, paidBills: 0 },
      { year: 2569, billed: 400.1, collected: 150.1, share: 0.3752, bills: 2, paidBills: 1 },
    ]);
    expect(taxFigures(bills, { fiscalYear: 2568 }).byYear.map((y) => y.year)).toEqual([2568]);
  });
});

it('names six areas', () => {
  expect(AREAS).toEqual(['complaints', 'e-service', 'satisfaction', 'datasets', 'tax', 'complaints-assessment']);
  expect(isArea('tax')).toBe(true);
  expect(isArea('constructor')).toBe(false);
});
