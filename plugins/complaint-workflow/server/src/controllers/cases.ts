import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { ConflictError } from '../services/engine';
import { forbidden, localize, notFound, officerLanguage as languageOf, refused } from '../errors';
import type { z } from 'zod';
import { routeInput, type assignBody, type messageBody, type photoQuery, type textsBody, type transitionBody } from '../engine/inputs';
import { PLUGIN, caseEngine, channelsOf } from '../plugin';
import { textLanguage } from '../services/channels';
import type { CaseTypeRegistration } from '../types';
import type { AdminUser, CaseUpload, MapTiles } from '../types';

interface AdminState {
  user: AdminUser;
  userAbility: { can: (action: string) => boolean };
}

type Level = 'read' | 'manage';

/** Seconds an officer's browser may keep a case photo: a photo never changes, but it may be erased. */
const PHOTO_MAX_AGE = 3600;

/** Thin: read the request, call the engine, shape the answer. The case type comes from ?type=. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = () => caseEngine(strapi);
  const stateOf = (ctx: Context) => ctx.state as AdminState;
  const may = (ctx: Context, t: CaseTypeRegistration, level: Level) => stateOf(ctx).userAbility.can(`plugin::${PLUGIN}.${t.permissions[level]}`);

  /** The case type of the request, if this officer may use it. */
  const typeOf = (ctx: Context, level: Level): CaseTypeRegistration => {
    const raw = ctx.query.type;
    const all = engine().types();
    // Without ?type=, the first type this officer may use.
    const t = typeof raw === 'string' && raw ? engine().type(raw) : (all.find((x) => may(ctx, x, level)) ?? all[0]);
    if (!t) throw notFound('no_case_type', { th: 'ไม่มีประเภทเรื่อง', en: 'No case type is registered' });
    if (!may(ctx, t, level)) throw forbidden('not_allowed', { th: 'คุณไม่มีสิทธิ์ในเรื่องประเภทนี้', en: 'You may not use this case type' });
    return t;
  };
  // The route's schema made it a positive whole number.
  const caseId = (ctx: Context) => routeInput(ctx).params.id;
  const actor = (ctx: Context) => ({ type: 'staff' as const, user: stateOf(ctx).user });
  /** The body as the route's schema parsed it. */
  const body = <B>(ctx: Context) => routeInput<B>(ctx).body;

  /** Runs a command and answers with the case page; a case changed meanwhile is a 409. */
  async function act(ctx: Context, work: (key: string, id: number) => Promise<unknown>) {
    const t = typeOf(ctx, 'manage');
    const id = caseId(ctx);
    try {
      await work(t.key, id);
    } catch (e) {
      if (e instanceof ConflictError) {
        localize(e, languageOf(ctx));
        ctx.throw(409, e.message, { details: e.details });
      }
      throw e;
    }
    ctx.body = await engine().get(t.key, id);
  }

  /** What the admin pages show of a type: names, states and actions with their labels, which fields it has. */
  const describe = (ctx: Context, t: CaseTypeRegistration) => {
    const attributes = Object.keys(strapi.contentType(t.uid).attributes);
    return {
      key: t.key,
      label: t.label,
      itemLabel: t.itemLabel,
      canManage: may(ctx, t, 'manage'),
      // The case page offers a photo upload only when the type keeps staff photos.
      takesPhotos: Boolean(t.addPhotos),
      fields: attributes,
      states: t.workflow.states,
      transitions: t.workflow.transitions,
      initialState: t.workflow.initialState,
    };
  };

  const handlers = {
    /** The case types this officer may read: the inbox's tabs. */
    types(ctx: Context) {
      const all = engine().types();
      ctx.body = { types: all.filter((t) => may(ctx, t, 'read')).map((t) => describe(ctx, t)) };
    },

    async meta(ctx: Context) {
      const t = typeOf(ctx, 'read');
      const staff = await strapi.db.query('admin::user').findMany({
        where: { isActive: true },
        select: ['id', 'firstname', 'lastname', 'email'],
        orderBy: [{ firstname: 'asc' }],
      });
      // What the inbox filters offer beyond the engine's own (e.g. complaint categories) comes from the type.
      const extra = (await t.filterOptions?.()) ?? {};
      const map = strapi.plugin(PLUGIN).config<MapTiles>('map');
      ctx.body = { type: describe(ctx, t), states: t.workflow.states.map((s) => s.key), transitions: t.workflow.transitions, staff, me: { id: stateOf(ctx).user.id }, map, ...extra };
    },

    /** The channels, and the bot's texts in the language asked for (`?language=en`; Thai by default). */
    channels(ctx: Context) {
      const channels = channelsOf(strapi);
      ctx.body = { channels: channels.list(), texts: channels.texts(textLanguage(ctx.query.language)) };
    },

    async saveTexts(ctx: Context) {
      const { texts, language } = body<z.output<typeof textsBody>>(ctx);
      ctx.body = { texts: await channelsOf(strapi).saveTexts(texts, textLanguage(language)) };
    },

    /** Sends a message the platform refused once more, now; the case page shows how it went. */
    async retryDelivery(ctx: Context) {
      const messageId = routeInput(ctx).params.messageId ?? 0;
      await act(ctx, (key, id) => engine().retryDelivery(key, id, messageId));
    },

    async find(ctx: Context) {
      const t = typeOf(ctx, 'read');
      ctx.body = await engine().list(t.key, ctx.query, stateOf(ctx).user);
    },

    async findOne(ctx: Context) {
      const t = typeOf(ctx, 'read');
      ctx.body = await engine().get(t.key, caseId(ctx));
    },

    /**
     * A case's photo, to whoever may read the case (the same check as the case page). The browser may
     * keep it for an hour, never a shared cache; nosniff keeps it an image whatever its bytes say.
     */
    async photo(ctx: Context) {
      const t = typeOf(ctx, 'read');
      const { params, query } = routeInput<undefined, z.output<typeof photoQuery>>(ctx);
      const file = t.photo && params.photoId ? await t.photo(params.id, params.photoId, query.size ?? 'full') : null;
      if (!file) throw notFound('not_found', { th: 'ไม่พบรูปภาพนี้ในเรื่องนี้', en: 'This case has no such photo' });
      ctx.set('Cache-Control', `private, max-age=${PHOTO_MAX_AGE}`);
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.type = file.contentType;
      ctx.length = file.size;
      ctx.body = file.body;
    },

    /** A case's document, as a download (never shown inline: its bytes are a citizen's), to whoever may read the case. */
    async file(ctx: Context) {
      const t = typeOf(ctx, 'read');
      const { params } = routeInput(ctx);
      const file = t.file && params.fileKey ? await t.file(params.id, params.fileKey) : null;
      if (!file) throw notFound('not_found', { th: 'ไม่พบไฟล์นี้ในเรื่องนี้', en: 'This case has no such file' });
      ctx.set('Cache-Control', `private, max-age=${PHOTO_MAX_AGE}`);
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.attachment(file.filename);
      ctx.type = file.contentType;
      ctx.length = file.size;
      ctx.body = file.body;
    },

    async transition(ctx: Context) {
      const { action, reason, expectedState } = body<z.output<typeof transitionBody>>(ctx);
      await act(ctx, (key, id) => engine().transition(key, id, action, actor(ctx), { reason, expectedState }));
    },

    async reply(ctx: Context) {
      await act(ctx, (key, id) => engine().reply(key, id, actor(ctx), body<z.output<typeof messageBody>>(ctx).message));
    },

    /** Staff attach photos (multipart field `files`) to a case; answers the case page. */
    async addPhotos(ctx: Context) {
      const raw = (ctx.request as { files?: Record<string, CaseUpload | CaseUpload[] | undefined> }).files?.files;
      const files = raw ? (Array.isArray(raw) ? raw : [raw]) : [];
      if (!files.length) throw refused('invalid_request', { th: 'กรุณาเลือกภาพ', en: 'Choose a photo' }, [{ path: ['files'], code: 'required', messages: { th: 'กรุณาเลือกภาพ', en: 'Choose a photo' } }]);
      await act(ctx, (key, id) => engine().addPhotos(key, id, actor(ctx), files, languageOf(ctx)));
    },

    async note(ctx: Context) {
      await act(ctx, (key, id) => engine().note(key, id, actor(ctx), body<z.output<typeof messageBody>>(ctx).message));
    },

    async assign(ctx: Context) {
      await act(ctx, (key, id) => engine().assign(key, id, actor(ctx), body<z.output<typeof assignBody>>(ctx).assignee));
    },
  };

  // Every refusal answers in the officer's language (the plugin's errors carry both as data).
  const localized = (handler: (ctx: Context) => unknown) => async (ctx: Context) => {
    try {
      await handler(ctx);
    } catch (e) {
      localize(e, languageOf(ctx));
      throw e;
    }
  };
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, localized(handler)])) as Record<keyof typeof handlers, (ctx: Context) => Promise<void>>;
};
