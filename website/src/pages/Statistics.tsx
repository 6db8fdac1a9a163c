import type { JSX } from 'preact';
import { formatInstant, formatYear, href, lang, t, tDynamic } from '../i18n';
import type { Api } from './load';

/**
 * /statistics: the town's public service figures from GET /api/statistics, one section per area
 * (anchored by the area's name, so a checklist can link `/statistics#complaints`). Charts are CSS bars
 * drawn on the server, hidden from screen readers; each has the same figures as a table beside it.
 */

interface StatusCount {
  state: string;
  labelTh: string;
  labelEn: string;
  publicStatus: 'open' | 'closed';
  count: number;
}
interface Averages {
  count: number;
  speed: number | null;
  staff: number | null;
  result: number | null;
  overall: number | null;
}
interface AssessmentRow {
  period: string;
  labelTh: string;
  labelEn: string;
  total: number;
  inProgress: number;
  completed: number;
}

export interface Statistics {
  generatedAt: string;
  fiscalYear: number | null;
  areas: {
    complaints: {
      total: number;
      byCategory: Array<{ code: string | null; nameTh: string | null; nameEn: string | null; count: number }>;
      byStatus: StatusCount[];
      byVillage: Array<{ village: number | null; count: number }>;
      byMonth: Array<{ month: string; received: number; resolved: number }>;
      resolveDays: { median: number | null; p90: number | null; count: number };
      onTime: { answered: number; withinDeadline: number; share: number | null };
      reopened: { cases: number; reopens: number };
    };
    'e-service': {
      total: number;
      byService: Array<{ slug: string | null; titleTh: string | null; titleEn: string | null; count: number; open: number; closed: number }>;
      byStatus: StatusCount[];
      paperPagesSaved: number;
    };
    satisfaction: {
      overall: Averages;
      byCaseType: Array<Averages & { caseType: string }>;
      byChannel: Array<Averages & { channel: string | null }>;
      surveys: Array<{ slug: string; titleTh: string; titleEn: string | null; responses: number }>;
    };
    datasets: { published: number; byCategory: Array<{ category: string; count: number }>; resources: number; downloads: number | null };
    tax: { byYear: Array<{ year: number; billed: number; collected: number; share: number | null; bills: number; paidBills: number }> };
    'complaints-assessment': { fiscalYear: number; byMonth: AssessmentRow[]; byQuarter: AssessmentRow[]; byHalf: AssessmentRow[]; year: AssessmentRow };
  };
}

export interface StatisticsData {
  stats: Statistics;
  /** The fiscal year asked for (Buddhist era), or null: all time. */
  fiscalYear: number | null;
  /** The current fiscal year, for the year picker. */
  currentFiscalYear: number;
}

/** The figures as they are now: never kept for the next visitor (the route is not shared). */
export async function loadStatistics(api: Api, query: URLSearchParams): Promise<StatisticsData> {
  const asked = query.get('fiscalYear') ?? '';
  const fiscalYear = /^25\d\d$/.test(asked) ? Number(asked) : null;
  const stats = (await api<{ data: Statistics }>('statistics', fiscalYear ? { fiscalYear } : {})).data;
  // Without a year the assessment form is the current fiscal year's.
  const current = fiscalYear ? (await api<{ data: Statistics['areas']['complaints-assessment'] }>('statistics/complaints-assessment', {})).data.fiscalYear : stats.areas['complaints-assessment'].fiscalYear;
  return { stats, fiscalYear, currentFiscalYear: current };
}

const locale = () => (lang === 'th' ? 'th-TH' : 'en-GB');
const num = (n: number, digits = 0) => new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const percent = (share: number | null) => (share === null ? '–' : `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(share * 100)}%`);
const orDash = (n: number | null, digits = 0) => (n === null ? '–' : num(n, digits));
const named = (th: string | null, en: string | null) => (lang === 'en' ? en || th : th) ?? t('stats.unspecified');
const monthName = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
};

interface Bar {
  label: string;
  value: number;
  /** The value as the chart writes it (a share, an average); the number by default. */
  shown?: string;
}

/** Horizontal bars (they read at 360 px): the label above its bar, the value at its end. Hidden from screen readers: the table says the same. */
function Bars({ bars, max, second }: { bars: Bar[]; max?: number; second?: Bar[] }): JSX.Element {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), ...(second ?? []).map((b) => b.value), 1);
  // The longest bar leaves room for its value on a phone.
  const width = (v: number) => `calc((100% - 5em) * ${Math.max(0, Math.min(1, v / top)).toFixed(4)})`;
  return (
    <div class="stat-bars" aria-hidden="true">
      {bars.map((b, i) => (
        <div class="stat-bar-row">
          <span class="stat-bar-label">{b.label}</span>
          <span class="stat-bar-track">
            <span class="stat-bar" style={{ width: width(b.value) }} />
            <span class="stat-bar-value">{b.shown ?? num(b.value)}</span>
          </span>
          {second ? (
            <span class="stat-bar-track">
              <span class="stat-bar stat-bar-second" style={{ width: width(second[i].value) }} />
              <span class="stat-bar-value">{second[i].shown ?? num(second[i].value)}</span>
            </span>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** A chart's figures as a table: what a screen reader reads, and what anyone may open. */
function Table({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<string | number>> }): JSX.Element {
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={caption}>
      <table class="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th scope="col" class={i ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {r.map((c, i) => (i === 0 ? <th scope="row">{c}</th> : <td class="num">{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A chart with its table: the title, the bars, then the same figures in a table. */
function Chart({ id, title, bars, second, legend, max, head, rows }: { id: string; title: string; bars: Bar[]; second?: Bar[]; legend?: [string, string]; max?: number; head: string[]; rows: Array<Array<string | number>> }): JSX.Element {
  return (
    <figure class="stat-chart" id={id}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      {bars.length ? (
        <>
          {legend ? (
            <p class="stat-legend" aria-hidden="true">
              <span class="stat-key" /> {legend[0]} <span class="stat-key stat-key-second" /> {legend[1]}
            </p>
          ) : null}
          <Bars bars={bars} second={second} max={max} />
          <Table caption={title} head={head} rows={rows} />
        </>
      ) : (
        <p class="meta">{t('stats.none')}</p>
      )}
    </figure>
  );
}

/** The few headline figures of an area. */
function Figures({ items }: { items: Array<[string, string]> }): JSX.Element {
  return (
    <dl class="stat-figures">
      {items.map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const statusBars = (list: StatusCount[]) => list.map((s) => ({ label: named(s.labelTh, s.labelEn), value: s.count }));
const statusRows = (list: StatusCount[]) => list.map((s) => [named(s.labelTh, s.labelEn), tDynamic(`stats.meaning.${s.publicStatus}`), num(s.count)]);

function Complaints({ c }: { c: Statistics['areas']['complaints'] }): JSX.Element {
  const category = (x: (typeof c.byCategory)[number]) => named(x.nameTh, x.nameEn);
  const village = (v: number | null) => (v === null ? t('stats.unspecified') : t('stats.village', { n: v }));
  return (
    <section id="complaints" aria-labelledby="h-complaints">
      <h2 id="h-complaints">{t('stats.complaints.title')}</h2>
      <Figures
        items={[
          [t('stats.complaints.total'), num(c.total)],
          [t('stats.complaints.medianDays'), orDash(c.resolveDays.median, 1)],
          [t('stats.complaints.p90Days'), orDash(c.resolveDays.p90, 1)],
          [t('stats.complaints.onTime'), `${percent(c.onTime.share)} (${num(c.onTime.withinDeadline)}/${num(c.onTime.answered)})`],
          [t('stats.complaints.reopened'), t('stats.complaints.reopenedValue', { cases: num(c.reopened.cases), reopens: num(c.reopened.reopens) })],
        ]}
      />
      <Chart
        id="complaints-by-month"
        title={t('stats.complaints.byMonth')}
        legend={[t('stats.received'), t('stats.resolved')]}
        bars={c.byMonth.map((m) => ({ label: monthName(m.month), value: m.received }))}
        second={c.byMonth.map((m) => ({ label: monthName(m.month), value: m.resolved }))}
        head={[t('stats.month'), t('stats.received'), t('stats.resolved')]}
        rows={c.byMonth.map((m) => [monthName(m.month), num(m.received), num(m.resolved)])}
      />
      <Chart
        id="complaints-by-category"
        title={t('stats.complaints.byCategory')}
        bars={c.byCategory.map((x) => ({ label: category(x), value: x.count }))}
        head={[t('stats.category'), t('stats.count')]}
        rows={c.byCategory.map((x) => [category(x), num(x.count)])}
      />
      <Chart id="complaints-by-status" title={t('stats.complaints.byStatus')} bars={statusBars(c.byStatus)} head={[t('stats.status'), t('stats.meaning'), t('stats.count')]} rows={statusRows(c.byStatus)} />
      <Chart
        id="complaints-by-village"
        title={t('stats.complaints.byVillage')}
        bars={c.byVillage.map((v) => ({ label: village(v.village), value: v.count }))}
        head={[t('stats.villageHead'), t('stats.count')]}
        rows={c.byVillage.map((v) => [village(v.village), num(v.count)])}
      />
    </section>
  );
}

function EService({ e }: { e: Statistics['areas']['e-service'] }): JSX.Element {
  const title = (s: (typeof e.byService)[number]) => (s.slug === null ? t('stats.eservice.general') : named(s.titleTh, s.titleEn));
  return (
    <section id="e-service" aria-labelledby="h-e-service">
      <h2 id="h-e-service">{t('stats.eservice.title')}</h2>
      <Figures
        items={[
          [t('stats.eservice.total'), num(e.total)],
          [t('stats.eservice.paper'), num(e.paperPagesSaved)],
        ]}
      />
      <Chart
        id="e-service-by-service"
        title={t('stats.eservice.byService')}
        bars={e.byService.map((s) => ({ label: title(s), value: s.count }))}
        head={[t('stats.service'), t('stats.count'), t('stats.open'), t('stats.closed')]}
        rows={e.byService.map((s) => [title(s), num(s.count), num(s.open), num(s.closed)])}
      />
      <Chart id="e-service-by-status" title={t('stats.eservice.byStatus')} bars={statusBars(e.byStatus)} head={[t('stats.status'), t('stats.meaning'), t('stats.count')]} rows={statusRows(e.byStatus)} />
    </section>
  );
}

const avg = (n: number | null) => (n === null ? '–' : num(n, 2));

function Satisfaction({ s }: { s: Statistics['areas']['satisfaction'] }): JSX.Element {
  const aspects = ['speed', 'staff', 'result', 'overall'] as const;
  const channel = (c: string | null) => (c ? tDynamic(`channel.${c}`) : t('stats.unspecified'));
  return (
    <section id="satisfaction" aria-labelledby="h-satisfaction">
      <h2 id="h-satisfaction">{t('stats.satisfaction.title')}</h2>
      <p>{t('stats.satisfaction.intro')}</p>
      <Figures
        items={[
          [t('stats.satisfaction.answers'), num(s.overall.count)],
          [t('stats.satisfaction.overall'), s.overall.overall === null ? '–' : `${avg(s.overall.overall)} / 5`],
        ]}
      />
      <Chart
        id="satisfaction-aspects"
        title={t('stats.satisfaction.aspects')}
        max={5}
        bars={s.overall.count ? aspects.map((a) => ({ label: t(`stats.aspect.${a}`), value: s.overall[a] ?? 0, shown: avg(s.overall[a]) })) : []}
        head={[t('stats.aspect'), t('stats.average')]}
        rows={aspects.map((a) => [t(`stats.aspect.${a}`), avg(s.overall[a])])}
      />
      {/* Kinds of case as columns: two or three columns fit a phone, six did not. */}
      <Table
        caption={t('stats.satisfaction.byCaseType')}
        head={[t('stats.aspect'), ...s.byCaseType.map((r) => tDynamic(`stats.caseType.${r.caseType}`))]}
        rows={[[t('stats.answers'), ...s.byCaseType.map((r) => num(r.count))], ...aspects.map((a) => [t(`stats.aspect.${a}`), ...s.byCaseType.map((r) => avg(r[a]))])]}
      />
      <Chart
        id="satisfaction-by-channel"
        title={t('stats.satisfaction.byChannel')}
        max={5}
        bars={s.byChannel.map((r) => ({ label: channel(r.channel), value: r.overall ?? 0, shown: avg(r.overall) }))}
        head={[t('stats.channel'), t('stats.answers'), t('stats.aspect.overall')]}
        rows={s.byChannel.map((r) => [channel(r.channel), num(r.count), avg(r.overall)])}
      />
      {s.surveys.length ? (
        <Table caption={t('stats.satisfaction.surveys')} head={[t('stats.survey'), t('stats.responses')]} rows={s.surveys.map((x) => [named(x.titleTh, x.titleEn), num(x.responses)])} />
      ) : null}
    </section>
  );
}

function Datasets({ d }: { d: Statistics['areas']['datasets'] }): JSX.Element {
  const group = (c: string) => tDynamic(`data.group.${c}`);
  return (
    <section id="datasets" aria-labelledby="h-datasets">
      <h2 id="h-datasets">{t('stats.datasets.title')}</h2>
      <Figures
        items={[
          [t('stats.datasets.published'), num(d.published)],
          [t('stats.datasets.resources'), num(d.resources)],
        ]}
      />
      <Chart
        id="datasets-by-category"
        title={t('stats.datasets.byCategory')}
        bars={d.byCategory.map((c) => ({ label: group(c.category), value: c.count }))}
        head={[t('stats.category'), t('stats.count')]}
        rows={d.byCategory.map((c) => [group(c.category), num(c.count)])}
      />
      <p>
        <a href={href('/data')}>{t('stats.datasets.link')}</a>
      </p>
    </section>
  );
}

function Tax({ x }: { x: Statistics['areas']['tax'] }): JSX.Element {
  const year = (y: number) => t('stats.tax.year', { year: formatYear(y) });
  return (
    <section id="tax" aria-labelledby="h-tax">
      <h2 id="h-tax">{t('stats.tax.title')}</h2>
      <Chart
        id="tax-by-year"
        title={t('stats.tax.share')}
        max={1}
        bars={x.byYear.map((y) => ({ label: year(y.year), value: y.share ?? 0, shown: percent(y.share) }))}
        head={[t('stats.tax.yearHead'), t('stats.tax.billed'), t('stats.tax.collected'), t('stats.tax.shareHead'), t('stats.tax.bills'), t('stats.tax.paidBills')]}
        rows={x.byYear.map((y) => [year(y.year), num(y.billed, 2), num(y.collected, 2), percent(y.share), num(y.bills), num(y.paidBills)])}
      />
    </section>
  );
}

function Assessment({ a }: { a: Statistics['areas']['complaints-assessment'] }): JSX.Element {
  const label = (r: AssessmentRow) => (lang === 'en' ? r.labelEn : r.labelTh);
  const head = [t('stats.period'), t('stats.assessment.total'), t('stats.assessment.inProgress'), t('stats.assessment.completed')];
  const rows = (list: AssessmentRow[]) => list.map((r) => [label(r), num(r.total), num(r.inProgress), num(r.completed)]);
  return (
    <section id="complaints-assessment" aria-labelledby="h-complaints-assessment">
      <h2 id="h-complaints-assessment">{t('stats.assessment.title', { year: formatYear(a.fiscalYear) })}</h2>
      <p>{t('stats.assessment.intro')}</p>
      <Chart
        id="assessment-by-quarter"
        title={t('stats.assessment.byQuarter')}
        legend={[t('stats.assessment.completed'), t('stats.assessment.inProgress')]}
        bars={a.byQuarter.map((r) => ({ label: label(r), value: r.completed }))}
        second={a.byQuarter.map((r) => ({ label: label(r), value: r.inProgress }))}
        head={head}
        rows={rows(a.byQuarter)}
      />
      <Table caption={t('stats.assessment.byHalf')} head={head} rows={rows([...a.byHalf, a.year])} />
      <Table caption={t('stats.assessment.byMonth')} head={head} rows={rows(a.byMonth)} />
    </section>
  );
}

/** The year picker: a plain GET form (works without script). */
function YearPicker({ data }: { data: StatisticsData }): JSX.Element {
  const years = [0, 1, 2, 3].map((i) => data.currentFiscalYear - i);
  return (
    <form class="inline year-picker" method="get" action={href('/statistics')}>
      <label for="fiscal-year">{t('stats.fiscalYear')}</label>
      <select id="fiscal-year" name="fiscalYear">
        <option value="" selected={data.fiscalYear === null}>
          {t('stats.allTime')}
        </option>
        {years.map((y) => (
          <option value={String(y)} selected={data.fiscalYear === y}>
            {t('stats.fiscalYearOption', { year: formatYear(y) })}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        {t('stats.show')}
      </button>
    </form>
  );
}

export function StatisticsPage({ data }: { data: StatisticsData }): JSX.Element {
  const { areas } = data.stats;
  const apiPath = `/api/statistics${data.fiscalYear ? `?fiscalYear=${data.fiscalYear}` : ''}`;
  return (
    <div class="statistics">
      <h1>{t('stats.title')}</h1>
      <p>{t('stats.intro')}</p>
      <p class="meta">
        {t('stats.generatedAt', { at: formatInstant(data.stats.generatedAt, true) })} · {data.fiscalYear ? t('stats.fiscalYearOption', { year: formatYear(data.fiscalYear) }) : t('stats.allTime')}
      </p>
      <YearPicker data={data} />
      <nav aria-label={t('stats.sections')}>
        <ul class="stat-toc">
          {(['complaints', 'e-service', 'satisfaction', 'datasets', 'tax', 'complaints-assessment'] as const).map((area) => (
            <li>
              <a href={`#${area}`}>{t(`stats.area.${area}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Complaints c={areas.complaints} />
      <EService e={areas['e-service']} />
      <Satisfaction s={areas.satisfaction} />
      <Datasets d={areas.datasets} />
      <Tax x={areas.tax} />
      <Assessment a={areas['complaints-assessment']} />
      <section aria-labelledby="h-open">
        <h2 id="h-open">{t('stats.open.title')}</h2>
        <ul>
          <li>
            <a href={apiPath}>{t('stats.open.api')}</a> (<code>GET {apiPath}</code>)
          </li>
          <li>
            <a href={href('/data/service-statistics')}>{t('stats.open.dataset')}</a>
          </li>
          <li>
            <a href={href('/developers')}>{t('stats.open.developers')}</a>
          </li>
        </ul>
      </section>
    </div>
  );
}
