import fs from 'fs';
import path from 'path';
import { CONTENT_TYPE_LABELS, contentTypeMessages } from '../../../../src/shared/content-types';

/**
 * Every content type of the app, every field and every enumeration value has a label in Thai and
 * in English, so no raw name (`publishedDate`, `announcement`) reaches an officer's screen.
 */
const ROOT = path.resolve(__dirname, '../../../..');

interface Schema {
  info: { displayName: string };
  attributes: Record<string, { type: string; enum?: string[] }>;
}

function appSchemas(): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const api of fs.readdirSync(path.join(ROOT, 'src/api'))) {
    const dir = path.join(ROOT, 'src/api', api, 'content-types');
    if (!fs.existsSync(dir)) continue;
    for (const type of fs.readdirSync(dir)) {
      const file = path.join(dir, type, 'schema.json');
      if (fs.existsSync(file)) out[`api::${api}.${type}`] = JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
    }
  }
  return out;
}

/** Components by uid (`category.name`), from src/components/<category>/<name>.json. */
function componentSchemas(): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  const root = path.join(ROOT, 'src/components');
  if (!fs.existsSync(root)) return out;
  for (const category of fs.readdirSync(root)) {
    for (const file of fs.readdirSync(path.join(root, category)).filter((f) => f.endsWith('.json'))) {
      out[`${category}.${file.slice(0, -5)}`] = JSON.parse(fs.readFileSync(path.join(root, category, file), 'utf8')) as Schema;
    }
  }
  return out;
}

const schemas = appSchemas();
const components = componentSchemas();

it('finds the content types it checks', () => {
  expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['api::news.news-item', 'api::complaint.complaint', 'api::tax-bill.tax-bill']));
});

describe.each(['th', 'en'] as const)('labels in %s', (lang) => {
  const { types, values } = CONTENT_TYPE_LABELS[lang];

  it.each(Object.keys(schemas))('name every field and value of %s', (uid) => {
    const schema = schemas[uid];
    const labels = types[uid];
    expect(labels).toBeDefined();
    expect(labels.displayName).toBe(schema.info.displayName);
    expect(Object.keys(schema.attributes).filter((f) => !labels.fields[f])).toEqual([]);
    const enumValues = Object.values(schema.attributes).flatMap((a) => (a.type === 'enumeration' ? (a.enum ?? []) : []));
    expect(enumValues.filter((v) => !values[v])).toEqual([]);
    // No label left for a field the type no longer has.
    expect(Object.keys(labels.fields).filter((f) => !(f in schema.attributes))).toEqual([]);
  });

  it.each(Object.keys(components))('name every field and value of the component %s', (uid) => {
    const schema = components[uid];
    const labels = CONTENT_TYPE_LABELS[lang].components[uid];
    expect(labels).toBeDefined();
    expect(Object.keys(schema.attributes).filter((f) => !labels.fields[f])).toEqual([]);
    const enumValues = Object.values(schema.attributes).flatMap((a) => (a.type === 'enumeration' ? (a.enum ?? []) : []));
    expect(enumValues.filter((v) => !values[v])).toEqual([]);
    expect(Object.keys(labels.fields).filter((f) => !(f in schema.attributes))).toEqual([]);
  });

  it('gives the admin a message per type name, field and value', () => {
    const messages = contentTypeMessages(lang);
    expect(messages['News']).toBe(types['api::news.news-item'].name);
    expect(messages['content-manager.content-types.api::news.news-item.publishedDate']).toBe(types['api::news.news-item'].fields.publishedDate);
    expect(messages['announcement']).toBe(values.announcement);
  });

  it('names every component and component category for the dynamic zone picker', () => {
    const messages = contentTypeMessages(lang);
    const { components: labels } = CONTENT_TYPE_LABELS[lang];
    for (const uid of Object.keys(components)) {
      expect(labels[uid].displayName).toBe(components[uid].info.displayName);
      expect(messages[uid]).toBe(labels[uid].name);
      expect(messages[uid.split('.')[0]]).toBeTruthy();
    }
  });
});

it('writes Thai labels in Thai', () => {
  const thai = /[\u0E00-\u0E7F]/;
  const { types, components, categories } = CONTENT_TYPE_LABELS.th;
  const notThai = [...Object.entries(types), ...Object.entries(components)].flatMap(([uid, t]) =>
    [t.name, ...Object.values(t.fields)].filter((l) => !thai.test(l)).map((l) => `${uid}: ${l}`)
  );
  expect(Object.values(categories).filter((l) => !thai.test(l))).toEqual([]);
  expect(notThai).toEqual([]);
});
