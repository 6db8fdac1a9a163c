import { FIELD_KINDS, fileRules, lines, type Bilingual, type DateAllow, type Field, type FieldKind, type FileAccept, type FormDefinition, type FormSummary } from '../../../shared/e-form-rules';

/**
 * A stored form (an `api::e-form.e-form` row with its `fields` dynamic zone) as the public sees it:
 * the definition the website renders, the answers' rules are built from, and a submission keeps as
 * its snapshot. Built from an allow-list of fields; English falls back to Thai where it is blank.
 */

/** A field component as stored: what every kind has, plus its own options. */
export interface StoredField {
  __component: string;
  id?: number;
  name?: string | null;
  labelTh?: string | null;
  labelEn?: string | null;
  helpTh?: string | null;
  helpEn?: string | null;
  required?: boolean | null;
  [option: string]: unknown;
}

export interface StoredForm {
  slug: string;
  titleTh: string;
  titleEn?: string | null;
  descriptionTh?: string | null;
  descriptionEn?: string | null;
  department?: string | null;
  documentsTh?: string | null;
  documentsEn?: string | null;
  processingDays?: number | null;
  fee?: number | string | null;
  isOpen?: boolean | null;
  workflow?: string | null;
  paperPages?: number | null;
  updatedAt?: string | Date | null;
  fields?: StoredField[] | null;
}

/** Limits a field has when staff left them blank (the components' defaults). */
export const DEFAULTS = { shortText: 200, longText: 2000, maxSizeMb: 5, maxFiles: 1, processingDays: 15, paperPages: 2 };

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const orNull = (v: unknown): string | null => str(v) || null;
const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : null);
/** Thai and English, English falling back to Thai. */
export const bilingual = (th: unknown, en: unknown): Bilingual => ({ th: str(th), en: str(en) || str(th) });
const optionalBilingual = (th: unknown, en: unknown): Bilingual | null => (str(th) || str(en) ? { th: str(th) || str(en), en: str(en) || str(th) } : null);

const isKind = (k: string): k is FieldKind => (FIELD_KINDS as string[]).includes(k);

/** A key from a label: lower-case ASCII words joined by `_`, starting with a letter, at most 40 characters (whole words); '' when none. */
export function keyFromLabel(label: string | null | undefined): string {
  const words = str(label)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  // A key starts with a letter: leading numbers ("2. Address") are dropped.
  while (words.length && !/^[a-z]/.test(words[0])) words.shift();
  let key = '';
  for (const w of words) {
    const next = key ? `${key}_${w}` : w;
    if (next.length > 40) break;
    key = next;
  }
  return key || (words[0] ?? '').slice(0, 40);
}

/**
 * Names for the fields that have none: the English label's key, else `field_<n>` (n its position,
 * from 1), made unique among the form's names with `_2`, `_3`…; a name already there is kept.
 */
export function fillFieldNames<T extends { name?: string | null; labelEn?: string | null }>(fields: T[]): T[] {
  const taken = new Set(fields.map((f) => str(f.name)).filter(Boolean));
  return fields.map((f, i) => {
    if (str(f.name)) return f;
    const base = keyFromLabel(f.labelEn) || `field_${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 36)}_${n}`;
    taken.add(name);
    return { ...f, name };
  });
}

/** One stored field as the public definition has it; null for a component this version does not know. */
export function toField(stored: StoredField): Field | null {
  const kind = stored.__component.replace(/^eform\./, '');
  if (!isKind(kind) || !str(stored.name)) return null;
  const base = {
    name: str(stored.name),
    label: bilingual(stored.labelTh, stored.labelEn),
    help: optionalBilingual(stored.helpTh, stored.helpEn),
    required: stored.required === true,
  };
  const o = stored;
  switch (kind) {
    case 'short-text':
    case 'long-text':
      return { ...base, __component: `eform.${kind}`, maxLength: num(o.maxLength) ?? (kind === 'short-text' ? DEFAULTS.shortText : DEFAULTS.longText) };
    case 'number':
      return { ...base, __component: 'eform.number', min: num(o.min), max: num(o.max), integer: o.integer === true, unit: optionalBilingual(o.unitTh, o.unitEn) };
    case 'date':
      return { ...base, __component: 'eform.date', allow: (['any', 'past', 'future'].includes(str(o.allow)) ? str(o.allow) : 'any') as DateAllow };
    case 'choice': {
      const th = lines(str(o.optionsTh));
      const en = lines(str(o.optionsEn));
      // The same value twice would be one option: the first one stays.
      const seen = new Set<string>();
      const options = th.flatMap((value, i) => (seen.has(value) ? [] : (seen.add(value), [{ value, label: { th: value, en: en[i] || value } }])));
      return { ...base, __component: 'eform.choice', multiple: o.multiple === true, options };
    }
    case 'address':
      return { ...base, __component: 'eform.address', defaults: { subdistrict: orNull(o.defaultSubdistrict), district: orNull(o.defaultDistrict), province: orNull(o.defaultProvince) } };
    case 'file': {
      const accept = (['pdf_images', 'pdf', 'images'].includes(str(o.accept)) ? str(o.accept) : 'pdf_images') as FileAccept;
      const maxSizeMb = Math.min(10, Math.max(1, num(o.maxSizeMb) ?? DEFAULTS.maxSizeMb));
      const maxFiles = Math.min(5, Math.max(1, num(o.maxFiles) ?? DEFAULTS.maxFiles));
      return { ...base, __component: 'eform.file', accept, mimeTypes: fileRules({ accept, maxSizeMb, maxFiles }).mimeTypes, maxSizeMb, maxFiles };
    }
    case 'consent':
      return { ...base, __component: 'eform.consent', text: bilingual(o.textTh, o.textEn) };
    default:
      return { ...base, __component: `eform.${kind}` };
  }
}

/** The fields of a stored form, named (blank names filled as a save would) and each name once. */
export function toFields(stored: StoredField[] | null | undefined): Field[] {
  const seen = new Set<string>();
  return fillFieldNames(stored ?? [])
    .map(toField)
    .filter((f): f is Field => f !== null && !seen.has(f.name) && Boolean(seen.add(f.name)));
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : new Date(0).toISOString());

export function toFormSummary(form: StoredForm, fields: Field[] = toFields(form.fields)): FormSummary {
  return {
    slug: form.slug,
    title: bilingual(form.titleTh, form.titleEn),
    description: bilingual(form.descriptionTh, form.descriptionEn),
    department: orNull(form.department),
    processingDays: num(form.processingDays) ?? DEFAULTS.processingDays,
    fee: num(form.fee) ?? 0,
    fieldCount: fields.length,
    acceptsFiles: fields.some((f) => f.__component === 'eform.file'),
    updatedAt: iso(form.updatedAt),
  };
}

export function toFormDefinition(form: StoredForm): FormDefinition {
  const fields = toFields(form.fields);
  const th = lines(form.documentsTh);
  const en = lines(form.documentsEn);
  return {
    ...toFormSummary(form, fields),
    isOpen: form.isOpen !== false,
    // English falls back to Thai as a whole list: two lists of different lengths would not match line by line.
    documents: { th, en: en.length ? en : th },
    workflow: form.workflow === 'short' ? 'short' : 'full',
    paperPages: num(form.paperPages) ?? 0,
    fields,
  };
}
