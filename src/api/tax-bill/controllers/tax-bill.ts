import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isValidNationalId, normaliseNationalId } from '../domain/national-id';
import { billReference } from '../domain/bill-reference';
import type { QrService } from '../../../../plugins/qr/server/src/public';
import rates from '../rates/land-building-tax-rates.json';
import type { TaxBillService } from '../services/tax-bill';

const UID = 'api::tax-bill.tax-bill';

const fieldError = (field: string, th: string, en: string) =>
  new errors.ValidationError(`${th} / ${en}`, { errors: [{ path: [field], message: `${th} / ${en}`, name: 'ValidationError' }] });

export default factories.createCoreController(UID, ({ strapi }) => {
  const bills = () => strapi.service(UID) as TaxBillService;

  return {
    /** POST /api/tax-bills/lookup { billNumber, nationalId }: the bill's public view, or 404 (rate-limited). */
    async lookup(ctx: Context) {
      const body = (ctx.request as { body?: unknown }).body;
      const obj = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }) : null;
      const data = obj ? (obj.data && typeof obj.data === 'object' ? obj.data : obj) : null;
      if (!data) throw fieldError('body', 'ต้องส่ง { "billNumber", "nationalId" }', 'The body must be { "billNumber", "nationalId" }');
      const { billNumber, nationalId } = data as Record<string, unknown>;
      if (typeof billNumber !== 'string' || !billNumber.trim() || billNumber.length > 40) throw fieldError('billNumber', 'กรุณากรอกเลขที่ใบแจ้งประเมิน', 'billNumber is required (text, at most 40 characters)');
      // Typed as printed (dashes, spaces, lower case) or as the bank's reference 1: the same bill.
      if (!billReference(billNumber)) {
        throw fieldError('billNumber', 'เลขที่ใบแจ้งประเมินมีได้เฉพาะตัวอักษร A–Z ตัวเลข ขีด ทับ จุด และช่องว่าง (ตัวอักษรและตัวเลขไม่เกิน 20 ตัว)', 'A bill number has only letters A–Z, digits, dashes, slashes, dots and spaces (at most 20 letters and digits)');
      }
      if (typeof nationalId !== 'string' || !nationalId.trim()) throw fieldError('nationalId', 'กรุณากรอกเลขประจำตัวประชาชน 13 หลัก', 'nationalId is required (13 digits)');
      const id = normaliseNationalId(nationalId);
      if (!isValidNationalId(id)) throw fieldError('nationalId', 'เลขประจำตัวประชาชนไม่ถูกต้อง (ตรวจสอบทั้ง 13 หลัก)', 'The national ID is not valid (its check digit does not match)');
      const bill = await bills().lookup(billNumber, id);
      // A wrong ID answers exactly like an unknown bill, so bills cannot be probed.
      if (!bill) throw new errors.NotFoundError('ไม่พบใบแจ้งภาษีที่ตรงกับเลขที่และเลขประจำตัวนี้ / No bill matches this number and ID');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: bills().publicView(bill) };
    },

    /** GET /api/tax-bills/qr/:token.png: the payment QR of a bill, from the signed link in its public view. */
    async qr(ctx: Context) {
      const found = await bills().fromQrToken(String((ctx.params as Record<string, string | undefined>).token ?? ''));
      if (!found) throw new errors.NotFoundError('ไม่พบคิวอาร์โค้ดนี้ / No such QR code');
      ctx.set('Cache-Control', 'private, no-store');
      ctx.type = 'image/png';
      // M: a code shown on a phone screen, not weathering outdoors; large modules read best there.
      ctx.body = await strapi.plugin('qr').service<QrService>('qr').png(found.payload, { size: 600, errorCorrection: 'M' });
    },

    /** GET /tax-bills/payments/review (admin route, see admin-routes.ts): bank payments flagged for a person. */
    async paymentsToReview(ctx: Context) {
      ctx.body = { results: await bills().paymentsToReview() };
    },

    /** GET /api/tax-rates: the statutory rates by use and value band, for the estimate. */
    rates(ctx: Context) {
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.body = { data: rates };
    },
  };
});
