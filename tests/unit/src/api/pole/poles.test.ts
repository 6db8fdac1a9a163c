import { FAULTS, MAX_NOTE as SERVER_MAX_NOTE, poleStatusFor, toPublicPole, validatePoleReport } from '../../../../../src/api/pole/domain/report';
import { FAULT_KEYS, MAX_NOTE, POLE_STATUSES, THAI_PHONE } from '../../../../../website/src/pole-rules';
import schema from '../../../../../src/api/pole/content-types/pole/schema.json';

describe('pole fault reports', () => {
  it('offers on the website exactly the faults and statuses the server knows', () => {
    expect([...FAULT_KEYS]).toEqual(Object.keys(FAULTS));
    expect([...POLE_STATUSES]).toEqual(schema.attributes.status.enum);
    expect(MAX_NOTE).toBe(SERVER_MAX_NOTE);
    for (const phone of ['0812345678', '044123456', '+66812345678', '12345', '08123456789']) {
      expect(THAI_PHONE.test(phone)).toBe(Boolean(validatePoleReport({ data: { fault: 'other', phone } }).value));
    }
  });

  it('accepts a fault with an optional note and a Thai phone number, normalised', () => {
    expect(validatePoleReport({ data: { fault: 'no_sound' } })).toEqual({ value: { fault: 'no_sound' }, issues: [] });
    expect(validatePoleReport({ data: { fault: 'damaged', note: '  ลำโพงหลุด ', phone: '081-234 5678' } }).value).toEqual({ fault: 'damaged', note: 'ลำโพงหลุด', phone: '0812345678' });
    expect(validatePoleReport({ data: { fault: 'other', phone: '+66812345678' } }).value?.phone).toBe('+66812345678');
  });

  it('names each bad field', () => {
    const paths = (body: unknown) => validatePoleReport(body).issues.map((i) => i.path.join('.'));
    expect(paths({ data: { fault: 'loud' } })).toEqual(['fault']);
    expect(paths({ data: { fault: 'no_sound', note: 'x'.repeat(501) } })).toEqual(['note']);
    expect(paths({ data: { fault: 'no_sound', note: 5 } })).toEqual(['note']);
    expect(paths({ data: { fault: 'no_sound', phone: '12345' } })).toEqual(['phone']);
    expect(paths({ data: { fault: 'no_sound', status: 'working' } })).toEqual(['status']);
    expect(paths([])).toEqual(['data']);
    expect(validatePoleReport({ data: { fault: 'x' } }).issues[0]).toMatchObject({ th: expect.stringContaining('กรุณาเลือกอาการ'), en: expect.stringContaining('no_sound') });
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
