import type { AttributeDef } from './public';
import type { FieldRefusal } from './messages';

/**
 * A layer's attribute schema and the check of a feature's properties against it. Pure: the
 * services, the import and the tests use the same rules.
 */
const NAME = /^[a-z][a-z0-9_]{0,39}$/;
const TYPES = ['text', 'number', 'date', 'boolean', 'choice'];
export const MAX_TEXT = 2000;

/** The usable definitions of a layer's `attributes` JSON (staff edit it in the Content Manager): malformed entries are skipped. */
export function attributeDefs(raw: unknown): AttributeDef[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: AttributeDef[] = [];
  for (const d of raw as Array<Partial<AttributeDef>>) {
    if (!d || typeof d !== 'object' || typeof d.name !== 'string' || !NAME.test(d.name) || seen.has(d.name)) continue;
    if (!TYPES.includes(String(d.type))) continue;
    seen.add(d.name);
    out.push({
      name: d.name,
      labelTh: typeof d.labelTh === 'string' ? d.labelTh : d.name,
      labelEn: typeof d.labelEn === 'string' ? d.labelEn : typeof d.labelTh === 'string' ? d.labelTh : d.name,
      type: d.type as AttributeDef['type'],
      ...(d.type === 'choice' ? { options: Array.isArray(d.options) ? d.options.filter((o): o is string => typeof o === 'string') : [] } : {}),
      ...(d.required ? { required: true } : {}),
    });
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** One value against its definition: the stored value, or the refusal code. */
function checkValue(def: AttributeDef, v: unknown): { value: unknown } | { code: string } {
  switch (def.type) {
    case 'text':
      if (typeof v === 'number' || typeof v === 'boolean') return { value: String(v) };
      if (typeof v !== 'string') return { code: 'invalid_type' };
      return v.length > MAX_TEXT ? { code: 'too_long' } : { value: v };
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
      return Number.isFinite(n) ? { value: n } : { code: 'invalid_number' };
    }
    case 'date': {
      if (typeof v !== 'string' || !DATE.test(v.trim()) || Number.isNaN(Date.parse(v.trim()))) return { code: 'invalid_date' };
      return { value: v.trim() };
    }
    case 'boolean':
      if (typeof v === 'boolean') return { value: v };
      if (v === 'true' || v === 1 || v === '1') return { value: true };
      if (v === 'false' || v === 0 || v === '0') return { value: false };
      return { code: 'invalid_boolean' };
    case 'choice':
      return typeof v === 'string' && (def.options ?? []).includes(v) ? { value: v } : { code: 'invalid_choice' };
  }
}

/**
 * A feature's properties checked against the schema: unknown names refused (or dropped with
 * `dropUnknown`, as an import does with a file's extra columns), required ones present, values
 * typed. Blank optional values are left out.
 */
export function checkProperties(
  raw: unknown,
  defs: AttributeDef[],
  { dropUnknown = false, prefix = ['properties'] }: { dropUnknown?: boolean; prefix?: Array<string | number> } = {}
): { properties: Record<string, unknown>; errors: FieldRefusal[] } {
  const errors: FieldRefusal[] = [];
  const properties: Record<string, unknown> = {};
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) return { properties, errors: [{ path: prefix, code: 'invalid_type' }] };
  const given = (raw ?? {}) as Record<string, unknown>;
  const byName = new Map(defs.map((d) => [d.name, d]));
  for (const name of Object.keys(given)) if (!byName.has(name) && !dropUnknown) errors.push({ path: [...prefix, name], code: 'unknown_attribute' });
  for (const def of defs) {
    const v = given[def.name];
    if (blank(v)) {
      if (def.required) errors.push({ path: [...prefix, def.name], code: 'required' });
      continue;
    }
    const r = checkValue(def, v);
    if ('code' in r) errors.push({ path: [...prefix, def.name], code: r.code });
    else properties[def.name] = r.value;
  }
  return { properties, errors };
}
