import * as z from 'zod/mini';

/**
 * The building blocks of every public input schema, in zod's small build so the website can run the
 * very same schemas before sending (a few kilobytes, not zod's full build). A refusal is named by a
 * stable code (`required`, `too_long`, `out_of_area`, …); each side words it from its own catalogue.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/**
 * Text that was not valid UTF-8 on the way in (decoders put U+FFFD where the bytes were) or holds a
 * lone surrogate: refused, not stored with the damage.
 */
const BROKEN = /\ufffd|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Something to read: not only spaces and zero-width characters. */
const VISIBLE = /[^\s\u200b-\u200d\u2060\ufeff]/;

/** A rule's own code on a refusal (zod's checks get theirs from `issueCode`). */
export const code = (name: string) => ({ params: { code: name } });

/** What the OpenAPI document says of a field (on the input side, where a client reads it). */
export type Doc = { description?: string; examples?: unknown[]; format?: string };
/** A documented copy of `schema` (a copy, so documenting a shared block changes no other field). */
export const doc = <T extends z.core.$ZodType>(schema: T, meta: Doc): T => {
  const copy = z.clone(schema);
  z.globalRegistry.add(copy, meta);
  return copy;
};

/** Optional text: trimmed, at most `max` characters, no control characters; blank counts as absent. */
export const text = (max: number, meta: Doc = {}) =>
  z.pipe(
    doc(z.string().check(z.maxLength(max), z.refine((s) => !CONTROL.test(s), code('control_characters')), z.refine((s) => !BROKEN.test(s), code('invalid_encoding'))), meta),
    z.transform((s) => (VISIBLE.test(s) ? s.trim() : undefined))
  );

/** Text that must say something. */
export const requiredText = (max: number, meta: Doc = {}) =>
  z.pipe(
    doc(
      z.string().check(
        z.maxLength(max),
        z.refine((s) => !CONTROL.test(s), code('control_characters')),
        z.refine((s) => !BROKEN.test(s), code('invalid_encoding')),
        z.refine((s) => VISIBLE.test(s), code('required'))
      ),
      meta
    ),
    z.transform((s) => s.trim())
  );

/** An issue as the API names it: a path and a stable code. */
export interface CodedIssue {
  path: Array<string | number>;
  code: string;
}

const SIZE_CODES: Record<string, [big: string, small: string]> = {
  string: ['too_long', 'too_short'],
  array: ['too_many', 'too_few'],
  set: ['too_many', 'too_few'],
};

/** The stable code of one zod issue. */
export function issueCode(issue: z.core.$ZodIssue): string {
  const params = (issue as { params?: { code?: string } }).params;
  if (params?.code) return params.code;
  switch (issue.code) {
    case 'invalid_type': {
      // zod reports the input only when asked (reportInput); its message says "received undefined" otherwise.
      const missing = 'input' in issue ? issue.input === undefined : /received undefined/.test(issue.message);
      return missing ? 'required' : 'invalid_type';
    }
    case 'too_big':
      return SIZE_CODES[issue.origin]?.[0] ?? 'too_large';
    case 'too_small':
      return SIZE_CODES[issue.origin]?.[1] ?? 'too_small';
    case 'invalid_value':
      return 'input' in issue && issue.input === undefined ? 'required' : 'invalid_choice';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'invalid_union':
      return 'invalid_type';
    default:
      return 'invalid_format';
  }
}

/** Far deeper than any input of ours: nesting past it is refused before a schema reads it. */
export const MAX_DEPTH = 32;

/**
 * Whether a parsed body nests deeper than `max` (checked without recursion). zod writes the input of
 * each issue into its error's message with JSON.stringify, which runs out of stack on a body of a few
 * thousand nested brackets: such a body must never reach a schema.
 */
export function tooDeep(value: unknown, max = MAX_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Parses as the API does: with the input on each issue (only to tell a missing value from a wrong
 * one; it never leaves the process), aborting a field at its first failed limit.
 */
export function check<T extends z.core.$ZodType>(schema: T, value: unknown): { data: z.output<T>; issues?: undefined } | { data?: undefined; issues: CodedIssue[] } {
  if (tooDeep(value)) return { issues: [{ path: [], code: 'malformed_body' }] };
  const r = z.safeParse(schema, value, { reportInput: true });
  return r.success ? { data: r.data } : { issues: codedIssues(r.error) };
}

/** Every issue of a failed parse as path + code (an unknown key is named by its own path). */
export function codedIssues(error: z.core.$ZodError): CodedIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const code = issueCode(issue);
    return issue.code === 'unrecognized_keys' ? issue.keys.map((k) => ({ path: [...path, k], code })) : [{ path, code }];
  });
}
