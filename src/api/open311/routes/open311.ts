import type { Context, Next } from 'koa';
import { COMPLAINT_BUDGET, TRACKING_BUDGET, route } from '../../../http/contract';
import { flattenForm } from '../domain/input';
import { open311CreateRequest, open311Discovery, open311Request, open311Requests, open311ServiceDefinition, open311Services } from '../contracts';

/** The spec's "optional": a repeated form field or query parameter counts once, an empty one counts as absent. */
const flattenBody = async (ctx: Context, next: Next) => {
  const request = ctx.request as { body?: unknown };
  request.body = flattenForm(request.body);
  await next();
};
const flattenQuery = async (ctx: Context, next: Next) => {
  ctx.query = flattenForm(ctx.query) as typeof ctx.query;
  await next();
};

export default {
  routes: [
    route(open311Discovery, 'open311.discovery', { middlewares: [flattenQuery] }),
    route(open311Services, 'open311.services', { middlewares: [flattenQuery] }),
    route(open311ServiceDefinition, 'open311.serviceDefinition', { middlewares: [flattenQuery] }),
    // The key is checked before the body: an unknown client learns nothing about our rules.
    route(open311CreateRequest, 'open311.createRequest', { middlewares: [COMPLAINT_BUDGET, 'api::open311.require-key', flattenQuery, flattenBody] }),
    route(open311Requests, 'open311.requests', { middlewares: [TRACKING_BUDGET, flattenQuery] }),
    route(open311Request, 'open311.request', { middlewares: [TRACKING_BUDGET, flattenQuery] }),
  ],
};
