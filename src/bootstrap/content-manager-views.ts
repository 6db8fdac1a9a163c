import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_LABELS } from '../shared/content-types';

/** The e-service form's field components (src/components/eform). */
const EFORM_KINDS = ['short-text', 'long-text', 'number', 'date', 'choice', 'yes-no', 'national-id', 'phone', 'email', 'address', 'location', 'file', 'consent'] as const;

/** The part of the Content Manager's view configuration changed here (its service is typed `any`). */
interface FieldMeta {
  edit?: { label?: string; description?: string; visible?: boolean; editable?: boolean; mainField?: string } & Record<string, unknown>;
  list?: { label?: string; mainField?: string } & Record<string, unknown>;
}
interface ViewConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, FieldMeta>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> } & Record<string, unknown>;
}
interface ComponentsService {
  findConfiguration(component: { uid: string }): Promise<ViewConfiguration>;
  updateConfiguration(component: { uid: string }, configuration: Omit<ViewConfiguration, 'uid'>): Promise<unknown>;
}
interface ContentTypesService {
  findConfiguration(contentType: { uid: string }): Promise<ViewConfiguration>;
  updateConfiguration(contentType: { uid: string }, configuration: Omit<ViewConfiguration, 'uid'>): Promise<unknown>;
}

/** Fields staff never type into: kept by the system (old slugs for redirects, what an import derived). */
const HIDDEN_IN_EDIT: Record<string, string[]> = {
  'api::news.news-item': ['previousSlugs'],
  'api::page.page': ['previousSlugs'],
  'api::tax-bill.tax-bill': ['installments', 'sourceHash', 'billKey', 'lat', 'lng'],
  // The location field keeps lat/lng in step: one place to choose a point, on a map.
  'api::pole.pole': ['lat', 'lng'],
  'api::complaint.complaint': ['lat', 'lng'],
  // Bumped by every feature edit (the ETag), never typed by staff.
  'plugin::gis.layer': ['revision'],
  'dataset.resource': ['key'],
  // What a version published, as the system wrote it: read through the API and the website, not as raw JSON.
  'api::dataset.dataset-version': ['snapshot', 'datasetDocumentId'],
  // A request's answers, its form as filed and its files' records: raw JSON keyed by field names, read
  // labelled on the case page instead.
  'api::e-form-submission.e-form-submission': ['answers', 'formSnapshot', 'files'],
};

/** The survey question components (src/components/survey). */
const SURVEY_KINDS = ['rating', 'choice', 'text', 'yes-no'] as const;

/** What names a record where another one links to it, and in its edit view's header: Thai words, not codes. */
const MAIN_FIELD: Record<string, string> = {
  'api::complaint-category.complaint-category': 'nameTh',
  'api::complaint.complaint': 'trackingCode',
  'api::complaint-event.complaint-event': 'message',
  'api::e-form-submission.e-form-submission': 'trackingCode',
  'api::e-form-submission.e-form-submission-event': 'message',
  'api::pole.pole': 'name',
  'api::dataset.dataset': 'titleTh',
  'api::dataset.partner-agency': 'name',
  'api::dataset.dataset-request': 'title',
  'api::dataset.dataset-version': 'slug',
  'api::dataset.dataset-access': 'dataset',
  'dataset.resource': 'name',
  'api::tax-bill.tax-bill': 'billNumber',
  'api::tax-payment.tax-payment': 'bankReference',
  'plugin::gis.layer': 'nameTh',
  'api::e-form.e-form': 'titleTh',
  'api::transparency.transparency-item': 'titleTh',
  // A form's field in the dynamic zone shows its question beside its kind.
  ...Object.fromEntries(EFORM_KINDS.map((kind) => [`eform.${kind}`, 'labelTh'])),
  'api::survey.survey': 'titleTh',
  'api::survey.survey-response': 'surveySlug',
  'api::survey.case-rating': 'caseKey',
  ...Object.fromEntries(SURVEY_KINDS.map((kind) => [`survey.${kind}`, 'labelTh'])),
};

/**
 * The list columns of the types staff open. An enumeration shows its raw value in a list cell
 * (Strapi translates it only in forms and filters), so none is a column here.
 */
const LIST_COLUMNS: Record<string, string[]> = {
  'api::news.news-item': ['title', 'publishedDate', 'slug'],
  'api::page.page': ['title', 'slug', 'menuOrder', 'showInMenu'],
  'api::complaint-category.complaint-category': ['nameTh', 'department', 'deadlineDays', 'active'],
  'api::pole.pole': ['code', 'name', 'village', 'speakers'],
  'api::tax-bill.tax-bill': ['billNumber', 'taxYear', 'ownerName', 'taxAmount', 'paidAmount'],
  'api::tax-payment.tax-payment': ['paidAt', 'amount', 'bankReference', 'needsReview'],
  'api::complaint.complaint': ['trackingCode', 'title', 'receivedAt', 'dueAt'],
  'api::complaint-event.complaint-event': ['id', 'at', 'complaint'],
  'api::e-form-submission.e-form-submission': ['trackingCode', 'title', 'receivedAt', 'dueAt'],
  'api::e-form-submission.e-form-submission-event': ['id', 'at', 'submission'],
  'api::channel-event.channel-event': ['id', 'eventKey', 'receivedAt', 'attempts'],
  'plugin::users-permissions.user': ['id', 'username', 'email', 'confirmed'],
  'api::dataset.dataset': ['titleTh', 'publisherDepartment', 'lastUpdatedDate', 'highValue'],
  'api::dataset.partner-agency': ['name', 'apiTokenName', 'active'],
  'api::dataset.dataset-request': ['referenceCode', 'title', 'receivedAt'],
  'api::dataset.dataset-version': ['slug', 'number', 'versionLabel', 'releasedAt'],
  'api::dataset.dataset-access': ['at', 'agency', 'dataset', 'action'],
  'plugin::gis.layer': ['nameTh', 'slug', 'isPublic', 'displayOrder'],
  'api::e-form.e-form': ['titleTh', 'isOpen', 'processingDays', 'updatedAt'],
  'api::transparency.transparency-item': ['code', 'titleTh', 'fiscalYear', 'reviewedAt'],
  'api::survey.survey': ['titleTh', 'opensAt', 'closesAt', 'showResults'],
  'api::survey.survey-response': ['id', 'surveySlug', 'submittedAt'],
  'api::survey.case-rating': ['caseKey', 'service', 'overall', 'answeredAt'],
};

/** An edit form laid out in rows of fields, each row sharing the 12 columns evenly. */
type EditRows = string[][];

/** A form field component: its question first, then what kind-specific limits it has, its help, its key last. */
const eformField = (...kindRows: EditRows): EditRows => [['labelTh', 'labelEn'], ...kindRows, ['helpTh', 'helpEn'], ['name']];

/**
 * Edit forms laid out here rather than by an officer: the e-service form reads top to bottom as a
 * citizen's service page (what, who, what to bring, how long, how much), then its fields.
 */
const EDIT_ROWS: Record<string, EditRows> = {
  'api::e-form.e-form': [
    ['titleTh', 'titleEn'],
    ['slug'],
    ['descriptionTh', 'descriptionEn'],
    ['department'],
    ['documentsTh', 'documentsEn'],
    ['processingDays', 'fee', 'isOpen'],
    ['workflow', 'paperPages', 'displayOrder'],
    ['fields'],
  ],
  // An ITA/OIT item: which item of which year, what it asks, then what answers it (one field per kind), the review last.
  'api::transparency.transparency-item': [
    ['code', 'fiscalYear', 'order'],
    ['indicator', 'group'],
    ['titleTh', 'titleEn'],
    ['requirementTh', 'requirementEn'],
    ['linkKind'],
    ['page', 'newsCategory'],
    ['dataset', 'statistic'],
    ['file', 'url'],
    ['reviewedAt'],
    ['note'],
  ],
  'eform.short-text': eformField(['required', 'maxLength']),
  'eform.long-text': eformField(['required', 'maxLength']),
  'eform.number': eformField(['required', 'integer'], ['min', 'max'], ['unitTh', 'unitEn']),
  'eform.date': eformField(['required', 'allow']),
  'eform.choice': eformField(['required', 'multiple'], ['optionsTh', 'optionsEn']),
  'eform.yes-no': eformField(['required']),
  'eform.national-id': eformField(['required']),
  'eform.phone': eformField(['required']),
  'eform.email': eformField(['required']),
  'eform.address': eformField(['required'], ['defaultSubdistrict', 'defaultDistrict', 'defaultProvince']),
  'eform.location': eformField(['required']),
  'eform.file': eformField(['required', 'accept'], ['maxSizeMb', 'maxFiles']),
  'eform.consent': eformField(['required'], ['textTh', 'textEn']),
  'api::survey.survey': [['titleTh', 'titleEn'], ['slug'], ['descriptionTh', 'descriptionEn'], ['opensAt', 'closesAt', 'showResults'], ['questions']],
  'survey.rating': [['labelTh', 'labelEn'], ['required'], ['name']],
  'survey.choice': [['labelTh', 'labelEn'], ['required', 'multiple'], ['optionsTh', 'optionsEn'], ['name']],
  'survey.text': [['labelTh', 'labelEn'], ['required', 'maxLength'], ['name']],
  'survey.yes-no': [['labelTh', 'labelEn'], ['required'], ['name']],
};

/**
 * The coded rows, each field as wide as its row allows (a dynamic zone and long rows use the whole
 * width), then any field the code does not place yet, as the stored layout had it, so nothing a
 * schema gains disappears from the form.
 */
function codedEditLayout(rows: EditRows, current: Array<Array<{ name: string; size: number }>>, fields: Set<string>): Array<Array<{ name: string; size: number }>> {
  const placed = new Set(rows.flat());
  const coded = rows
    .map((row) => row.filter((name) => fields.has(name)))
    .filter((row) => row.length > 0)
    .map((row) => row.map((name) => ({ name, size: row.length === 1 && name !== 'fields' && name !== 'questions' ? 6 : 12 / row.length })));
  const rest = current.map((row) => row.filter((cell) => !placed.has(cell.name))).filter((row) => row.length > 0);
  return [...coded, ...rest];
}

/**
 * Staff read Thai labels and help in the Content Manager: each type's view configuration gets its
 * Thai field labels and descriptions, and fields the system keeps leave the edit form. Applied at
 * every start like the role table, so a change here reaches every town. Labels, descriptions, the
 * list columns and the edit forms laid out above are reset at each start; how an officer arranges
 * any other edit form stays.
 */
export async function applyContentManagerViews(strapi: Core.Strapi): Promise<number> {
  const service = strapi.plugin('content-manager').service<ContentTypesService>('content-types');
  const components = strapi.plugin('content-manager').service<ComponentsService>('components');
  const { types: th, components: thComponents } = CONTENT_TYPE_LABELS.th;
  let changed = 0;
  for (const [uid, labels] of [...Object.entries(th), ...Object.entries(thComponents)]) {
    const isComponent = !uid.includes('::');
    const contentType = (isComponent ? strapi.components[uid as keyof typeof strapi.components] : strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) as
      | { uid: string; attributes: Record<string, { target?: string }> }
      | undefined;
    if (!contentType) continue;
    const current = await (isComponent ? components : service).findConfiguration(contentType);
    const hidden = HIDDEN_IN_EDIT[uid] ?? [];
    const metadatas: Record<string, FieldMeta> = structuredClone(current.metadatas);
    for (const [field, meta] of Object.entries(metadatas)) {
      const label = labels.fields[field];
      if (label) {
        if (meta.edit) meta.edit.label = label;
        if (meta.list) meta.list.label = label;
      }
      const description = labels.descriptions?.[field];
      if (description && meta.edit) meta.edit.description = description;
      if (hidden.includes(field) && meta.edit) meta.edit.visible = false;
      // A relation shows the record it links to by that record's main field.
      const target = contentType.attributes[field]?.target;
      const shown = target ? MAIN_FIELD[target] : undefined;
      if (shown) {
        if (meta.edit && 'mainField' in meta.edit) meta.edit.mainField = shown;
        if (meta.list && 'mainField' in meta.list) meta.list.mainField = shown;
      }
    }
    const kept = current.layouts.edit.map((row) => row.filter((cell) => !hidden.includes(cell.name))).filter((row) => row.length > 0);
    const editable = new Set(kept.flat().map((cell) => cell.name));
    const edit = EDIT_ROWS[uid] ? codedEditLayout(EDIT_ROWS[uid], kept, editable) : kept;
    const columns = LIST_COLUMNS[uid]?.filter((field) => field === 'id' || field in contentType.attributes);
    const layouts = { ...current.layouts, edit, list: columns?.length ? columns : current.layouts.list };
    const mainField = MAIN_FIELD[uid] && MAIN_FIELD[uid] in contentType.attributes ? MAIN_FIELD[uid] : undefined;
    const settings = mainField ? { ...current.settings, mainField } : current.settings;
    const next = { settings, metadatas, layouts };
    if (JSON.stringify(next) === JSON.stringify({ settings: current.settings, metadatas: current.metadatas, layouts: current.layouts })) continue;
    await (isComponent ? components : service).updateConfiguration(contentType, next);
    changed++;
  }
  return changed;
}
