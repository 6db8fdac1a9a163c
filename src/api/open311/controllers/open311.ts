import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { inputOf } from '../../../http/contract';
import { fieldMessage, type Language } from '../../../http/messages';
import { publicUrl } from '../../../public-url';
import type { ComplaintService } from '../../complaint/services/complaint';
import { TRACKING_CODE_PATTERN } from '../../complaint/domain/tracking-code';
import { discoveryDocument, open311Error, serviceNotice, toOpen311Request, toOpen311Service, toServiceDefinition } from '../domain/georeport';
import { open311Field, toFilter } from '../domain/input';
import { open311CreateRequest, open311Discovery, open311Request, open311Requests, open311ServiceDefinition, open311Services } from '../contracts';
import { sendOpen311 } from '../send';
import type { Open311Service } from '../services/open311';

const fail = (ctx: Context, status: number, reason: string, lang: Language, field?: string) =>
  sendOpen311(ctx, status, 'errors', [open311Error(status, reason, fieldMessage(reason, lang), field)]);

/** Thin: each route's contract validated its input (errors in the spec's shape); find, shape, answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const open311 = () => strapi.service('api::open311.open311') as Open311Service;

  return {
    /** GET /api/open311/discovery.(json|xml) */
    async discovery(ctx: Context) {
      const { language } = inputOf(ctx, open311Discovery);
      sendOpen311(ctx, 200, 'discovery', discoveryDocument(publicUrl(strapi), await open311().contact(language), language), 'public, max-age=3600');
    },

    /** GET /api/open311/v2/services.(json|xml) */
    async services(ctx: Context) {
      const { language } = inputOf(ctx, open311Services);
      const list = await open311().listServices();
      sendOpen311(ctx, 200, 'services', list.map((c) => toOpen311Service(c, language)), 'public, max-age=300');
    },

    /** GET /api/open311/v2/services/:service_code.(json|xml) */
    async serviceDefinition(ctx: Context) {
      const { params, language } = inputOf(ctx, open311ServiceDefinition);
      const found = await open311().findService(params.service_code);
      if (!found) return fail(ctx, 404, 'unknown_category', language, 'service_code');
      sendOpen311(ctx, 200, 'service_definition', toServiceDefinition(found), 'public, max-age=300');
    },

    /** POST /api/open311/v2/requests.(json|xml): file a complaint through the complaint's own schema. */
    async createRequest(ctx: Context) {
      const { body, language } = inputOf(ctx, open311CreateRequest);
      const service = await open311().findService(body.complaint.category);
      if (!service) return fail(ctx, 404, 'unknown_category', language, 'service_code');
      try {
        const { trackingCode } = await (strapi.service('api::complaint.complaint') as ComplaintService).createFromCitizen(body.complaint, 'open311', { language: body.complaint.language ?? language });
        sendOpen311(ctx, 201, 'service_requests', [{ service_request_id: trackingCode, service_notice: serviceNotice(service, language), account_id: body.accountId }]);
      } catch (e) {
        // A rule only the service can check (a photo id): the same field errors, in the spec's shape.
        if (!(e instanceof errors.ValidationError)) throw e;
        const found = ((e.details as { errors?: Array<{ path: string[]; code: string; message: string }> })?.errors ?? []).map((d) =>
          open311Error(400, d.code, d.message, open311Field(d.path))
        );
        sendOpen311(ctx, 400, 'errors', found);
      }
    },

    /** GET /api/open311/v2/requests.(json|xml) */
    async requests(ctx: Context) {
      const { query, language } = inputOf(ctx, open311Requests);
      const found = await open311().findRequests(toFilter(query));
      sendOpen311(ctx, 200, 'service_requests', found.map((c) => toOpen311Request(c, language)));
    },

    /** GET /api/open311/v2/requests/:service_request_id.(json|xml): an array of one, as the spec has it. */
    async request(ctx: Context) {
      const { params, language } = inputOf(ctx, open311Request);
      const id = params.service_request_id.toUpperCase();
      const found = TRACKING_CODE_PATTERN.test(id) ? await open311().findRequest(id) : null;
      if (!found) return fail(ctx, 404, 'not_found', language, 'service_request_id');
      sendOpen311(ctx, 200, 'service_requests', [toOpen311Request(found, language)]);
    },
  };
};
