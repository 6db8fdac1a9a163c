import type { Context } from 'koa';
import errorLanguage from '../../../../src/middlewares/error-language';

/** Runs the middleware after a handler that answered `status` with Strapi's error envelope. */
async function answer(path: string, status: number, message: string, acceptLanguage = '') {
  const ctx = {
    path,
    status,
    query: {},
    get: (h: string) => (h.toLowerCase() === 'accept-language' ? acceptLanguage : ''),
    body: { data: null, error: { status, name: 'ApplicationError', message, details: {} } },
  } as unknown as Context;
  await errorLanguage()(ctx, () => Promise.resolve());
  return (ctx.body as { error: { message: string; details: { code?: string } } }).error;
}

describe('error-language', () => {
  it("gives users-permissions' sign-in refusals a code and the caller's language", async () => {
    expect(await answer('/api/auth/local', 400, 'Your account email is not confirmed')).toMatchObject({ details: { code: 'not_confirmed' }, message: expect.stringMatching(/ยืนยันอีเมล/) });
    expect(await answer('/api/auth/local', 400, 'Invalid identifier or password', 'en')).toMatchObject({ details: { code: 'invalid_credentials' }, message: 'The e-mail or password is wrong' });
    expect(await answer('/api/auth/local/register', 429, 'Too many requests, please try again later.')).toMatchObject({ details: { code: 'auth_rate_limited' }, message: expect.stringMatching(/บ่อยเกินไป/) });
  });

  it('leaves the same words alone outside /api/auth, and stock refusals get their generic code', async () => {
    expect(await answer('/api/complaints', 400, 'Invalid identifier or password')).toMatchObject({ details: { code: 'invalid_request' }, message: 'Invalid identifier or password' });
    expect(await answer('/api/nothing', 404, 'Not Found', 'en')).toMatchObject({ details: { code: 'not_found' } });
    expect((await answer('/api/complaints', 429, 'Too many requests, please try again later.')).details.code).toBeUndefined();
  });
});
