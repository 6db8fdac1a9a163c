/**
 * Thai QR Payment, bill payment (EMVCo merchant-presented mode): the payload a Thai banking app
 * reads from the QR code. Each field is ID (2 digits) + length (2 digits) + value.
 */
export const BILL_PAYMENT_AID = 'A000000677010112';

/** Reference 1 and 2 of a Thai QR bill payment: 1 to 20 characters of A–Z and 0–9, as banks keep them. */
export const REFERENCE_PATTERN = /^[A-Z0-9]{1,20}$/;
export const isReference = (s: string) => REFERENCE_PATTERN.test(s);

const field = (id: string, value: string) => {
  if (value.length > 99) throw new Error(`EMV field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
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
  ref1: string;
  ref2?: string;
  /** Baht; none for a QR that lets the payer type the amount (or for a bill already paid). */
  amount?: number | null;
  merchantName: string;
}

export function billPaymentPayload(p: BillPayment): string {
  if (!/^\d{15}$/.test(p.billerId)) throw new Error('PROMPTPAY_BILLER_ID must be 15 digits');
  const account = field('00', BILL_PAYMENT_AID) + field('01', p.billerId) + field('02', p.ref1) + (p.ref2 ? field('03', p.ref2) : '');
  const body =
    field('00', '01') + // payload format indicator
    field('01', '12') + // point of initiation: dynamic (this bill, this amount)
    field('30', account) +
    field('53', '764') + // baht
    (p.amount && p.amount > 0 ? field('54', p.amount.toFixed(2)) : '') +
    field('58', 'TH') +
    field('59', p.merchantName.slice(0, 25)) +
    '6304';
  return body + crc16(body);
}

/** Reads a payload back into its fields (tests, and the reconciliation of scanned codes). */
export function parseEmv(payload: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < payload.length) {
    const id = payload.slice(i, i + 2);
    const len = Number(payload.slice(i + 2, i + 4));
    out[id] = payload.slice(i + 4, i + 4 + len);
    i += 4 + len;
  }
  return out;
}
