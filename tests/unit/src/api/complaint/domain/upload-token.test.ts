import { UPLOAD_TOKEN_TTL_MS, uploadToken, validUploadToken } from '../../../../../../src/api/complaint/domain/upload-token';

describe('complaint photo upload tokens', () => {
  const key = 'test-key';
  const now = Date.UTC(2026, 0, 1);

  it('holds for its own photo id, with its key, until it expires', () => {
    const token = uploadToken(key, 7, now);
    expect(validUploadToken(key, 7, token, now)).toBe(true);
    expect(validUploadToken(key, 7, token, now + UPLOAD_TOKEN_TTL_MS - 1000)).toBe(true);
    expect(validUploadToken(key, 7, token, now + UPLOAD_TOKEN_TTL_MS + 1000)).toBe(false);
    expect(validUploadToken(key, 8, token, now)).toBe(false);
    expect(validUploadToken('another-key', 7, token, now)).toBe(false);
  });

  it('cannot be stretched or forged', () => {
    const [expires, sig] = uploadToken(key, 7, now).split('.');
    const later = (parseInt(expires, 36) + 3600).toString(36);
    expect(validUploadToken(key, 7, `${later}.${sig}`, now)).toBe(false);
    for (const bad of ['', 'x', `${expires}.`, `${expires}.${sig}x`, `${expires}.${'A'.repeat(32)}`]) expect(validUploadToken(key, 7, bad, now)).toBe(false);
  });
});
