import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STATES, TRANSITIONS } from '../engine/workflow';

/** Thin: read the request, call the engine, shape the answer. The case type comes from ?type=. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = () => strapi.plugin('complaint-workflow').service('engine');
  const typeKey = (ctx: any) => String(ctx.query.type || 'complaint');
  const caseId = (ctx: any) => {
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id) || id < 1) throw new errors.NotFoundError('ไม่พบเรื่องนี้ / No such case');
    return id;
  };
  const actor = (ctx: any) => ({ type: 'staff' as const, user: ctx.state.user });
  const body = (ctx: any): Record<string, unknown> => {
    const b = ctx.request.body;
    return b && typeof b === 'object' && !Array.isArray(b) ? b : {};
  };

  return {
    async meta(ctx: any) {
      const staff = await strapi.db.query('admin::user').findMany({
        where: { isActive: true },
        select: ['id', 'firstname', 'lastname', 'email'],
        orderBy: [{ firstname: 'asc' }],
      });
      // What the inbox filters offer beyond the engine's own (e.g. complaint categories) comes from the type.
      const extra = (await engine().type(typeKey(ctx)).filterOptions?.()) ?? {};
      ctx.body = { states: STATES, transitions: TRANSITIONS, staff, me: { id: ctx.state.user.id }, ...extra };
    },

    async channels(ctx: any) {
      const channels = strapi.plugin('complaint-workflow').service('channels');
      ctx.body = { channels: channels.list(), texts: channels.texts() };
    },

    async saveTexts(ctx: any) {
      ctx.body = { texts: await strapi.plugin('complaint-workflow').service('channels').saveTexts(body(ctx).texts) };
    },

    /** Sends a message the platform refused once more, now; the case page shows how it went. */
    async retryDelivery(ctx: any) {
      const messageId = Number(ctx.params.messageId);
      await engine().retryDelivery(typeKey(ctx), caseId(ctx), Number.isInteger(messageId) ? messageId : 0);
      ctx.body = await engine().get(typeKey(ctx), caseId(ctx));
    },

    async find(ctx: any) {
      ctx.body = await engine().list(typeKey(ctx), ctx.query, ctx.state.user);
    },

    async findOne(ctx: any) {
      ctx.body = await engine().get(typeKey(ctx), caseId(ctx));
    },

    async transition(ctx: any) {
      const { action, reason } = body(ctx);
      if (typeof action !== 'string') {
        throw new errors.ValidationError('กรุณาเลือกการดำเนินการ / An action is required', { errors: [{ path: ['action'], message: 'required', name: 'ValidationError' }] });
      }
      await engine().transition(typeKey(ctx), caseId(ctx), action, actor(ctx), { reason });
      ctx.body = await engine().get(typeKey(ctx), caseId(ctx));
    },

    async reply(ctx: any) {
      await engine().reply(typeKey(ctx), caseId(ctx), actor(ctx), body(ctx).message);
      ctx.body = await engine().get(typeKey(ctx), caseId(ctx));
    },

    async note(ctx: any) {
      await engine().note(typeKey(ctx), caseId(ctx), actor(ctx), body(ctx).message);
      ctx.body = await engine().get(typeKey(ctx), caseId(ctx));
    },

    async assign(ctx: any) {
      await engine().assign(typeKey(ctx), caseId(ctx), actor(ctx), body(ctx).assignee ?? null);
      ctx.body = await engine().get(typeKey(ctx), caseId(ctx));
    },
  };
};
