import { REFERENCE_PATTERN } from '../../../shared/tax-lookup';

/**
 * Thai QR Payment, bill payment (EMVCo merchant-presented mode): the payload a Thai banking app
 * reads from the QR code. Each field is ID (2 digits) + length (2 digits) + value.
 *
 * Lengths count the value's UTF-8 bytes, as the QR code carries them (never JavaScript's UTF-16
 * units). Every value this builder writes is ASCII (the references are A–Z and 0–9, the payee name
 * is EMV's "ans" set), so a byte, a character and a UTF-16 unit are the same thing here and no
 * reader can count a field differently from us.
 */
export const BILL_PAYMENT_AID = 'A000000677010112';

export { REFERENCE_PATTERN };
export const isReference = (s: string) => REFERENCE_PATTERN.test(s);

/** Tag 59 (merchant name) is EMV format "ans": the common character set, printable ASCII. */
export const isAnsText = (s: string) => /^[\x20-\x7E]*$/.test(s);
export const MERCHANT_NAME_MAX = 25;

const field = (id: string, value: string) => {
  const length = Buffer.byteLength(value, 'utf8');
  if (length > 99) throw new Error(`EMV field ${id} is longer than 99 bytes`);
  return `${id}${String(length).padStart(2, '0')}${value}`;
};

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as EMVCo asks for tag 63. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

export interface BillPayment {
  /** 15 digits: the biller's tax ID (13) and a suffix (2), as registered with the bank. */
  billerId: string;
  /** 1 to 20 characters of A–Z and 0–9. */
  ref1: string;
  /** Absent, or 1 to 20 characters of A–Z and 0–9. */
  ref2?: string;
  /** Baht; none for a QR that lets the payer type the amount (or for a bill already paid). */
  amount?: number | null;
  /** Printable ASCII (EMV "ans"); cut to 25 characters. */
  merchantName: string;
}

export function billPaymentPayload(p: BillPayment): string {
  if (!/^\d{15}$/.test(p.billerId)) throw new Error('PROMPTPAY_BILLER_ID must be 15 digits');
  if (!isReference(p.ref1)) throw new Error(`Thai QR reference 1 must be 1 to 20 characters of A-Z and 0-9, not ${JSON.stringify(p.ref1)}`);
  if (p.ref2 !== undefined && !isReference(p.ref2)) throw new Error(`Thai QR reference 2 must be 1 to 20 characters of A-Z and 0-9, not ${JSON.stringify(p.ref2)}`);
  if (!isAnsText(p.merchantName)) {
    throw new Error(`PROMPTPAY_MERCHANT_NAME must be Latin letters, digits, spaces and punctuation (EMV tag 59 is the "ans" character set), not ${JSON.stringify(p.merchantName)}`);
  }
  const account = field('00', BILL_PAYMENT_AID) + field('01', p.billerId) + field('02', p.ref1) + (p.ref2 !== undefined ? field('03', p.ref2) : '');
  const body =
    field('00', '01') + // payload format indicator
    field('01', '12') + // point of initiation: dynamic (this bill, this amount)
    field('30', account) +
    field('53', '764') + // baht
    (p.amount && p.amount > 0 ? field('54', p.amount.toFixed(2)) : '') +
    field('58', 'TH') +
    field('59', p.merchantName.slice(0, MERCHANT_NAME_MAX)) +
    '6304';
  return body + crc16(body);
}

/** Reads a payload back into its fields, lengths in UTF-8 bytes as `billPaymentPayload` writes them (tests). */
export function parseEmv(payload: string): Record<string, string> {
  const bytes = Buffer.from(payload, 'utf8');
  const out: Record<string, string> = {};
  let i = 0;
  while (i < bytes.length) {
    const id = bytes.toString('latin1', i, i + 2);
    const lengthText = bytes.toString('latin1', i + 2, i + 4);
    if (!/^\d{2}$/.test(lengthText) || i + 4 + Number(lengthText) > bytes.length) throw new Error(`EMV field ${id} at byte ${i} has no valid length`);
    const len = Number(lengthText);
    out[id] = bytes.toString('utf8', i + 4, i + 4 + len);
    i += 4 + len;
  }
  return out;
}
