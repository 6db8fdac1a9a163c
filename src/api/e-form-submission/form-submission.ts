import type { Core } from '@strapi/strapi';
import { invalid, type FieldError } from '../../http/contract';
import { fieldMessage, type Language } from '../../http/messages';
import { checkAnswers, checkFiles, submissionEnvelope, type Field, type FormDefinition } from '../../shared/e-form-rules';
import { check, type CodedIssue } from '../../shared/field-rules';
import { caseEngine, type CaseRecord } from '../../../plugins/complaint-workflow/server/src/public';
import { answersSummary, type StoredFileMeta } from './domain/answers-view';
import { applicantFields } from './domain/input';
import { prepareFile, readHead, removeFiles, storeFiles, type PreparedFile, type Upload } from './files';

/**
 * Filing a request through an e-service form, all or nothing: the envelope, every answer and every
 * file are checked first (each refusal named at once); then the files are written to private storage
 * and the request is created through the case engine; if that fails, the files go too. A refusal
 * leaves no row and no file.
 */

/** A published form as the submission links to it. */
export interface FormRef {
  id: number;
  documentId: string;
  definition: FormDefinition;
}

/** Codes whose wording on a form differs from the same code elsewhere (a form's own limits, its own consent). */
const FORM_WORDING: Record<string, string> = { invalid_date: 'eform.invalid_date', consent_required: 'eform.consent_required', file_too_large: 'eform.file_too_large' };

const fieldAt = (fields: Field[], path: Array<string | number>) => fields.find((f) => f.name === path[0]);

/** An answer's refusal at ['answers', name, …], worded in the caller's language. */
function answerError(fields: Field[], issue: CodedIssue, lang: Language): FieldError {
  const field = fieldAt(fields, issue.path);
  const vars: Record<string, string | number> = field?.__component === 'eform.file' ? { max: field.maxSizeMb } : {};
  const key = FORM_WORDING[issue.code] ?? issue.code;
  return { path: ['answers', ...issue.path], code: issue.code, message: fieldMessage(key, lang, vars) };
}

export interface SubmissionInput {
  /** `data` as sent: an object (JSON) or its text (multipart); checked here. */
  data: unknown;
  uploads: Upload[];
}

/** Checks everything and reads the files; throws a 400 naming every refusal. */
async function checkSubmission(form: FormDefinition, input: SubmissionInput, lang: Language) {
  const errors: FieldError[] = [];
  const envelope = check(submissionEnvelope, input.data ?? {});
  if (envelope.issues) for (const i of envelope.issues) errors.push({ path: i.path, code: i.code, message: fieldMessage(i.code, lang) });
  const answers = checkAnswers(form.fields, envelope.data?.answers ?? (input.data as { answers?: unknown } | null)?.answers ?? {});
  if (answers.issues) for (const i of answers.issues) errors.push(answerError(form.fields, i, lang));

  // Files under a name that is no file field of the form are not answers: never read, never stored.
  const fileFields = new Set(form.fields.filter((f) => f.__component === 'eform.file').map((f) => f.name));
  const uploads = input.uploads.filter((u) => fileFields.has(u.field));
  const sent = await Promise.all(uploads.map(async (u) => ({ name: u.field, size: u.size, head: await readHead(u.filepath) })));
  for (const i of checkFiles(form.fields, sent)) errors.push(answerError(form.fields, i, lang));
  // A wrong `answers` is named once, though both the envelope and the form's rules see it.
  if (errors.length) throw invalid(errors.filter((e, i) => errors.findIndex((o) => o.code === e.code && o.path.join('\u0000') === e.path.join('\u0000')) === i), lang);

  // Accepted by their first bytes: now read (an image that cannot be decoded is no image after all).
  const prepared: PreparedFile[] = [];
  const position = new Map<string, number>();
  for (const u of uploads) {
    const i = position.get(u.field) ?? 0;
    position.set(u.field, i + 1);
    const file = await prepareFile(u);
    if (file) prepared.push(file);
    else errors.push(answerError(form.fields, { path: [u.field, i], code: 'file_type' }, lang));
  }
  if (errors.length) throw invalid(errors, lang);
  return { envelope: envelope.data!, answers: answers.data!, files: prepared };
}

/** Files a request through a form (`receivedAt`: now, or a demo request's past day). */
export async function fileFormSubmission(strapi: Core.Strapi, form: FormRef, input: SubmissionInput, lang: Language, receivedAt: Date = new Date(), owner?: number): Promise<CaseRecord> {
  const def = form.definition;
  const { envelope, answers, files } = await checkSubmission(def, input, lang);
  const stored: StoredFileMeta[] = await storeFiles(strapi, files);
  try {
    return await caseEngine(strapi).create(
      'e-service',
      {
        title: def.title.th,
        description: answersSummary(def, answers, stored),
        answers,
        form: form.documentId,
        formSlug: def.slug,
        // The form as it was served now: the request keeps it, whatever later changes the form.
        formSnapshot: def,
        files: stored,
        paperPages: def.paperPages,
        channel: 'web',
        ...applicantFields(envelope, lang),
        owner: owner ?? null,
      },
      { type: 'citizen' },
      receivedAt
    );
  } catch (err) {
    await removeFiles(strapi, stored.map((s) => s.key));
    throw err;
  }
}
