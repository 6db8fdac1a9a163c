import { COMPLAINT_STATES } from '../../../../../../src/api/complaint/workflow';
import { ERASED, FINAL_STATES, PERSONAL_FIELDS, hasPersonalFields, isPastRetention, pastRetention, retentionCutoff } from '../../../../../../src/api/complaint/domain/retention';

describe('complaint retention', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const DAY = 24 * 3600_000;

  it('counts the final states of the workflow: every state citizens see as closed, and only those', () => {
    expect([...FINAL_STATES].sort()).toEqual(['closed', 'duplicate', 'referred', 'rejected', 'resolved']);
    expect(COMPLAINT_STATES.filter((s) => !FINAL_STATES.includes(s)).sort()).toEqual(['accepted', 'in_progress', 'received', 'reopened']);
  });

  it('measures from resolvedAt, else from the last change, and keeps open cases whatever their age', () => {
    const old = new Date(now.getTime() - 731 * DAY);
    const recent = new Date(now.getTime() - 729 * DAY);
    expect(isPastRetention({ state: 'closed', resolvedAt: old, updatedAt: recent }, now, 730)).toBe(true);
    // Closed yesterday, but resolved long ago: resolvedAt is the measure.
    expect(isPastRetention({ state: 'closed', resolvedAt: recent, updatedAt: old }, now, 730)).toBe(false);
    expect(isPastRetention({ state: 'rejected', resolvedAt: null, updatedAt: old }, now, 730)).toBe(true);
    expect(isPastRetention({ state: 'duplicate', resolvedAt: null, updatedAt: recent }, now, 730)).toBe(false);
    for (const state of ['received', 'accepted', 'in_progress', 'reopened']) expect(isPastRetention({ state, resolvedAt: old, updatedAt: old }, now, 730)).toBe(false);
    expect(isPastRetention({ state: 'closed', resolvedAt: old.toISOString() }, now, 730)).toBe(true);
    expect(isPastRetention({ state: 'closed' }, now, 730)).toBe(false);
  });

  it('refuses a retention shorter than a day, which would erase every finished case at once', () => {
    expect(retentionCutoff(now, 1)).toEqual(new Date(now.getTime() - DAY));
    for (const days of [0, -1, NaN, Infinity]) expect(() => retentionCutoff(now, days)).toThrow(RangeError);
  });

  it('builds the database query from the same states and measures', () => {
    const cutoff = retentionCutoff(now, 730);
    expect(pastRetention(cutoff)).toEqual({
      state: { $in: FINAL_STATES },
      $or: [{ resolvedAt: { $lt: cutoff } }, { resolvedAt: { $null: true }, updatedAt: { $lt: cutoff } }],
    });
  });

  it('erases the fields that name, reach or locate the citizen, and nothing else', () => {
    expect([...PERSONAL_FIELDS].sort()).toEqual(['address', 'contactEmail', 'contactName', 'contactPhone', 'platformUserId']);
    expect(Object.values(ERASED).every((v) => v === null)).toBe(true);
    expect(hasPersonalFields({ contactName: null, contactPhone: '', address: undefined, description: 'x' })).toBe(false);
    expect(hasPersonalFields({ platformUserId: 'U123' })).toBe(true);
  });
});
