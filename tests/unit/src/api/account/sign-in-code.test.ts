import { codeOpens, hashCode, newCode } from '../../../../../src/api/account/domain/sign-in-code';

const SECRET = 'test-secret';
const stored = (code: string, userId: number, over: Partial<{ expiresAt: Date; tries: number }> = {}) => ({
  hash: hashCode(code, userId, SECRET),
  expiresAt: over.expiresAt ?? new Date(Date.now() + 60_000),
  tries: over.tries ?? 0,
});

describe('one-time sign-in codes', () => {
  it('are six digits', () => {
    for (let i = 0; i < 50; i += 1) expect(newCode()).toMatch(/^\d{6}$/);
  });

  it('open with the right code only, for their own account', () => {
    expect(codeOpens(stored('123456', 7), '123456', 7, SECRET)).toBe(true);
    expect(codeOpens(stored('123456', 7), '123457', 7, SECRET)).toBe(false);
    // The same digits of another account's code open nothing here.
    expect(codeOpens(stored('123456', 8), '123456', 7, SECRET)).toBe(false);
  });

  it('open nothing once expired, tried five times, or gone', () => {
    expect(codeOpens(stored('123456', 7, { expiresAt: new Date(Date.now() - 1) }), '123456', 7, SECRET)).toBe(false);
    expect(codeOpens(stored('123456', 7, { tries: 5 }), '123456', 7, SECRET)).toBe(false);
    expect(codeOpens(stored('123456', 7, { tries: 4 }), '123456', 7, SECRET)).toBe(true);
    expect(codeOpens({ hash: null, expiresAt: null, tries: 0 }, '123456', 7, SECRET)).toBe(false);
  });
});
