import fs from 'fs';
import path from 'path';
import type { Core, Modules } from '@strapi/strapi';

type AnnouncementInput = Modules.Documents.Params.Data.Input<'api::announcement.announcement'>;

const UID = 'api::announcement.announcement';

/** The demo's public notices (a village's water cut, the elderly's allowance), published once by their Thai title. */
export async function seedAnnouncements(strapi: Core.Strapi, dir: string): Promise<number> {
  const seed = JSON.parse(fs.readFileSync(path.join(dir, 'announcements.json'), 'utf8')) as Array<AnnouncementInput & { titleTh: string }>;
  let created = 0;
  for (const notice of seed) {
    if ((await strapi.db.query(UID).count({ where: { titleTh: notice.titleTh } })) > 0) continue;
    await strapi.documents(UID).create({ data: notice, status: 'published' });
    created += 1;
  }
  return created;
}
