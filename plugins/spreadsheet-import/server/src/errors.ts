import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { languageOf, messagesOf, type MessageCode } from './messages';

type Path = Array<string | number>;

/**
 * What every refusal of the plugin carries in `error.details`: the stable `code`, and its text in
 * both languages as data (`messages`, and `th`/`en` as before) so the admin shows its user's language.
 * `error.message` is in the caller's language alone, never two joined.
 */
const detailsOf = (ctx: Pick<Context, 'request'>, code: MessageCode, values?: Record<string, string | number>) => {
  const messages = messagesOf(code, values);
  return { message: messages[languageOf(ctx)], details: { code, messages, th: messages.th, en: messages.en } };
};

/** A 400 naming the fields (each `path`, by default the one given) with their code. */
export function invalid(ctx: Pick<Context, 'request'>, code: MessageCode, path: Path, options: { values?: Record<string, string | number>; paths?: Path[] } = {}) {
  const { message, details } = detailsOf(ctx, code, options.values);
  const fieldErrors = (options.paths ?? [path]).map((p) => ({ path: p, code, message, messages: details.messages, name: 'ValidationError' }));
  return new errors.ValidationError(message, { ...details, errors: fieldErrors });
}

/** A 404 with the code and both languages, as `invalid`. */
export function notFound(ctx: Pick<Context, 'request'>, code: MessageCode) {
  const { message, details } = detailsOf(ctx, code);
  return new errors.NotFoundError(message, details);
}
