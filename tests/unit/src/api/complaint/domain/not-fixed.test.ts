import { NOT_FIXED_DAYS, needsAfterPhoto, notFixedRefusal, notFixedStaffNotice, notFixedUntil, notFixedView } from '../../../../../../src/api/complaint/domain/not-fixed';
import { notFixedInput } from '../../../../../../src/shared/not-fixed-input';
import { check } from '../../../../../../src/shared/field-rules';

describe('"not fixed": once, within 14 days of resolution, from resolved or closed', () => {
  const resolvedAt = new Date('2026-11-01T03:00:00Z');
  const DAY = 24 * 3600_000;
  const at = (days: number) => new Date(resolvedAt.getTime() + days * DAY);

  it('is allowed from resolved and closed up to the 14th day, to the millisecond', () => {
    expect(NOT_FIXED_DAYS).toBe(14);
    expect(notFixedUntil({ state: 'resolved', resolvedAt })?.toISOString()).toBe('2026-11-15T03:00:00.000Z');
    for (const state of ['resolved', 'closed']) {
      expect(notFixedRefusal({ state, resolvedAt }, at(0))).toBeNull();
      expect(notFixedRefusal({ state, resolvedAt }, at(14))).toBeNull();
      expect(notFixedRefusal({ state, resolvedAt }, new Date(at(14).getTime() + 1))).toBe('not_fixed_expired');
    }
  });

  it('is refused for any other state, and without a resolution date', () => {
    for (const state of ['received', 'accepted', 'in_progress', 'rejected', 'referred', 'duplicate', 'reopened']) {
      expect(notFixedRefusal({ state, resolvedAt: null }, at(1))).toBe('not_resolved');
    }
    expect(notFixedRefusal({ state: 'closed', resolvedAt: null }, at(1))).toBe('not_fixed_expired');
  });

  it('is refused once used, whatever the state and date (checked first)', () => {
    const used = { state: 'resolved', resolvedAt, notFixedAt: at(1) };
    expect(notFixedRefusal(used, at(2))).toBe('not_fixed_used');
    expect(notFixedRefusal({ ...used, state: 'reopened' }, at(2))).toBe('not_fixed_used');
    expect(notFixedRefusal({ ...used, resolvedAt: at(3) }, at(40))).toBe('not_fixed_used');
  });

  it('tells the tracking view whether, and until when', () => {
    expect(notFixedView({ state: 'resolved', resolvedAt }, at(3))).toEqual({ allowed: true, until: '2026-11-15T03:00:00.000Z', used: false });
    expect(notFixedView({ state: 'closed', resolvedAt }, at(20))).toEqual({ allowed: false, until: '2026-11-15T03:00:00.000Z', used: false });
    expect(notFixedView({ state: 'reopened', resolvedAt: null, notFixedAt: at(2) }, at(3))).toEqual({ allowed: false, until: null, used: true });
    expect(notFixedView({ state: 'in_progress', resolvedAt: null }, at(3))).toEqual({ allowed: false, until: null, used: false });
  });

  it('takes a reason of 1 to 1000 characters', () => {
    expect(check(notFixedInput, { reason: '  ไฟยังดับ  ' }).data).toEqual({ reason: 'ไฟยังดับ' });
    expect(check(notFixedInput, { reason: '   ' }).issues).toEqual([{ path: ['reason'], code: 'required' }]);
    expect(check(notFixedInput, {}).issues?.[0]).toMatchObject({ path: ['reason'], code: 'required' });
    expect(check(notFixedInput, { reason: 'ก'.repeat(1001) }).issues?.[0]).toMatchObject({ path: ['reason'], code: 'too_long' });
    expect(check(notFixedInput, { reason: 'ก'.repeat(1000) }).data?.reason).toHaveLength(1000);
  });
});

describe('resolving needs an "after" photo', () => {
  it('when there is a photo of the problem or a place, until one is attached', () => {
    expect(needsAfterPhoto({ photos: [{ kind: 'before' }] })).toBe(true);
    expect(needsAfterPhoto({ lat: 14.7, lng: 102.0, photos: [] })).toBe(true);
    expect(needsAfterPhoto({ lat: 14.7, lng: 102.0, photos: [{ kind: 'before' }, { kind: 'after' }] })).toBe(false);
    // A photo stored before kinds existed is the citizen's.
    expect(needsAfterPhoto({ photos: [{ kind: null }] })).toBe(true);
  });

  it('not when there is nothing to compare with', () => {
    expect(needsAfterPhoto({ photos: [] })).toBe(false);
    expect(needsAfterPhoto({ lat: null, lng: null })).toBe(false);
    expect(needsAfterPhoto({ lat: 14.7, lng: null, photos: null })).toBe(false);
  });
});

describe('the e-mail to staff when a citizen says "not fixed"', () => {
  const c = { trackingCode: 'NK-6911-7KQ3M', title: 'ไฟทางดับ', reopenCount: 2, category: { nameTh: 'ไฟฟ้า', nameEn: 'Light' } };
  it('goes to the assignee in their language, with the reason and the case link', () => {
    const [m] = notFixedStaffNotice({ ...c, assignee: { email: 'o@nokok.test', preferedLanguage: 'en' } }, 'still dark', { staffEmail: 'desk@nokok.test', caseLink: 'https://x/admin/c/1' });
    expect(m).toMatchObject({ channel: 'email', to: 'o@nokok.test' });
    expect(m.subject).toBe('[NK-6911-7KQ3M] The citizen says it is not fixed');
    expect(m.text).toContain('still dark');
    expect(m.text).toContain('Light — ไฟทางดับ');
    expect(m.text).toContain('https://x/admin/c/1');
  });
  it('else to the complaint desk in Thai, else nobody', () => {
    const [m] = notFixedStaffNotice(c, 'ยังดับ', { staffEmail: 'desk@nokok.test', caseLink: 'l' });
    expect(m.to).toBe('desk@nokok.test');
    expect(m.subject).toContain('ยังไม่ได้รับการแก้ไข');
    expect(notFixedStaffNotice(c, 'x', { caseLink: 'l' })).toEqual([]);
  });
});
