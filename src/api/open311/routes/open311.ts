import type { Context, Next } from 'koa';
import { COMPLAINT_BUDGET, route } from '../../../http/contract';
import { flattenForm } from '../domain/input';
import { open311CreateRequest, open311Discovery, open311Request, open311Requests, open311ServiceDefinition, open311Services } from '../contracts';

/** The spec's "optional": a repeated form field counts once, an empty one counts as absent. */
const flattenBody = async (ctx: Context, next: Next) => {
  const request = ctx.request as { body?: unknown };
  request.body = flattenForm(request.body);
  await next();
};

export default {
  routes: [
    route(open311Discovery, 'open311.discovery'),
    route(open311Services, 'open311.services'),
    route(open311ServiceDefinition, 'open311.serviceDefinition'),
    // The key is checked before the body: an unknown client learns nothing about our rules.
    route(open311CreateRequest, 'open311.createRequest', { middlewares: [COMPLAINT_BUDGET, 'api::open311.require-key', flattenBody] }),
    route(open311Requests, 'open311.requests'),
    route(open311Request, 'open311.request'),
  ],
};
