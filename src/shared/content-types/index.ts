/**
 * What staff call each content type, its fields and its enumeration values, in Thai and English.
 * The admin reads these as messages (the Content Manager looks a type's name up by its display
 * name, a field's label by `content-manager.content-types.<uid>.<field>`, an enumeration option by
 * its value); src/bootstrap/content-manager-views.ts writes the Thai descriptions into the view
 * configuration at start. tests/unit/src/shared/content-types.test.ts holds them complete.
 */
import th from './th.json';
import en from './en.json';

export interface TypeLabels {
  /** The schema's info.displayName: the key the admin looks the name up by. */
  displayName: string;
  name: string;
  fields: Record<string, string>;
  /** Help under a field in the edit view (Thai only: staff work in Thai). */
  descriptions?: Record<string, string>;
}

export interface ContentTypeLabels {
  types: Record<string, TypeLabels>;
  /** Enumeration values, one label however many types use the value. */
  values: Record<string, string>;
  /** Components (`category.name`), their fields labelled like a type's. */
  components: Record<string, TypeLabels>;
  /** Component categories (`eform`): the dynamic zone's picker groups components under them. */
  categories: Record<string, string>;
}

export const CONTENT_TYPE_LABELS: Record<'th' | 'en', ContentTypeLabels> = { th, en };

/** The admin's messages for one language. */
export function contentTypeMessages(lang: 'th' | 'en'): Record<string, string> {
  const { types, values, components, categories } = CONTENT_TYPE_LABELS[lang];
  // The dynamic zone's picker and its entries name a component by its uid and a category by its
  // name, as message ids, falling back to the schema's English displayName.
  const messages: Record<string, string> = { ...values, ...categories };
  for (const [uid, component] of Object.entries(components)) {
    messages[uid] = component.name;
    // A component's fields inside an edit form are labelled by these ids, like a type's.
    for (const [field, label] of Object.entries(component.fields)) messages[`content-manager.components.${uid}.${field}`] = label;
  }
  for (const [uid, type] of Object.entries(types)) {
    messages[type.displayName] = type.name;
    // The Content-Type Builder names a type by its uid.
    messages[uid] = type.name;
    messages[`content-manager.content-types.${uid}.id`] = lang === 'th' ? 'เลขที่' : 'ID';
    // Strapi's own timestamps, when a list shows them as a column.
    messages[`content-manager.content-types.${uid}.createdAt`] = lang === 'th' ? 'สร้างเมื่อ' : 'Created';
    messages[`content-manager.content-types.${uid}.updatedAt`] = lang === 'th' ? 'แก้ไขล่าสุด' : 'Last updated';
    for (const [field, label] of Object.entries(type.fields)) messages[`content-manager.content-types.${uid}.${field}`] = label;
  }
  return messages;
}
