import { FAULTS, poleStatusFor, toPublicPole } from '../../../../../src/api/pole/domain/report';
import { check } from '../../../../../src/shared/field-rules';
import { FAULT_KEYS, POLE_STATUSES, poleReportInput } from '../../../../../website/src/pole-rules';
import schema from '../../../../../src/api/pole/content-types/pole/schema.json';

const report = (data: unknown) => {
  const r = check(poleReportInput, data);
  return { value: r.data, codes: (r.issues ?? []).map((i) => `${i.path.join('.')}:${i.code}`) };
};

describe('pole fault reports', () => {
  it('offers on the website exactly the faults and statuses the server knows', () => {
    expect([...FAULT_KEYS]).toEqual(Object.keys(FAULTS));
    expect([...POLE_STATUSES]).toEqual(schema.attributes.status.enum);
  });

  it('accepts a fault with an optional note and a Thai phone number, normalised', () => {
    expect(report({ fault: 'no_sound' }).value).toEqual({ fault: 'no_sound' });
    expect(report({ fault: 'damaged', note: '  ลำโพงหลุด ', phone: '081-234 5678' }).value).toEqual({ fault: 'damaged', note: 'ลำโพงหลุด', phone: '0812345678' });
    expect(report({ fault: 'other', phone: '+66812345678' }).value?.phone).toBe('+66812345678');
    for (const phone of ['0812345678', '044123456', '+66812345678']) expect(report({ fault: 'other', phone }).codes).toEqual([]);
  });

  it('names each bad field with its code', () => {
    expect(report({ fault: 'loud' }).codes).toEqual(['fault:invalid_choice']);
    expect(report({ fault: 'no_sound', note: 'x'.repeat(501) }).codes).toEqual(['note:too_long']);
    expect(report({ fault: 'no_sound', note: 5 }).codes).toEqual(['note:invalid_type']);
    expect(report({ fault: 'no_sound', phone: '12345' }).codes).toEqual(['phone:invalid_phone']);
    expect(report({ fault: 'no_sound', phone: '08123456789' }).codes).toEqual(['phone:invalid_phone']);
    expect(report({}).codes).toEqual(['fault:required']);
    // Names every object inherits are not faults.
    for (const fault of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) expect(report({ fault }).codes).toEqual(['fault:invalid_choice']);
    // A key the caller may not set is dropped, not stored.
    expect(report({ fault: 'no_sound', status: 'working' }).value).toEqual({ fault: 'no_sound' });
  });

  it('maps the report state to the pole state', () => {
    expect(['received', 'accepted', 'reopened'].map(poleStatusFor)).toEqual(['reported', 'reported', 'reported']);
    expect(poleStatusFor('in_progress')).toBe('under_repair');
    expect(['resolved', 'closed', 'rejected', 'duplicate', 'referred'].map(poleStatusFor)).toEqual(Array(5).fill('working'));
  });

  it('shows a pole publicly through an allow-list only', () => {
    const pole = { id: 3, code: 'NOK-P03', name: 'หน้าวัด', village: 2, lat: 14.7, lng: 102.0, status: 'working' as const, notes: 'private', speakers: 2 };
    expect(toPublicPole(pole)).toEqual({ code: 'NOK-P03', name: 'หน้าวัด', village: 2, location: { lat: 14.7, lng: 102.0 }, status: 'working' });
  });
});
