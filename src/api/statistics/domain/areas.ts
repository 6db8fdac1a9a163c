import type { AssessmentFigures, ComplaintFigures, DatasetFigures, EServiceFigures, SatisfactionFigures, TaxFigures } from './figures';

/** The statistics' areas, in the order the page shows them; each is one `GET /api/statistics/:area`. */
export const AREAS = ['complaints', 'e-service', 'satisfaction', 'datasets', 'tax', 'complaints-assessment'] as const;
export type AreaName = (typeof AREAS)[number];

export interface Areas {
  complaints: ComplaintFigures;
  'e-service': EServiceFigures;
  satisfaction: SatisfactionFigures;
  datasets: DatasetFigures;
  tax: TaxFigures;
  'complaints-assessment': AssessmentFigures;
}

export interface Statistics {
  generatedAt: string;
  /** The fiscal year asked for, or null: all time (the assessment form is then the current fiscal year's). */
  fiscalYear: number | null;
  areas: Areas;
}

export const isArea = (name: string): name is AreaName => (AREAS as readonly string[]).includes(name);

/** The fiscal years the API accepts (Buddhist era): the platform's data starts long after 2500. */
export const FISCAL_YEAR_MIN = 2500;
export const FISCAL_YEAR_MAX = 2700;
