import {
  checklist,
  fiscalYearOf,
  fiscalYearStart,
  resolveItem,
  safeHref,
  statusOf,
  stepsOf,
  toPublicChecklist,
  GROUPS,
  type ItemRow,
  type SiteFacts,
} from '../../../../../src/api/transparency/domain/checklist';
import { governance, quarterOfInstant, quarterOfMonth, type StatisticsFigures } from '../../../../../src/api/transparency/domain/governance';

/** The ITA/OIT checklist rules: href, status (ok / missing / stale) and the steps from the home page. */

const NOW = new Date('2026-12-02T10:00:00Z'); // FY 2570
const site: SiteFacts = { latestNews: { procurement: '2026-11-10T00:00:00+07:00', job: '2025-05-01T00:00:00+07:00' }, eServiceOpen: true, surveysPublished: false, statistics: true };

const row = (over: Partial<ItemRow>): ItemRow => ({
  documentId: 'doc1',
  code: 'o1',
  fiscalYear: 2570,
  indicator: 'i9',
  group: 'basic_information',
  order: 1,
  titleTh: 'โครงสร้าง',
  titleEn: 'Structure',
  requirementTh: 'แผนผัง',
  requirementEn: null,
  linkKind: 'page',
  page: null,
  newsCategory: null,
  dataset: null,
  statistic: null,
  file: null,
  url: null,
  reviewedAt: '2026-11-01',
  ...over,
});
const page = (over: Partial<NonNullable<ItemRow['page']>> = {}) => ({
  slug: 'organization',
  title: { th: 'โครงสร้างองค์กร', en: 'Organisation' },
  showInMenu: true,
  publishedAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

describe('fiscal years (1 October – 30 September, Buddhist era, Bangkok time)', () => {
  it.each([
    ['2026-09-30T16:59:59Z', 2569],
    ['2026-09-30T17:00:00Z', 2570], // 1 October 00:00 in Bangkok
    ['2027-09-30T16:59:59Z', 2570],
    ['2027-01-15T00:00:00Z', 2570],
  ])('%s is in FY %i', (at, fy) => expect(fiscalYearOf(new Date(at))).toBe(fy));

  it('starts FY 2570 at 2026-10-01 00:00 Bangkok', () => expect(fiscalYearStart(2570).toISOString()).toBe('2026-09-30T17:00:00.000Z'));
});

describe('status', () => {
  it('is ok for a published page updated in the year and reviewed lately', () => {
    expect(statusOf(row({ page: page() }), site, NOW)).toEqual({ status: 'ok', reason: null, href: '/pages/organization', updatedAt: '2026-11-01T00:00:00.000Z' });
  });

  it('is missing when nothing is linked, whatever the kind', () => {
    for (const linkKind of ['page', 'news_category', 'dataset', 'statistic', 'file', 'url'] as const) {
      expect(statusOf(row({ linkKind }), site, NOW)).toMatchObject({ status: 'missing', reason: 'no_target', href: null });
    }
  });

  it('is missing when the page or dataset is only a draft', () => {
    expect(statusOf(row({ page: page({ publishedAt: null }) }), site, NOW)).toMatchObject({ status: 'missing', reason: 'not_published' });
    const dataset = { slug: 'budget', title: { th: 'งบ', en: 'Budget' }, publishedAt: null, updatedAt: '2026-11-01T00:00:00Z' };
    expect(statusOf(row({ linkKind: 'dataset', dataset }), site, NOW)).toMatchObject({ status: 'missing', reason: 'not_published', href: '/data/budget' });
  });

  it('is missing when a news category has nothing published, no form is open, no survey, no statistics', () => {
    expect(statusOf(row({ linkKind: 'news_category', newsCategory: 'announcement' }), site, NOW)).toMatchObject({ status: 'missing', reason: 'nothing_published' });
    expect(statusOf(row({ linkKind: 'e_service' }), { ...site, eServiceOpen: false }, NOW)).toMatchObject({ status: 'missing', href: '/e-service' });
    expect(statusOf(row({ linkKind: 'survey' }), site, NOW)).toMatchObject({ status: 'missing', href: '/surveys' });
    expect(statusOf(row({ linkKind: 'statistic', statistic: 'tax' }), { ...site, statistics: false }, NOW)).toMatchObject({ status: 'missing', href: '/statistics#tax' });
  });

  it('is stale when the target last changed before the fiscal year began', () => {
    expect(statusOf(row({ page: page({ updatedAt: '2026-09-30T16:59:00.000Z' }) }), site, NOW)).toMatchObject({ status: 'stale', reason: 'not_updated_in_year' });
    expect(statusOf(row({ page: page({ updatedAt: '2026-09-30T17:00:00.000Z' }) }), site, NOW).status).toBe('ok');
    expect(statusOf(row({ linkKind: 'news_category', newsCategory: 'job' }), site, NOW)).toMatchObject({ status: 'stale', href: '/news?category=job' });
    expect(statusOf(row({ linkKind: 'news_category', newsCategory: 'procurement' }), site, NOW).status).toBe('ok');
  });

  it('is stale when staff last reviewed the item more than 365 days ago, ok at 365', () => {
    expect(statusOf(row({ page: page(), reviewedAt: '2025-12-01' }), site, NOW)).toMatchObject({ status: 'stale', reason: 'review_overdue' });
    expect(statusOf(row({ page: page(), reviewedAt: '2025-12-03' }), site, NOW).status).toBe('ok');
    expect(statusOf(row({ page: page(), reviewedAt: null }), site, NOW).status).toBe('ok');
  });

  it('prefers missing over stale, and live figures are never stale by date', () => {
    expect(statusOf(row({ page: page({ publishedAt: null, updatedAt: '2020-01-01T00:00:00Z' }), reviewedAt: '2020-01-01' }), site, NOW).status).toBe('missing');
    expect(statusOf(row({ linkKind: 'statistic', statistic: 'complaints_assessment' }), site, NOW)).toMatchObject({ status: 'ok', href: '/statistics#complaints-assessment' });
  });

  it('links files and urls, refusing addresses that are not a site path or http(s)', () => {
    expect(statusOf(row({ linkKind: 'file', file: { url: '/uploads/plan.pdf', name: 'plan.pdf', updatedAt: '2026-10-05T00:00:00Z' } }), site, NOW)).toMatchObject({ status: 'ok', href: '/uploads/plan.pdf' });
    expect(statusOf(row({ linkKind: 'url', url: 'javascript:alert(1)' }), site, NOW)).toMatchObject({ status: 'missing', href: null });
    expect(safeHref('//evil.example/x')).toBeNull();
    expect(safeHref(' /contact ')).toBe('/contact');
    expect(safeHref('https://www.nacc.go.th/')).toBe('https://www.nacc.go.th/');
  });
});

describe('steps from the home page', () => {
  const th = (r: ItemRow) => stepsOf(r, statusOf(r, site, NOW).href).map((s) => s.th);
  const en = (r: ItemRow) => stepsOf(r, statusOf(r, site, NOW).href).map((s) => s.en);

  it('a menu page is one click; a page outside the menu is reached through the checklist in the footer', () => {
    expect(th(row({ page: page() }))).toEqual(['หน้าแรก', 'เมนู โครงสร้างองค์กร']);
    expect(en(row({ page: page() }))).toEqual(['Home', 'Menu: Organisation']);
    expect(th(row({ group: 'budget', page: page({ showInMenu: false, title: { th: 'แผนจัดซื้อ', en: 'Procurement plan' } }) }))).toEqual([
      'หน้าแรก',
      'ลิงก์ท้ายหน้า "การเปิดเผยข้อมูลสาธารณะ (ITA)"',
      'หมวด การบริหารเงินงบประมาณ',
      'แผนจัดซื้อ',
    ]);
  });

  it('news, datasets, statistics, e-service and known site places by their menu or service', () => {
    expect(th(row({ linkKind: 'news_category', newsCategory: 'procurement' }))).toEqual(['หน้าแรก', 'เมนู ข่าวสาร', 'เลือกหมวด จัดซื้อจัดจ้าง']);
    const dataset = { slug: 'b', title: { th: 'งบประมาณ', en: 'Budget' }, publishedAt: '2026-10-02T00:00:00Z', updatedAt: null };
    expect(en(row({ linkKind: 'dataset', dataset }))).toEqual(['Home', 'Service "Open data and maps"', 'Dataset: Budget']);
    expect(th(row({ linkKind: 'statistic', statistic: 'satisfaction' }))).toEqual(['หน้าแรก', 'เมนู สถิติการให้บริการ', 'หัวข้อ ความพึงพอใจ']);
    expect(th(row({ linkKind: 'e_service' }))).toEqual(['หน้าแรก', 'บริการ "บริการออนไลน์ e-Service"']);
    expect(th(row({ linkKind: 'url', url: '/contact' }))).toEqual(['หน้าแรก', 'เมนู ติดต่อเรา']);
    expect(en(row({ linkKind: 'url', url: '/somewhere-else' }))).toEqual(['Home', 'Footer link "Open information (ITA)"', 'Section: Basic information', 'Structure']);
    expect(en(row({ linkKind: 'url', url: 'https://www.nacc.go.th/' })).at(-1)).toBe('Link to an outside website: Structure');
  });

  it('an item with nothing linked still says where the checklist lists it', () => {
    expect(th(row({}))).toEqual(['หน้าแรก', 'ลิงก์ท้ายหน้า "การเปิดเผยข้อมูลสาธารณะ (ITA)"', 'หมวด ข้อมูลพื้นฐาน', 'โครงสร้าง']);
  });
});

describe('the checklist', () => {
  it('lists every group of the assessment in order, items sorted by order then code, counts per group, only the year asked', () => {
    const rows = [
      row({ code: 'o10', order: 5, group: 'administration', page: page() }),
      row({ code: 'o2', order: 5, group: 'administration' }),
      row({ code: 'o1', order: 1, page: page({ updatedAt: '2025-01-01T00:00:00Z' }) }),
      row({ code: 'o1', fiscalYear: 2569, page: page() }),
    ];
    const list = checklist(2570, rows, site, NOW);
    expect(list.groups.map((g) => g.key)).toEqual(GROUPS.map((g) => g.key));
    expect(list.groups.find((g) => g.key === 'corruption_prevention')?.indicator).toBe('i10');
    const admin = list.groups.find((g) => g.key === 'administration')!;
    expect(admin.items.map((i) => i.code)).toEqual(['o2', 'o10']);
    expect(admin).toMatchObject({ total: 2, ok: 1, missing: 1, stale: 0 });
    expect(list.counts).toEqual({ total: 3, ok: 1, missing: 1, stale: 1 });
  });

  it('gives the public view without record ids, English falling back to Thai', () => {
    const item = resolveItem(row({ page: page() }), site, NOW);
    expect(item.requirement).toEqual({ th: 'แผนผัง', en: 'แผนผัง' });
    const open = toPublicChecklist(checklist(2570, [row({ page: page() })], site, NOW));
    expect(JSON.stringify(open)).not.toContain('doc1');
    expect(open.groups[0].items[0]).toEqual({
      code: 'o1',
      title: { th: 'โครงสร้าง', en: 'Structure' },
      requirement: { th: 'แผนผัง', en: 'แผนผัง' },
      href: '/pages/organization',
      steps: { th: ['หน้าแรก', 'เมนู โครงสร้างองค์กร'], en: ['Home', 'Menu: Organisation'] },
      status: 'ok',
      reason: null,
      updatedAt: '2026-11-01T00:00:00.000Z',
      reviewedAt: '2026-11-01',
    });
  });
});

describe('good-governance indicators', () => {
  it('places months and instants in the fiscal year’s quarters', () => {
    expect(['2026-10', '2026-12', '2027-01', '2027-06', '2027-09', '2026-09', '2027-10'].map((m) => quarterOfMonth(m, 2570))).toEqual([0, 0, 1, 2, 3, -1, -1]);
    expect(quarterOfInstant('2026-12-31T17:00:00Z', 2570)).toBe(1); // 1 January in Bangkok
    expect(quarterOfInstant('2026-09-30T16:00:00Z', 2570)).toBe(-1);
  });

  const stats: StatisticsFigures = {
    complaints: {
      total: 10,
      byMonth: [
        { month: '2026-10', received: 3, resolved: 1 },
        { month: '2026-11', received: 2, resolved: 2 },
        { month: '2027-02', received: 5, resolved: 0 },
      ],
      resolveDays: { median: 4.5 },
      onTime: { answered: 4, withinDeadline: 3, share: 0.75 },
      reopened: { cases: 2, reopens: 3 },
    },
    'e-service': { total: 7, paperPagesSaved: 21 },
    satisfaction: { overall: { count: 12, overall: 4.2 } },
    datasets: { published: 9 },
    tax: { byYear: [{ year: 2569, billed: 100, collected: 80, share: 0.8 }, { year: 2570, billed: 200, collected: 50, share: 0.25 }] },
    'complaints-assessment': {
      byQuarter: [
        { period: 'Q1', total: 5, inProgress: 2, completed: 3 },
        { period: 'Q2', total: 5, inProgress: 5, completed: 0 },
        { period: 'Q3', total: 0, inProgress: 0, completed: 0 },
        { period: 'Q4', total: 0, inProgress: 0, completed: 0 },
      ],
    },
  };

  it('computes each principle’s indicators from the statistics, the checklist and the finished cases', () => {
    const list = checklist(2570, [row({ page: page() }), row({ code: 'o29', group: 'corruption_prevention' })], site, NOW);
    const finished = [
      { resolvedAt: '2026-10-05T00:00:00Z', withReason: true },
      { resolvedAt: '2026-11-05T00:00:00Z', withReason: false },
      { resolvedAt: '2027-01-05T00:00:00Z', withReason: true },
      { resolvedAt: '2025-01-05T00:00:00Z', withReason: false }, // another year
    ];
    const g = governance(2570, stats, list, finished);
    const value = (p: string, k: string) => g.principles.find((x) => x.key === p)!.indicators.find((i) => i.key === k)!;
    expect(g.principles.map((p) => p.key)).toEqual(['rule_of_law', 'ethics', 'transparency', 'participation', 'accountability', 'value_for_money']);
    expect(value('rule_of_law', 'answered_with_reason')).toEqual({ key: 'answered_with_reason', value: 0.6667, unit: 'share', quarters: [0.5, 1, null, null] });
    expect(value('ethics', 'integrity_items_ok').value).toBe(0);
    expect(value('transparency', 'ita_items_ok').value).toBe(0.5);
    expect(value('transparency', 'datasets_published').value).toBe(9);
    expect(value('participation', 'complaints_received')).toMatchObject({ value: 10, quarters: [5, 5, 0, 0] });
    expect(value('participation', 'survey_answers').value).toBe(12);
    expect(value('accountability', 'answered_on_time').value).toBe(0.75);
    expect(value('accountability', 'completed_share')).toMatchObject({ value: 0.3, quarters: [0.6, 0, null, null] });
    expect(value('accountability', 'reopen_rate').value).toBe(0.2);
    expect(value('value_for_money', 'paper_pages_saved').value).toBe(21);
    expect(value('value_for_money', 'tax_collected_share').value).toBe(0.25);
    expect(value('value_for_money', 'median_days_to_resolve').value).toBe(4.5);
  });

  it('leaves the statistics’ indicators empty when the statistics are not there', () => {
    const g = governance(2570, null, checklist(2570, [], site, NOW), []);
    expect(g.statistics).toBe(false);
    expect(g.principles.flatMap((p) => p.indicators).filter((i) => i.value !== null)).toEqual([]);
  });
});
