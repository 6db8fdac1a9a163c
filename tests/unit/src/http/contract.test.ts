import { z } from 'zod';
import { fieldErrors, operationOf } from '../../../../src/http/contract';
import { createSubmission, trackSubmission } from '../../../../src/api/e-form-submission/contracts';
import { deleteAccount, getAccount, updateAccount } from '../../../../src/api/account/contracts';
import { route } from '../../../../src/http/contract';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reading a generated JSON document

describe('route contracts', () => {
  it('write the OpenAPI operation from the same schema that validates the body', () => {
    const op = operationOf(createSubmission);
    expect(op).toMatchObject({ path: '/e-form-submissions', method: 'post' });
    const operation: Json = op.operation;
    const body = operation.requestBody.content['application/json'].schema as Json;
    const data = body.properties.data;
    expect(data.required).toEqual(expect.arrayContaining(['title', 'description']));
    expect(data.properties.title.maxLength).toBe(200);
    expect(data.properties.description.maxLength).toBe(5000);
    expect(Object.keys(operation.responses).sort()).toEqual(['201', '400', '413', '429']);
    // The 400 documents Strapi's envelope with every code the route's fields can be refused with.
    const refusal = operation.responses['400'].content['application/json'].schema as Json;
    expect(refusal.properties.error.properties.details.properties.errors.items.properties.code.enum).toEqual(expect.arrayContaining(['required', 'too_long', 'invalid_phone', 'consent_required']));
  });

  it("mark a signed-in route: Strapi's users-permissions auth and the session policy, a bearer token and a 401 in the document", () => {
    const r = route(getAccount, 'account.find', { auth: 'user' });
    expect(r.config.auth).toEqual({ strategies: [expect.objectContaining({ name: 'users-permissions' })] });
    expect(r.config.policies).toEqual(['global::active-session']);
    const operation: Json = operationOf(getAccount).operation;
    expect(operation.security).toEqual([{ citizenBearer: [] }]);
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '401']);
    // A public route stays open and undocumented as signed in.
    expect(route(createSubmission, 'e-form-submission.create').config).toMatchObject({ auth: false, policies: [] });
    expect((operationOf(createSubmission).operation).security).toBeUndefined();
  });

  it('write PUT and DELETE operations', () => {
    route(updateAccount, 'account.update', { auth: 'user' });
    route(deleteAccount, 'account.delete', { auth: 'user' });
    expect(operationOf(updateAccount)).toMatchObject({ path: '/account', method: 'put' });
    expect(operationOf(deleteAccount)).toMatchObject({ path: '/account', method: 'delete' });
  });

  it('turn path parameters into OpenAPI parameters', () => {
    const op = operationOf(trackSubmission);
    expect(op.path).toBe('/e-form-submissions/track/{trackingCode}');
    const operation: Json = op.operation;
    expect(operation.parameters).toEqual([expect.objectContaining({ in: 'path', name: 'trackingCode', required: true })]);
  });

  it('name every wrong field with a stable code and a message in one language', () => {
    const parsed = z.safeParse(createSubmission.request.body, { data: { title: '', description: 'x'.repeat(5001), contact: { phone: '12' }, consent: 'yes' } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const th = fieldErrors(parsed.error, 'th');
    const en = fieldErrors(parsed.error, 'en');
    const codes = th.map((e) => `${e.path.join('.')}:${e.code}`).sort();
    expect(codes).toEqual(['data.consent:invalid_type', 'data.contact.phone:invalid_phone', 'data.description:too_long', 'data.title:required']);
    expect(en.map((e) => e.code)).toEqual(th.map((e) => e.code));
    for (const e of [...th, ...en]) expect(e.message).not.toContain(' / ');
    expect(th.find((e) => e.code === 'required')?.message).toBe('กรุณากรอกข้อมูลนี้');
    expect(en.find((e) => e.code === 'required')?.message).toBe('This field is required');
  });

  it('call a missing value required and a wrong type invalid_type', () => {
    const r = z.object({ a: z.string(), b: z.number() }).safeParse({ b: 'x' }, { reportInput: true });
    if (r.success) throw new Error('should fail');
    expect(fieldErrors(r.error, 'en').map((e) => e.code)).toEqual(['required', 'invalid_type']);
  });
});
