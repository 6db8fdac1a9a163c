import * as z from 'zod/mini';
import { check, code, doc, requiredText, text, type CodedIssue, type Doc } from './field-rules';
import { contact, hasContact, location } from './complaint-input';
import { THAI_PHONE, compactPhone } from './thai-phone';
import { bangkokToday } from './thai-date';

/**
 * The answers of an e-service form (`data.answers` of POST /api/e-forms/:slug/submissions), one set
 * of rules for the server's validation, its OpenAPI document and the website's check before sending.
 * A form is data (staff compose it from field components), so the schema is built from the form's
 * public definition: the same definition the website renders and the submission keeps as its snapshot.
 */

export interface Bilingual {
  th: string;
  en: string;
}

export type FieldKind = 'short-text' | 'long-text' | 'number' | 'date' | 'choice' | 'yes-no' | 'national-id' | 'phone' | 'email' | 'address' | 'location' | 'file' | 'consent';
export const FIELD_KINDS: FieldKind[] = ['short-text', 'long-text', 'number', 'date', 'choice', 'yes-no', 'national-id', 'phone', 'email', 'address', 'location', 'file', 'consent'];

interface FieldBase {
  /** The answer's key: stable, `^[a-z][a-z0-9_]*$`. */
  name: string;
  label: Bilingual;
  help: Bilingual | null;
  required: boolean;
}

export type FileAccept = 'pdf_images' | 'pdf' | 'images';
export type DateAllow = 'any' | 'past' | 'future';

export type Field =
  | (FieldBase & { __component: 'eform.short-text' | 'eform.long-text'; maxLength: number })
  | (FieldBase & { __component: 'eform.number'; min: number | null; max: number | null; integer: boolean; unit: Bilingual | null })
  | (FieldBase & { __component: 'eform.date'; allow: DateAllow })
  | (FieldBase & { __component: 'eform.choice'; multiple: boolean; options: Array<{ value: string; label: Bilingual }> })
  | (FieldBase & { __component: 'eform.yes-no' | 'eform.national-id' | 'eform.phone' | 'eform.email' | 'eform.location' })
  | (FieldBase & { __component: 'eform.address'; defaults: { subdistrict: string | null; district: string | null; province: string | null } })
  | (FieldBase & { __component: 'eform.file'; accept: FileAccept; mimeTypes: string[]; maxSizeMb: number; maxFiles: number })
  | (FieldBase & { __component: 'eform.consent'; text: Bilingual });

/** What GET /api/e-forms lists of each open form. */
export interface FormSummary {
  slug: string;
  title: Bilingual;
  description: Bilingual;
  department: string | null;
  processingDays: number;
  fee: number;
  fieldCount: number;
  acceptsFiles: boolean;
  updatedAt: string;
}

/** A form as GET /api/e-forms/:slug serves it, and as a submission keeps it (its snapshot). */
export interface FormDefinition extends FormSummary {
  isOpen: boolean;
  documents: { th: string[]; en: string[] };
  workflow: 'full' | 'short';
  paperPages: number;
  fields: Field[];
}

/** The kind of a field: `eform.national-id` → `national-id`. */
export const kindOf = (field: Pick<Field, '__component'>): FieldKind => field.__component.slice('eform.'.length) as FieldKind;

/** The codes a form's answers and files can be refused with, for the OpenAPI document and the catalogues. */
export const E_FORM_CODES = [
  'required',
  'invalid_type',
  'too_long',
  'too_small',
  'too_large',
  'not_integer',
  'invalid_date',
  'date_not_past',
  'date_not_future',
  'invalid_choice',
  'invalid_national_id',
  'invalid_phone',
  'invalid_email',
  'invalid_postcode',
  'out_of_area',
  'consent_required',
  'too_many_files',
  'file_too_large',
  'file_type',
  'control_characters',
  'invalid_encoding',
];

/* ------------------------------------------------------------------------------------------------
 * Single rules
 * ---------------------------------------------------------------------------------------------- */

/** A Thai national ID: 13 digits once spaces and dashes are gone, the last a check digit (mod 11, weights 13…2). */
export function nationalIdValid(raw: string): boolean {
  const id = compactId(raw);
  if (!/^\d{13}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]);
}

/** The ID as people type it (`1-2345-67890-12-1`), without its spaces and dashes. */
export const compactId = (raw: string): string => raw.replace(/[\s-]/g, '');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real Gregorian day written `YYYY-MM-DD` (a Buddhist-era year such as 2569 is far in the future and refused). */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1800 || y > 2200) return false;
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}

/** Today in Thailand (Asia/Bangkok), as `YYYY-MM-DD`. */
export { bangkokToday };

/** The lines of a one-per-line text (choice options, documents): trimmed, blank lines dropped. */
export const lines = (s: string | null | undefined): string[] =>
  (s ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/* ------------------------------------------------------------------------------------------------
 * Files
 * ---------------------------------------------------------------------------------------------- */

export type FileType = 'pdf' | 'jpeg' | 'png' | 'webp';
export const FILE_MEDIA: Record<FileType, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const ACCEPTED: Record<FileAccept, FileType[]> = { pdf: ['pdf'], images: ['jpeg', 'png', 'webp'], pdf_images: ['pdf', 'jpeg', 'png', 'webp'] };
/** How many first bytes of a file `sniffFile` needs. */
export const HEAD_BYTES = 16;

/** What a file is, by its first bytes (never by its name or the type a browser claims); null when none of ours. */
export function sniffFile(head: Uint8Array): FileType | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp'; // RIFF....WEBP
  return null;
}

/** A file field's limits: the file types it takes (and their media types), bytes per file, files at most. */
export function fileRules(field: { accept: FileAccept; maxSizeMb: number; maxFiles: number }) {
  const types = ACCEPTED[field.accept] ?? ACCEPTED.pdf_images;
  return { types, mimeTypes: types.map((t) => FILE_MEDIA[t]), maxBytes: field.maxSizeMb * 1024 * 1024, maxFiles: field.maxFiles };
}

/** A file as sent: the file field it was sent under, its size, and its first bytes (at least HEAD_BYTES). */
export interface SentFile {
  name: string;
  size: number;
  head: Uint8Array;
}

/**
 * The refusals of a submission's files, each at `[field]` (a count) or `[field, i]` (the i-th file of
 * that field): `required`, `too_many_files`, `file_too_large`, `file_type`. Files sent under a name
 * that is no file field of the form are not answers: they are ignored (and never stored).
 */
export function checkFiles(fields: Field[], files: SentFile[]): CodedIssue[] {
  const issues: CodedIssue[] = [];
  for (const field of fields) {
    if (field.__component !== 'eform.file') continue;
    const rules = fileRules(field);
    const mine = files.filter((f) => f.name === field.name);
    if (!mine.length) {
      if (field.required) issues.push({ path: [field.name], code: 'required' });
      continue;
    }
    if (mine.length > rules.maxFiles) issues.push({ path: [field.name], code: 'too_many_files' });
    mine.forEach((f, i) => {
      const type = sniffFile(f.head);
      if (!type || !rules.types.includes(type)) issues.push({ path: [field.name, i], code: 'file_type' });
      else if (f.size > rules.maxBytes) issues.push({ path: [field.name, i], code: 'file_too_large' });
    });
  }
  return issues;
}

/* ------------------------------------------------------------------------------------------------
 * Answers
 * ---------------------------------------------------------------------------------------------- */

export interface AnswerOptions {
  /** "Today" for date rules (`YYYY-MM-DD`, Asia/Bangkok); now when absent. */
  today?: () => string;
}

/** A stored address: the parts given, trimmed. */
export interface AddressAnswer {
  houseNumber?: string;
  village?: string;
  subdistrict?: string;
  district?: string;
  province?: string;
  postcode?: string;
}

const ADDRESS_LIMIT = 100;

// Each kind's documentation sits on its input side, which the OpenAPI document describes.
const nationalId = z.pipe(
  doc(z.string().check(z.maxLength(30, { abort: true }), z.refine(nationalIdValid, code('invalid_national_id'))), {
    description: '13 digits (spaces and dashes are fine), with a valid check digit',
    examples: ['1101700230708'],
  }),
  z.transform(compactId)
);
const phone = z.pipe(
  doc(z.string().check(z.maxLength(30, { abort: true }), z.refine((s) => THAI_PHONE.test(compactPhone(s)), code('invalid_phone'))), {
    description: 'A Thai phone number: 0 and 8 or 9 digits, or +66 and 8 or 9 digits',
    examples: ['0812345678'],
  }),
  z.transform(compactPhone)
);
const email = z.pipe(
  doc(z.string().check(z.maxLength(254, { abort: true }), z.refine((s) => EMAIL.test(s.trim()), code('invalid_email'))), { format: 'email', examples: ['someone@example.com'] }),
  z.transform((s) => s.trim().toLowerCase())
);

function addressSchema(required: boolean) {
  const part = (need: boolean) => (need ? requiredText(ADDRESS_LIMIT) : z.optional(text(ADDRESS_LIMIT)));
  return z.object({
    houseNumber: z.optional(text(40)),
    village: z.optional(doc(text(ADDRESS_LIMIT), { description: 'หมู่ที่ / หมู่บ้าน (village)' })),
    subdistrict: part(required),
    district: part(required),
    province: part(required),
    postcode: z.optional(doc(z.string().check(z.refine((s) => /^\d{5}$/.test(s.trim()), code('invalid_postcode'))), { description: 'Five digits', examples: ['30150'] })),
  });
}

function dateSchema(allow: DateAllow, today: () => string) {
  const checks: Array<z.core.$ZodCheck<string>> = [z.refine(isIsoDay, { ...code('invalid_date'), abort: true })];
  if (allow === 'past') checks.push(z.refine((s: string) => s <= today(), code('date_not_past')));
  if (allow === 'future') checks.push(z.refine((s: string) => s >= today(), code('date_not_future')));
  return doc(z.string().check(...checks), {
    format: 'date',
    examples: [allow === 'past' ? '1950-01-31' : allow === 'future' ? '2099-12-31' : '2026-01-31'],
    description: `A Gregorian day, YYYY-MM-DD${allow === 'past' ? ', today or earlier (Asia/Bangkok)' : allow === 'future' ? ', today or later (Asia/Bangkok)' : ''}`,
  });
}

function numberSchema(field: Extract<Field, { __component: 'eform.number' }>) {
  const checks: Array<z.core.$ZodCheck<number>> = [];
  if (field.min !== null && field.min !== undefined) checks.push(z.gte(field.min));
  if (field.max !== null && field.max !== undefined) checks.push(z.lte(field.max));
  if (field.integer) checks.push(z.refine((n: number) => Number.isInteger(n), code('not_integer')));
  return checks.length ? z.number().check(...checks) : z.number();
}

function choiceSchema(field: Extract<Field, { __component: 'eform.choice' }>) {
  const values = field.options.map((o) => o.value);
  // A form whose options are all blank has nothing to choose: every value is refused.
  const one = values.length ? z.enum(values as [string, ...string[]]) : z.never();
  if (!field.multiple) return one;
  const checks: Array<z.core.$ZodCheck<string[]>> = [z.refine((a: string[]) => new Set(a).size === a.length, code('invalid_choice'))];
  if (field.required) checks.push(z.refine((a: string[]) => a.length > 0, code('required')));
  return z.array(one).check(...checks);
}

/** One answer's schema, by the field's kind; null for a file field (its files come as parts, not answers). */
export function answerSchema(field: Field, options: AnswerOptions = {}): z.core.$ZodType | null {
  const today = options.today ?? (() => bangkokToday());
  switch (field.__component) {
    case 'eform.short-text':
    case 'eform.long-text':
      return field.required ? requiredText(field.maxLength) : text(field.maxLength);
    case 'eform.number':
      return numberSchema(field);
    case 'eform.date':
      return dateSchema(field.allow, today);
    case 'eform.choice':
      return choiceSchema(field);
    case 'eform.yes-no':
      return z.boolean();
    case 'eform.national-id':
      return nationalId;
    case 'eform.phone':
      return phone;
    case 'eform.email':
      return email;
    case 'eform.address':
      return addressSchema(field.required);
    case 'eform.location':
      return location;
    case 'eform.consent':
      return field.required ? z.boolean().check(z.refine((v) => v === true, code('consent_required'))) : z.boolean();
    case 'eform.file':
      return null;
  }
}

/**
 * The schema of a form's answers object: one key per field (file fields excepted), required ones
 * required. Unknown keys are dropped. Parse through `checkAnswers`, which reads blanks as absent.
 */
export function answersSchema(fields: Field[], options: AnswerOptions = {}) {
  const shape: Record<string, z.core.$ZodType> = {};
  for (const field of fields) {
    const schema = answerSchema(field, options);
    if (!schema) continue;
    // The kind's own documentation (examples, format) stays; the field's labels describe it.
    const description = [field.label.th, field.label.en !== field.label.th ? field.label.en : ''].filter(Boolean).join(' / ');
    const documented = doc(schema, { ...(z.globalRegistry.get(schema) as Doc | undefined), description });
    shape[field.name] = field.required ? documented : z.optional(documented);
  }
  return z.object(shape);
}

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Blank answers (null, empty or spaces-only text, an empty list, an address with only blank parts) read as not given. */
export function withoutBlanks(answers: unknown): unknown {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return answers;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers as Record<string, unknown>)) {
    if (blank(value)) continue;
    if (typeof value === 'object' && !Array.isArray(value) && value !== null && !('lat' in value)) {
      const parts = Object.fromEntries(Object.entries(value).filter(([, v]) => !blank(v)));
      if (!Object.keys(parts).length) continue;
      out[key] = parts;
    } else out[key] = value;
  }
  return out;
}

/** Checks a form's answers: the parsed answers, or every refusal (path `[field, …]` and a stable code). */
export function checkAnswers(fields: Field[], answers: unknown, options: AnswerOptions = {}): { data: Record<string, unknown>; issues?: undefined } | { data?: undefined; issues: CodedIssue[] } {
  const result = check(answersSchema(fields, options), withoutBlanks(answers ?? {}));
  if (result.issues) return { issues: result.issues };
  // Optional text that was only zero-width characters parses to undefined: drop the key.
  const data = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined));
  return { data };
}

/** True when a field takes files. */
export const isFileField = (f: Field): f is Extract<Field, { __component: 'eform.file' }> => f.__component === 'eform.file';

/* ------------------------------------------------------------------------------------------------
 * The submission's envelope
 * ---------------------------------------------------------------------------------------------- */

/**
 * What comes with the answers (`data` of the submission): the answers object (checked against the
 * form by `checkAnswers`), and optionally contact details for notices (kept only with consent) and
 * the language to answer in.
 */
export const submissionEnvelope = z
  .object({
    answers: z.optional(z.nullable(doc(z.record(z.string().check(z.maxLength(60)), z.unknown()), { description: "The form's answers by field name" }))),
    contact: z.optional(z.nullable(contact)),
    consent: z.optional(doc(z.boolean(), { description: 'Required (true) when contact details are given' })),
    language: z.optional(doc(z.enum(['th', 'en']), { description: "The language to answer in; the request's language when absent" })),
  })
  .check(
    z.superRefine(
      (v, ctx) => {
        if (hasContact(v.contact) && v.consent !== true) ctx.issues.push({ code: 'custom', path: ['consent'], params: { code: 'consent_required' }, input: v.consent });
      },
      { when: (p) => typeof p.value === 'object' && p.value !== null }
    )
  );

export type SubmissionEnvelope = z.output<typeof submissionEnvelope>;
