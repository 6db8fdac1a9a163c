import type { TestApp } from './strapi';

/**
 * Resolving a complaint with a photo or a place needs staff's "after" photo (issue 18). Tests about
 * something else attach one as a row: the check reads rows, the bytes are another test's business.
 */
export async function attachAfterPhoto(app: TestApp, complaintId: number): Promise<void> {
  await app.strapi.db.query('api::complaint-photo.complaint-photo').create({
    data: { key: `after-${complaintId}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, mime: 'image/jpeg', kind: 'after', complaint: complaintId },
  });
}
