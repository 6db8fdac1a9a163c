import type { AddressAnswer, Bilingual, Field, FormDefinition } from '../../../shared/e-form-rules';
import { formatThaiDate } from '../../../shared/thai-date';

/**
 * A submission's answers as people read them, from the form as it was when the request was filed
 * (its snapshot): a plain-text summary stored as the request's description (the inbox searches it)
 * and labelled rows for the staff's case page. A later change to the form changes neither.
 */

/** A stored file's metadata (the submission's `files`); the bytes are in private storage under `key`. */
export interface StoredFileMeta {
  key: string;
  /** The file field it answers. */
  field: string;
  /** The name the citizen's file had (cleaned), for the download. */
  name: string;
  size: number;
  mime: string;
}

export interface AnswerRow {
  name: string;
  kind: string;
  label: Bilingual;
  /** The answer as text in each language; '' when not given. */
  text: Bilingual;
  /** The stored answer as sent (after normalising). */
  value: unknown;
  /** A file field's files. */
  files?: StoredFileMeta[];
}

const WORDS = {
  yes: { th: 'ใช่', en: 'Yes' },
  no: { th: 'ไม่ใช่', en: 'No' },
  agreed: { th: 'ยินยอม', en: 'Agreed' },
  notAgreed: { th: 'ไม่ยินยอม', en: 'Not agreed' },
  house: { th: 'บ้านเลขที่', en: 'No.' },
  subdistrict: { th: 'ต.', en: 'Subdistrict' },
  district: { th: 'อ.', en: 'District' },
  province: { th: 'จ.', en: 'Province' },
};

type Lang = 'th' | 'en';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

function addressText(a: AddressAnswer, lang: Lang): string {
  const parts = [
    a.houseNumber ? `${WORDS.house[lang]} ${a.houseNumber}` : '',
    a.village ?? '',
    a.subdistrict ? `${WORDS.subdistrict[lang]} ${a.subdistrict}` : '',
    a.district ? `${WORDS.district[lang]} ${a.district}` : '',
    a.province ? `${WORDS.province[lang]} ${a.province}` : '',
    a.postcode ?? '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** One answer as text in one language. */
export function answerText(field: Field, value: unknown, lang: Lang, files: StoredFileMeta[] = []): string {
  if (field.__component === 'eform.file') return files.map((f) => `${f.name} (${sizeText(f.size)})`).join(', ');
  if (value === undefined || value === null) return '';
  switch (field.__component) {
    case 'eform.yes-no':
      return value === true ? WORDS.yes[lang] : WORDS.no[lang];
    case 'eform.consent':
      return value === true ? WORDS.agreed[lang] : WORDS.notAgreed[lang];
    case 'eform.choice': {
      const chosen = Array.isArray(value) ? value : [value];
      return chosen.map((v) => field.options.find((o) => o.value === v)?.label[lang] ?? (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
    }
    case 'eform.number':
      return `${typeof value === 'number' ? value : JSON.stringify(value)}${field.unit ? ` ${field.unit[lang]}` : ''}`;
    case 'eform.date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatThaiDate(value, lang) : JSON.stringify(value);
    case 'eform.address':
      return typeof value === 'object' ? addressText(value, lang) : JSON.stringify(value);
    case 'eform.location': {
      const p = value as { lat?: number; lng?: number };
      return `${p.lat}, ${p.lng}`;
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** Every field of the snapshot with its answer, in the form's order. */
export function answerRows(form: Pick<FormDefinition, 'fields'>, answers: Record<string, unknown>, files: StoredFileMeta[] = []): AnswerRow[] {
  return form.fields.map((field) => {
    const mine = files.filter((f) => f.field === field.name);
    const value = answers[field.name];
    return {
      name: field.name,
      kind: field.__component.slice('eform.'.length),
      label: field.label,
      text: { th: answerText(field, value, 'th', mine), en: answerText(field, value, 'en', mine) },
      value: value ?? null,
      ...(field.__component === 'eform.file' ? { files: mine } : {}),
    };
  });
}

/** The answers as plain Thai text, one "label: answer" a line (the request's description, for search). */
export function answersSummary(form: Pick<FormDefinition, 'fields'>, answers: Record<string, unknown>, files: StoredFileMeta[] = []): string {
  return answerRows(form, answers, files)
    .filter((r) => r.text.th !== '')
    .map((r) => `${r.label.th}: ${r.text.th}`)
    .join('\n')
    .slice(0, 20000);
}
