import type { Lang } from './i18n';
import type { Bilingual, Field } from '../../src/shared/e-form-rules';

/**
 * The e-service forms on the website: the contract (types and rules) is the server's own
 * (src/shared/e-form-rules.ts, as GET /api/e-forms and GET /api/e-forms/{slug} answer it); here is
 * what the pages add to show them: texts in the page's language, control ids. No DOM, no Preact.
 */
export type { Bilingual, Field, FieldKind, FormDefinition, FormSummary } from '../../src/shared/e-form-rules';
export { HEAD_BYTES, checkAnswers, checkFiles, fileRules, kindOf, nationalIdValid } from '../../src/shared/e-form-rules';

/** A text in the page's language (the API already puts Thai where English is blank). */
export const inLanguage = (text: Bilingual | null | undefined, lang: Lang): string => (text ? (lang === 'en' ? text.en || text.th : text.th) : '');

/** The parts of an address answer, in the order the form asks for them. */
export const ADDRESS_PARTS = ['houseNumber', 'village', 'subdistrict', 'district', 'province', 'postcode'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** A control's id for a field (and one part of it): ids stay valid whatever the field's name. */
export const controlId = (name: string, part?: string): string => `f-${name}${part ? `-${part}` : ''}`;

/** A file field of a form. */
export type FileField = Extract<Field, { __component: 'eform.file' }>;
