import type { Core, Data } from '@strapi/strapi';
import { ROLE_PERMISSIONS } from '../permissions';

const PERMISSION = 'plugin::users-permissions.permission';
const ROLE = 'plugin::users-permissions.role';
// The query engine answers `any`: these are the rows it gives for the fields asked.
type Role = Data.ContentType<typeof ROLE, 'type'>;
type Permission = { id: Data.ID; action: string }; // action is required by the schema

/** Makes each role's permissions equal to the table; idempotent, and a no-op when already equal. */
export async function applyRolePermissions(strapi: Core.Strapi): Promise<{ added: number; removed: number }> {
  let added = 0;
  let removed = 0;
  for (const [type, actions] of Object.entries(ROLE_PERMISSIONS)) {
    const role = (await strapi.db.query(ROLE).findOne({ where: { type } })) as Role | null;
    if (!role) throw new Error(`users-permissions role "${type}" is missing`);
    const existing = (await strapi.db
      .query(PERMISSION)
      .findMany({ where: { role: role.id }, select: ['id', 'action'] })) as Permission[];
    const wanted = new Set(actions);
    const have = new Set(existing.map((p) => p.action));
    const extra = existing.filter((p) => !wanted.has(p.action));
    if (extra.length) {
      await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
      removed += extra.length;
    }
    for (const action of actions) {
      if (have.has(action)) continue;
      await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
      added += 1;
    }
  }
  return { added, removed };
}
