import type { JSX } from 'preact';
import { href, lang, t } from '../i18n';
import type { Site } from '../components/site';
import { NoScriptNotice } from '../components/NoScriptNotice';
import { inLanguage, type Bilingual } from '../e-form';
import { RATING_ASPECTS, questionId, type Question, type QuestionResult, type SurveyDefinition, type SurveyResults, type SurveySummary } from '../survey';
import type { Api } from './load';

/* ------------------------------------------------------------------------------------------------
 * /survey?token=…: rating one finished case (the link sent when it was finished)
 * ---------------------------------------------------------------------------------------------- */

/** What GET /api/case-ratings/{token} answers: the case's code and service, nothing personal. */
export interface CaseRatingView {
  caseType: 'complaint' | 'e-service';
  trackingCode: string;
  service: Bilingual;
  answered: boolean;
  closed: boolean;
}

export interface CaseSurveyData {
  token: string;
  problem: 'missing' | 'invalid' | null;
  rating: CaseRatingView | null;
}

/** The token in `?token=`; read fresh on every request (the page is never kept). */
export async function loadCaseSurvey(api: Api, query: URLSearchParams): Promise<CaseSurveyData> {
  const token = (query.get('token') ?? '').trim().slice(0, 100);
  if (!token) return { token, problem: 'missing', rating: null };
  if (!/^[a-z-]+\.\d+\.[A-Za-z0-9_-]+$/.test(token)) return { token, problem: 'invalid', rating: null };
  const rating = (await api<{ data: CaseRatingView | null }>(`case-ratings/${encodeURIComponent(token)}`, {})).data ?? null;
  return { token, problem: rating ? null : 'invalid', rating };
}

/** Five big radio buttons, 1 (poor) to 5 (excellent): a row of thumb-sized targets at 360 px. */
function Scale({ name, legend, hint }: { name: string; legend: string; hint?: string }): JSX.Element {
  const id = `r-${name}`;
  return (
    <fieldset class="field scale" id={id} data-field={name} aria-describedby={`${id}-ends ${id}-error`}>
      <legend>
        {legend}{' '}
        <span class="req" aria-hidden="true">
          *
        </span>
      </legend>
      {hint ? <p class="hint">{hint}</p> : null}
      <div class="scale-options">
        {[1, 2, 3, 4, 5].map((n) => (
          <label class="scale-option" for={`${id}-${n}`}>
            <input id={`${id}-${n}`} type="radio" name={name} value={String(n)} required />
            <span class="scale-number">{n}</span>
            <span class="sr-only">{t(`survey.scale.${n}` as 'survey.scale.1')}</span>
          </label>
        ))}
      </div>
      <p class="hint scale-ends" id={`${id}-ends`} aria-hidden="true">
        <span>{t('survey.scale.1')}</span>
        <span>{t('survey.scale.5')}</span>
      </p>
      <p class="field-error" id={`${id}-error`} hidden></p>
    </fieldset>
  );
}

export function CaseSurvey({ data, site }: { data: CaseSurveyData; site: Site }): JSX.Element {
  const r = data.rating;
  if (!r) {
    return (
      <>
        <h1>{t('survey.case.title')}</h1>
        <p role="alert">{data.problem === 'missing' ? t('survey.case.missing') : t('survey.case.invalid')}</p>
        <p>
          <a href={href('/track')}>{t('survey.case.trackLink')} →</a>
        </p>
      </>
    );
  }
  const trackHref = href(`/track?code=${encodeURIComponent(r.trackingCode)}`);
  return (
    <>
      <h1>{t('survey.case.title')}</h1>
      <dl class="facts">
        <dt>{t('survey.case.code')}</dt>
        <dd>
          <a href={trackHref}>{r.trackingCode}</a>
        </dd>
        <dt>{t('survey.case.service')}</dt>
        <dd>{inLanguage(r.service, lang)}</dd>
      </dl>
      <section id="survey-thanks" class="notice" role="status" hidden={!r.answered} tabIndex={-1}>
        <h2>{t('survey.thanks.title')}</h2>
        <p>{r.answered ? t('survey.case.already') : t('survey.thanks.body')}</p>
        <p>
          <a href={href('/statistics')}>{t('survey.thanks.statistics')} →</a>
        </p>
      </section>
      {r.answered ? null : !r.closed ? (
        <p role="alert">{t('survey.case.notClosed')}</p>
      ) : (
        <>
          <p>{t('survey.case.intro')}</p>
          <NoScriptNotice site={site} id="survey-noscript" text={t('survey.noscript')} />
          <form id="case-survey" data-token={data.token} noValidate>
            {RATING_ASPECTS.map((aspect) => (
              <Scale name={aspect} legend={t(`survey.aspect.${aspect}` as 'survey.aspect.speed')} />
            ))}
            <div class="field" data-field="comment">
              <label for="r-comment">{t('survey.comment')}</label>
              <p class="hint" id="r-comment-hint">
                {t('survey.comment.hint')}
              </p>
              <textarea id="r-comment" name="comment" rows={4} maxlength={2000} aria-describedby="r-comment-hint r-comment-error"></textarea>
              <p class="field-error" id="r-comment-error" hidden></p>
            </div>
            <div class="alert" id="survey-alert" role="alert"></div>
            <button type="submit" class="primary" id="survey-send" disabled>
              {t('survey.send')}
            </button>
          </form>
        </>
      )}
    </>
  );
}

/* ------------------------------------------------------------------------------------------------
 * /surveys and /surveys/{slug}: general surveys
 * ---------------------------------------------------------------------------------------------- */

export interface SurveyListData {
  surveys: SurveySummary[];
}

export async function loadSurveys(api: Api): Promise<SurveyListData> {
  const res = await api<{ data: SurveySummary[] | null }>('surveys', {});
  return { surveys: res.data ?? [] };
}

const closesText = (iso: string | null) =>
  iso ? t('survey.closes', { date: new Date(iso).toLocaleDateString(lang === 'th' ? 'th-TH' : 'en-GB', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long', year: 'numeric' }) }) : t('survey.noEnd');

export function SurveyList({ data }: { data: SurveyListData }): JSX.Element {
  return (
    <>
      <h1>{t('survey.list.title')}</h1>
      <p>{t('survey.list.intro')}</p>
      {data.surveys.length ? (
        <ul class="eservices">
          {data.surveys.map((s) => (
            <li class="card eservice">
              <h2>
                <a href={href(`/surveys/${encodeURIComponent(s.slug)}`)}>{inLanguage(s.title, lang)}</a>
              </h2>
              {inLanguage(s.description, lang) ? <p>{inLanguage(s.description, lang)}</p> : null}
              <p class="hint">
                {t('survey.questions', { count: s.questionCount })} · {closesText(s.closesAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('survey.list.empty')}</p>
      )}
    </>
  );
}

export interface SurveyPageData {
  survey: SurveyDefinition;
  results: (SurveyResults & { slug: string }) | null;
  lang: 'th' | 'en';
}

export async function loadSurvey(api: Api, slug: string, language: 'th' | 'en'): Promise<SurveyPageData | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(slug)) return null;
  const survey = (await api<{ data: SurveyDefinition | null }>(`surveys/${encodeURIComponent(slug)}`, {})).data ?? null;
  if (!survey) return null;
  const results = survey.showResults ? ((await api<{ data: (SurveyResults & { slug: string }) | null }>(`surveys/${encodeURIComponent(slug)}/results`, {})).data ?? null) : null;
  return { survey, results, lang: language };
}


function QuestionControl({ q }: { q: Question }): JSX.Element {
  const id = questionId(q.name);
  const legend = (
    <legend>
      {inLanguage(q.label, lang)}
      {q.required ? (
        <>
          {' '}
          <span class="req" aria-hidden="true">
            *
          </span>
        </>
      ) : null}
    </legend>
  );
  const error = <p class="field-error" id={`${id}-error`} hidden></p>;
  switch (q.__component) {
    case 'survey.rating':
      return <Scale name={q.name} legend={inLanguage(q.label, lang)} />;
    case 'survey.choice':
      return (
        <fieldset class="field" id={id} data-field={q.name} aria-describedby={`${id}-error`}>
          {legend}
          {q.options.map((o, i) => (
            <div class="check">
              <input id={`${id}-${i}`} name={q.name} type={q.multiple ? 'checkbox' : 'radio'} value={o.value} />
              <label for={`${id}-${i}`}>{inLanguage(o.label, lang)}</label>
            </div>
          ))}
          {error}
        </fieldset>
      );
    case 'survey.yes-no':
      return (
        <fieldset class="field" id={id} data-field={q.name} aria-describedby={`${id}-error`}>
          {legend}
          <div class="check">
            <input id={`${id}-yes`} name={q.name} type="radio" value="yes" />
            <label for={`${id}-yes`}>{t('eservice.yes')}</label>
          </div>
          <div class="check">
            <input id={`${id}-no`} name={q.name} type="radio" value="no" />
            <label for={`${id}-no`}>{t('eservice.no')}</label>
          </div>
          {error}
        </fieldset>
      );
    case 'survey.text':
      return (
        <div class="field" data-field={q.name}>
          <label for={id}>
            {inLanguage(q.label, lang)}
            {q.required ? (
              <>
                {' '}
                <span class="req" aria-hidden="true">
                  *
                </span>
              </>
            ) : null}
          </label>
          <textarea id={id} name={q.name} rows={3} maxlength={q.maxLength} aria-describedby={`${id}-error`}></textarea>
          {error}
        </div>
      );
  }
}

const number2 = (n: number) => n.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A bar of a count out of a total, as CSS (no chart library), with the figure in words beside it. */
function Bar({ label, count, total }: { label: string; count: number; total: number }): JSX.Element {
  const share = total ? Math.round((count / total) * 100) : 0;
  return (
    <li class="survey-bar-row">
      <span class="survey-bar-label">{label}</span>
      <span class="survey-bar" aria-hidden="true">
        <span style={`width:${share}%`}></span>
      </span>
      <span class="survey-bar-value">{t('survey.results.count', { count, share })}</span>
    </li>
  );
}

function ResultOf({ r }: { r: QuestionResult }): JSX.Element {
  const title = <h3>{inLanguage(r.label, lang)}</h3>;
  switch (r.kind) {
    case 'rating':
      return (
        <div class="result">
          {title}
          <p>{r.average === null ? t('survey.results.none') : t('survey.results.average', { average: number2(r.average), count: r.answered })}</p>
          <ul class="survey-bars">
            {(['5', '4', '3', '2', '1'] as const).map((n) => (
              <Bar label={n} count={r.distribution[n]} total={r.answered} />
            ))}
          </ul>
        </div>
      );
    case 'choice':
      return (
        <div class="result">
          {title}
          <ul class="survey-bars">
            {r.options.map((o) => (
              <Bar label={inLanguage(o.label, lang)} count={o.count} total={r.answered} />
            ))}
          </ul>
        </div>
      );
    case 'yes-no':
      return (
        <div class="result">
          {title}
          <ul class="survey-bars">
            <Bar label={t('eservice.yes')} count={r.yes} total={r.answered} />
            <Bar label={t('eservice.no')} count={r.no} total={r.answered} />
          </ul>
        </div>
      );
    case 'text':
      return (
        <div class="result">
          {title}
          <p>{t('survey.results.text', { count: r.answered })}</p>
        </div>
      );
  }
}

export function SurveyPage({ data, site }: { data: SurveyPageData; site: Site }): JSX.Element {
  const s = data.survey;
  return (
    <>
      <h1>{inLanguage(s.title, lang)}</h1>
      {inLanguage(s.description, lang) ? <p>{inLanguage(s.description, lang)}</p> : null}
      <p class="hint">{closesText(s.closesAt)}</p>
      <section id="survey-thanks" class="notice" role="status" hidden tabIndex={-1}>
        <h2>{t('survey.thanks.title')}</h2>
        <p>{t('survey.thanks.body')}</p>
      </section>
      {s.isOpen ? (
        <>
          <NoScriptNotice site={site} id="survey-noscript" text={t('survey.noscript')} />
          <form id="general-survey" data-slug={s.slug} noValidate>
            {s.questions.map((q) => (
              <QuestionControl q={q} />
            ))}
            <div class="alert" id="survey-alert" role="alert"></div>
            <button type="submit" class="primary" id="survey-send" disabled>
              {t('survey.send')}
            </button>
          </form>
        </>
      ) : (
        <p role="status">{t('survey.closed')}</p>
      )}
      {data.results ? (
        <section class="results" aria-labelledby="survey-results">
          <h2 id="survey-results">{t('survey.results.title')}</h2>
          <p>{t('survey.results.responses', { count: data.results.responses })}</p>
          {data.results.questions.map((r) => (
            <ResultOf r={r} />
          ))}
        </section>
      ) : null}
      <p>
        <a href={href('/surveys')}>← {t('survey.list.title')}</a>
      </p>
    </>
  );
}

