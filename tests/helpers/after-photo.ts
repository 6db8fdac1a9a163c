import sharp from 'sharp';
import type { Page } from 'playwright-core';
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

/**
 * On an open case page in the Thai admin: attaches one photo of the fix through the page's upload
 * field and waits until the page shows it.
 */
export async function uploadAfterPhotoOnCasePage(page: Page, trackingCode: string): Promise<void> {
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3f8f4f' } }).jpeg().toBuffer();
  await page.locator('#cw-after-photos').setInputFiles({ name: 'fixed.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByRole('button', { name: 'อัปโหลดภาพ', exact: true }).click();
  await page.getByRole('img', { name: `ภาพหลังแก้ไขที่ 1 ของเรื่อง ${trackingCode}` }).waitFor();
}
