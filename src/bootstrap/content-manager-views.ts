import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_LABELS } from '../shared/content-types';

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
};

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
};

/**
 * Staff read Thai labels and help in the Content Manager: each type's view configuration gets its
 * Thai field labels and descriptions, and fields the system keeps leave the edit form. Applied at
 * every start like the role table, so a change here reaches every town. Labels, descriptions and the
 * list columns named above are reset at each start; how an officer arranges the edit form stays.
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
    const edit = current.layouts.edit.map((row) => row.filter((cell) => !hidden.includes(cell.name))).filter((row) => row.length > 0);
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
