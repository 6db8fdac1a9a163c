import { REQUEST_CODE, bangkokYearBE, requestCode, requestCodePrefix, requestNumber } from '../../../../../src/api/dataset/domain/request-code';

describe('dataset request references', () => {
  it('count per Buddhist-era year in Bangkok, four digits and more', () => {
    expect(requestCode(2569, 1)).toBe('DR-2569-0001');
    expect(requestCode(2569, 12345)).toBe('DR-2569-12345');
    expect(REQUEST_CODE.test('DR-2569-0001')).toBe(true);
    expect(REQUEST_CODE.test('DR-2569-12345')).toBe(true);
    expect(REQUEST_CODE.test('NK-2569-0001')).toBe(false);
    // Midnight in Bangkok is 17:00 UTC: the year turns there, not at UTC midnight.
    expect(bangkokYearBE(new Date('2026-12-31T16:59:59Z'))).toBe(2569);
    expect(bangkokYearBE(new Date('2026-12-31T17:00:00Z'))).toBe(2570);
  });

  it('reads the number back from a reference of the same year only', () => {
    const prefix = requestCodePrefix(2569);
    expect(requestNumber('DR-2569-0042', prefix)).toBe(42);
    expect(requestNumber('DR-2568-0042', prefix)).toBe(0);
    expect(requestNumber('DR-2569-x', prefix)).toBe(0);
    expect(requestNumber('', prefix)).toBe(0);
  });
});
