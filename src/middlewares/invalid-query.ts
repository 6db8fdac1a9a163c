import type { Core } from '@strapi/strapi';
import { fieldRefusal } from '../http/contract';
import { languageOf } from '../http/messages';

/**
 * Strapi's query validation checks filter keys, not the shape of their values: an operator holding
 * another operator (`filters[title][$eq][$ne]=1`), `$and` given an object, `$between` given one value
 * reach the database layer, which throws a plain Error (or the driver refuses to bind an object, or
 * looks for a column named `0`) and the caller gets a 500. On the content API these are the caller's query: a 400 `invalid_query`
 * naming the filter, one rule for every route. Runs after `strapi::query` parsed the query string.
 */

// Attribute operators that compare with one value (a list for some is allowed: Strapi turns it into IN).
const VALUE_OPERATORS = new Set(['$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$null', '$notNull', '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi']);
const LIST_OPERATORS = new Set(['$and', '$or']);

type Path = Array<string | number>;

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// qs turns a long list (past its arrayLimit) into an object with index keys.
const asList = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : isRecord(v) && Object.keys(v).every((k) => /^\d+$/.test(k)) ? Object.values(v) : undefined);

/** The path of the first filter whose value has a shape no query can be built from, if any. */
export function filterProblem(where: unknown, path: Path = ['filters']): Path | undefined {
  // Where a condition is expected (the root, `$not`, each item of `$and`/`$or`): an object, or a list of them.
  const list = asList(where);
  if (list) {
    if (!list.every(isRecord)) return path;
    for (const [i, item] of list.entries()) {
      const found = filterProblem(item, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(where)) return path;
  const keys = Object.keys(where);
  // An attribute's comparison (`$eq`) and a relation's fields cannot share one object.
  if (keys.some((k) => VALUE_OPERATORS.has(k)) && keys.some((k) => !k.startsWith('$'))) return path;
  for (const key of keys) {
    const value = where[key];
    const at = [...path, key];
    const values = asList(value);
    let found: Path | undefined;
    if (VALUE_OPERATORS.has(key)) {
      if (!(isScalar(value) || (values && values.every(isScalar)))) found = at;
    } else if (key === '$between') {
      if (!values || values.length !== 2 || !values.every(isScalar)) found = at;
    } else if (LIST_OPERATORS.has(key)) {
      found = values ? filterProblem(values, at) : at;
    } else if (key === '$not') {
      found = filterProblem(value, at);
    } else if (!key.startsWith('$')) {
      // An attribute: a value (`= value`), a list (`IN`), or its own conditions.
      if (!(isScalar(value) || (values && values.every(isScalar)))) found = filterProblem(value, at);
    }
    // Other `$` keys are left to Strapi's validation, which refuses unknown operators with a 400.
    if (found) return found;
  }
  return undefined;
}

/**
 * Names an object inherits (`__proto__`, `constructor`, `toString`…): Strapi looks fields, sorts and
 * relations up in plain objects, finds these, and asks the database for a column by that name (a 500).
 * No content type has an attribute so named.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The path of the first inherited name among the query's keys and its field, sort or populate names
 * (in filters only the keys: a value compared with may be any text).
 */
export function inheritedName(value: unknown, path: Path, keysOnly = false): Path | undefined {
  if (typeof value === 'string') {
    if (keysOnly) return undefined;
    // `sort=title:asc,constructor:desc`, `fields=title,toString`, `populate=cover.__proto__`
    return value.split(/[,.:]/).some((part) => INHERITED.has(part.trim())) ? path : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    if (INHERITED.has(key)) return [...path, key];
    const found = inheritedName((value as Record<string, unknown>)[key], [...path, key], keysOnly);
    if (found) return found;
  }
  return undefined;
}

export default (): Core.MiddlewareHandler => async (ctx, next) => {
  if (!ctx.path.startsWith('/api/')) {
    await next();
    return;
  }
  // A NUL byte cannot be stored or compared by PostgreSQL (it answers "invalid byte sequence"): the
  // caller's mistake wherever it is, in the path (a document id) or in a query value.
  if (/%00/.test(ctx.path)) throw fieldRefusal(['path'], 'control_characters', languageOf(ctx));
  if (ctx.querystring.includes('%00')) throw fieldRefusal(['query'], 'control_characters', languageOf(ctx));
  // CKAN's actions take `filters` and `sort` in CKAN's own language (a JSON object, `field desc`), checked by their contracts.
  if (ctx.path.startsWith('/api/3/action/')) {
    await next();
    return;
  }
  const query = ctx.query as Record<string, unknown>;
  const problem =
    (['fields', 'sort', 'populate', 'filters'] as const).map((part) => (part in query ? inheritedName(query[part], [part], part === 'filters') : undefined)).find(Boolean) ??
    ('filters' in query ? filterProblem(query.filters) : undefined);
  if (problem) throw fieldRefusal(problem, 'invalid_query', languageOf(ctx));
  await next();
};
