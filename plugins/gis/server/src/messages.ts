import type { Context } from 'koa';
import { errors } from '@strapi/utils';

/**
 * The plugin's refusals: a stable code per field and its words in Thai and English as data; the
 * controller picks the caller's language. No string ever joins the two languages.
 */
export type Language = 'th' | 'en';
export interface Label {
  th: string;
  en: string;
}

export const WORDS: Record<string, Label> = {
  invalid_request: { th: 'ข้อมูลที่ส่งมาไม่ถูกต้อง', en: 'The request has invalid fields' },
  required: { th: 'กรุณากรอกข้อมูลนี้', en: 'This field is required' },
  invalid_type: { th: 'รูปแบบข้อมูลไม่ถูกต้อง', en: 'The value has the wrong type' },
  too_long: { th: 'ข้อความยาวเกินกำหนด', en: 'The text is too long' },
  too_small: { th: 'ค่าน้อยเกินกำหนด', en: 'The value is too small' },
  too_large: { th: 'ค่ามากเกินกำหนด', en: 'The value is too large' },
  invalid_choice: { th: 'ค่าที่เลือกไม่ถูกต้อง', en: 'The value is not one of the choices' },
  invalid_format: { th: 'รูปแบบไม่ถูกต้อง', en: 'The format is not valid' },
  layer_not_found: { th: 'ไม่พบชั้นข้อมูลแผนที่นี้', en: 'No map layer has this name' },
  feature_not_found: { th: 'ไม่พบรายการนี้ในชั้นข้อมูล', en: 'This feature is not in the layer' },
  layer_read_only: { th: 'ชั้นข้อมูลนี้แก้ไขในแผนที่ไม่ได้ (มาจากระบบอื่น)', en: 'This layer cannot be edited on the map (another part of the system provides it)' },
  invalid_geometry: { th: 'รูปทรงบนแผนที่ไม่ถูกต้อง', en: 'The geometry is not valid GeoJSON' },
  unsupported_geometry: { th: 'ไม่รองรับรูปทรงชนิดนี้', en: 'This geometry type is not supported' },
  out_of_range: { th: 'พิกัดอยู่นอกช่วงละติจูด/ลองจิจูด', en: 'A coordinate is outside the longitude/latitude range' },
  empty_geometry: { th: 'รูปทรงไม่มีพิกัด', en: 'The geometry has no coordinates' },
  wrong_geometry_kind: { th: 'ชนิดรูปทรงไม่ตรงกับชั้นข้อมูล (จุด เส้น หรือพื้นที่)', en: "The geometry does not match the layer's kind (point, line or polygon)" },
  unknown_attribute: { th: 'ชั้นข้อมูลนี้ไม่มีช่องข้อมูลนี้', en: 'The layer has no such attribute' },
  invalid_number: { th: 'ต้องเป็นตัวเลข', en: 'This must be a number' },
  invalid_date: { th: 'ต้องเป็นวันที่ (ปปปป-ดด-วว)', en: 'This must be a date (YYYY-MM-DD)' },
  invalid_boolean: { th: 'ต้องเป็นใช่หรือไม่ใช่', en: 'This must be yes or no' },
  invalid_attribute: { th: 'ข้อมูลประกอบไม่ตรงกับช่องข้อมูลของชั้นข้อมูล', en: "An attribute does not fit the layer's attribute schema" },
  unsupported_format: { th: 'ไม่รองรับไฟล์ชนิดนี้ (ใช้ GeoJSON, KML, GPX หรือ Shapefile แบบ zip)', en: 'This kind of file is not supported (use GeoJSON, KML, GPX or a zipped Shapefile)' },
  unreadable_file: { th: 'อ่านไฟล์ไม่ได้', en: 'The file cannot be read' },
  missing_part: { th: 'ไฟล์ Shapefile ไม่ครบ (ต้องมี .shp .shx .dbf)', en: 'The Shapefile is incomplete (it needs .shp, .shx and .dbf)' },
  unknown_crs: { th: 'ไม่รู้จักระบบพิกัดของไฟล์', en: "The file's coordinate system is not known" },
};

export const words = (code: string): Label => WORDS[code] ?? WORDS.invalid_format;

/** One refused field: where, its code, its words in both languages. */
export interface FieldRefusal {
  path: Array<string | number>;
  code: string;
}

/** A refusal thrown by the services; the controller turns it into Strapi's envelope in the caller's language. */
export class GisError extends Error {
  constructor(
    public readonly status: 400 | 404 | 403,
    public readonly code: string,
    public readonly fields: FieldRefusal[] = []
  ) {
    super(code);
  }
}

export const invalidFields = (fields: FieldRefusal[]) => new GisError(400, 'invalid_request', fields);

/** The officer's language: ?locale=, else Accept-Language, else their admin language; Thai by default. */
export function officerLanguage(ctx: Context): Language {
  const user = (ctx.state as { user?: { preferedLanguage?: string | null } }).user;
  const asked = typeof ctx.query.locale === 'string' ? ctx.query.locale : ctx.get('accept-language') || user?.preferedLanguage || '';
  return /^\s*en\b/i.test(asked) ? 'en' : 'th';
}

/** Strapi's error for a plugin refusal, with messages in one language. */
export function toStrapiError(e: GisError, lang: Language, fieldMessage?: string): Error {
  const message = words(e.code)[lang];
  if (e.status === 404) return new errors.NotFoundError(message, { code: e.code });
  if (e.status === 403) return new errors.ForbiddenError(message, { code: e.code });
  return new errors.ValidationError(message, {
    code: e.code,
    errors: e.fields.map((f) => ({ path: f.path, code: f.code, message: fieldMessage ?? words(f.code)[lang], name: 'ValidationError' })),
  });
}
