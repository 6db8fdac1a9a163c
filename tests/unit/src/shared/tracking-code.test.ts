import { TRACKING_CODE } from '../../../../src/shared/tracking-code';
import { TRACKING_CODE_PATTERN, newTrackingCode } from '../../../../plugins/complaint-workflow/server/src/public';

describe('the shared tracking-code shape', () => {
  it('is the case engine’s pattern, and takes the codes it issues', () => {
    expect(TRACKING_CODE.source).toBe(TRACKING_CODE_PATTERN.source);
    for (let i = 0; i < 20; i += 1) expect(TRACKING_CODE.test(newTrackingCode(new Date(), 'ES'))).toBe(true);
  });
});
