import { readJson, type ApiError } from '../api';
import { apiHeaders, errorText, t } from '../i18n';
import { listener, pageData } from '../island';
import { RATING_ASPECTS, checkCaseRating, checkSurveyAnswers, questionId, type Question } from '../survey';
import type { SurveyPageData } from '../pages/Survey';

/**
 * The surveys' island, on the form the server rendered: the answers read from the controls, checked
 * with the server's own rules (src/shared/survey-rules.ts), each refusal shown under its question,
 * then sent as JSON: a case's rating to POST /api/case-ratings/{token}, a survey's answers to
 * POST /api/surveys/{slug}/responses. Once sent, the form gives way to the thank-you.
 */
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T | null;

interface Problem {
  path: Array<string | number>;
  code: string;
  message?: string;
}

function mount(form: HTMLFormElement, send: (answers: Record<string, unknown>) => Promise<Response>, read: () => Record<string, unknown>, check: (a: Record<string, unknown>) => Problem[], errorId: (name: string) => string) {
  const alertBox = $('survey-alert')!;
  const button = $<HTMLButtonElement>('survey-send')!;
  button.disabled = false;
  let busy = false;

  const clear = () => {
    alertBox.textContent = '';
    for (const el of Array.from(form.querySelectorAll<HTMLElement>('.field-error'))) {
      el.textContent = '';
      el.hidden = true;
    }
    for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
  };

  /** Each problem under its question; the first question with one gets the focus. */
  const show = (problems: Problem[]) => {
    let first: HTMLElement | null = null;
    for (const p of problems) {
      const name = String(p.path[0] ?? '');
      const slot = $(`${errorId(name)}-error`);
      const text = errorText([name], p.code, p.message);
      if (!slot) {
        alertBox.textContent = text;
        continue;
      }
      slot.textContent = text;
      slot.hidden = false;
      const box = $(errorId(name));
      box?.setAttribute('aria-invalid', 'true');
      first ??= box?.querySelector<HTMLElement>('input, textarea') ?? box;
    }
    if (!alertBox.textContent && problems.length) alertBox.textContent = t('survey.fix');
    first?.focus();
  };

  form.addEventListener(
    'submit',
    listener(async (e: Event) => {
      e.preventDefault();
      if (busy) return;
      clear();
      const answers = read();
      const problems = check(answers);
      if (problems.length) return show(problems);
      busy = true;
      form.setAttribute('aria-busy', 'true');
      try {
        const res = await send(answers);
        if (res.status === 201) {
          form.hidden = true;
          const thanks = $('survey-thanks');
          if (thanks) {
            thanks.hidden = false;
            thanks.focus();
          }
          return;
        }
        const error = (await readJson<ApiError>(res))?.error;
        const details = error?.details?.errors;
        if (res.status === 400 && Array.isArray(details) && details.length) {
          // The API names answers at ["data", "answers", name] or ["data", name].
          show(details.map((d) => ({ path: (Array.isArray(d.path) ? d.path : []).filter((p) => p !== 'data' && p !== 'answers') as string[], code: String(d.code), message: typeof d.message === 'string' ? d.message : '' })));
        } else alertBox.textContent = typeof error?.message === 'string' && res.status < 500 ? error.message : t('survey.failed');
      } catch {
        alertBox.textContent = t('survey.failed');
      } finally {
        busy = false;
        form.removeAttribute('aria-busy');
      }
    })
  );
}

const checkedValues = (form: HTMLFormElement, name: string) => Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)).map((i) => i.value);

const caseForm = $<HTMLFormElement>('case-survey');
if (caseForm) {
  const token = caseForm.dataset.token ?? '';
  mount(
    caseForm,
    (answers) => fetch(`/api/case-ratings/${encodeURIComponent(token)}`, { method: 'POST', headers: apiHeaders(true), body: JSON.stringify({ data: answers }) }),
    () => {
      const a: Record<string, unknown> = {};
      for (const k of RATING_ASPECTS) {
        const [v] = checkedValues(caseForm, k);
        if (v) a[k] = Number(v);
      }
      a.comment = $<HTMLTextAreaElement>('r-comment')?.value ?? '';
      return a;
    },
    (a) => checkCaseRating(a).issues ?? [],
    (name) => (name === 'comment' ? 'r-comment' : `r-${name}`)
  );
}

const surveyForm = $<HTMLFormElement>('general-survey');
const questions: Question[] = pageData<SurveyPageData>()?.survey.questions ?? [];
if (surveyForm) {
  const byName = new Map(questions.map((q) => [q.name, q]));
  mount(
    surveyForm,
    (answers) => fetch(`/api/surveys/${encodeURIComponent(surveyForm.dataset.slug ?? '')}/responses`, { method: 'POST', headers: apiHeaders(true), body: JSON.stringify({ data: { answers } }) }),
    () => {
      const a: Record<string, unknown> = {};
      for (const q of questions) {
        const picked = checkedValues(surveyForm, q.name);
        switch (q.__component) {
          case 'survey.rating':
            if (picked[0]) a[q.name] = Number(picked[0]);
            break;
          case 'survey.choice':
            a[q.name] = q.multiple ? picked : picked[0];
            break;
          case 'survey.yes-no':
            if (picked[0]) a[q.name] = picked[0] === 'yes';
            break;
          case 'survey.text':
            a[q.name] = $<HTMLTextAreaElement>(questionId(q.name))?.value ?? '';
            break;
        }
      }
      return a;
    },
    (a) => checkSurveyAnswers(questions, a).issues ?? [],
    (name) => (byName.get(name)?.__component === 'survey.rating' ? `r-${name}` : questionId(name))
  );
}
