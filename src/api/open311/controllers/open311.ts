import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { publicUrl } from '../../../public-url';
import { validateComplaintInput } from '../../complaint/domain/validate';
import type { ComplaintService } from '../../complaint/services/complaint';
import { TRACKING_CODE_PATTERN } from '../../complaint/domain/tracking-code';
import {
  discoveryDocument,
  open311Error,
  pickLanguage,
  serviceNotice,
  toOpen311Request,
  toOpen311Service,
  toServiceDefinition,
  type Format,
  type Open311Error,
} from '../domain/georeport';
import { fromOpen311Request, parseRequestsQuery, toOpen311Errors } from '../domain/input';
import { toXmlDocument, type XmlValue } from '../domain/xml';
import type { Open311Service } from '../services/open311';

const paramsOf = (ctx: Context) => ctx.params as Record<string, string>;

/** Answers in the format the path asked for: JSON as is, XML under the spec's root element. */
function send(ctx: Context, status: number, root: string, data: XmlValue, cacheControl?: string) {
  const format: Format = paramsOf(ctx).format === 'xml' ? 'xml' : 'json';
  ctx.status = status;
  if (format === 'xml') {
    // The type GeoReport v2 names, and the one discovery advertises.
    ctx.type = 'text/xml; charset=utf-8';
    ctx.body = toXmlDocument(root, data);
  } else {
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = JSON.stringify(data);
  }
  if (ctx.method === 'GET' && status === 200) {
    // The language follows Accept-Language, so shared caches must keep one copy per language.
    ctx.vary('Accept-Language');
    if (cacheControl) ctx.set('Cache-Control', cacheControl);
  }
}

const fail = (ctx: Context, status: number, list: Open311Error[]) => send(ctx, status, 'errors', list as unknown as XmlValue);
const langOf = (ctx: Context) => pickLanguage(ctx.query?.locale, ctx.get('Accept-Language'));
const notFoundService = () => open311Error(404, 'ไม่พบบริการนี้', 'No service has this service_code', 'service_code');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const open311 = () => strapi.service('api::open311.open311') as Open311Service;

  return {
    /** GET /api/open311/discovery.(json|xml) */
    async discovery(ctx: Context) {
      send(ctx, 200, 'discovery', discoveryDocument(publicUrl(strapi), await open311().contact()), 'public, max-age=3600');
    },

    /** GET /api/open311/v2/services.(json|xml) */
    async services(ctx: Context) {
      const lang = langOf(ctx);
      const list = await open311().listServices();
      send(ctx, 200, 'services', list.map((c) => toOpen311Service(c, lang)), 'public, max-age=300');
    },

    /** GET /api/open311/v2/services/:service_code.(json|xml) */
    async serviceDefinition(ctx: Context) {
      const found = await open311().findService(String(paramsOf(ctx).service_code));
      if (!found) return fail(ctx, 404, [notFoundService()]);
      send(ctx, 200, 'service_definition', toServiceDefinition(found), 'public, max-age=300');
    },

    /** POST /api/open311/v2/requests.(json|xml): file a complaint through our own validation. */
    async createRequest(ctx: Context) {
      const form = (ctx.request as { body?: unknown }).body;
      const { requireKey } = strapi.config.get<{ requireKey: boolean }>('open311');
      const apiKey = (form as { api_key?: unknown } | null | undefined)?.api_key;
      if (requireKey && !(await open311().isValidApiKey(Array.isArray(apiKey) ? (apiKey as unknown[])[0] : apiKey))) {
        return fail(ctx, 403, [open311Error(403, 'ไม่มี api_key หรือ api_key ไม่ถูกต้อง', 'Missing or invalid api_key', 'api_key')]);
      }

      const mapped = fromOpen311Request(form);
      const { value, issues } = validateComplaintInput(mapped.body);
      if (mapped.issues.length || !value) return fail(ctx, 400, toOpen311Errors([...mapped.issues, ...issues]));

      const lang = langOf(ctx);
      const service = await open311().findService(value.category);
      if (!service) return fail(ctx, 404, [notFoundService()]);

      try {
        const { trackingCode } = await (strapi.service('api::complaint.complaint') as ComplaintService).createFromCitizen(value, 'open311');
        send(ctx, 201, 'service_requests', [{ service_request_id: trackingCode, service_notice: serviceNotice(service, lang), account_id: mapped.accountId }]);
      } catch (e) {
        if (!(e instanceof errors.ValidationError)) throw e;
        const details = ((e.details as { errors?: Array<{ path: string[]; message: string }> })?.errors ?? []).map((d) => {
          const [th, en] = d.message.split(' / ');
          return { path: d.path, th, en: en ?? th };
        });
        // `instanceof` on the generic error class leaves its message typed any: it is the Error's string.
        const { message } = e as Error;
        fail(ctx, 400, details.length ? toOpen311Errors(details) : [open311Error(400, message, message)]);
      }
    },

    /** GET /api/open311/v2/requests.(json|xml) */
    async requests(ctx: Context) {
      const { filter, errors: problems } = parseRequestsQuery(ctx.query);
      if (!filter) return fail(ctx, 400, problems);
      const lang = langOf(ctx);
      const found = await open311().findRequests(filter);
      send(ctx, 200, 'service_requests', found.map((c) => toOpen311Request(c, lang)));
    },

    /** GET /api/open311/v2/requests/:service_request_id.(json|xml): an array of one, as the spec has it. */
    async request(ctx: Context) {
      const id = String(paramsOf(ctx).service_request_id).toUpperCase();
      const found = TRACKING_CODE_PATTERN.test(id) ? await open311().findRequest(id) : null;
      if (!found) return fail(ctx, 404, [open311Error(404, 'ไม่พบเรื่องนี้', 'No service request has this id', 'service_request_id')]);
      send(ctx, 200, 'service_requests', [toOpen311Request(found, langOf(ctx))]);
    },
  };
};
