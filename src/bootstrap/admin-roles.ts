import type { Core } from '@strapi/strapi';
import { CONTENT_WRITE_ACTIONS, LOG_RECORDS, STAFF_ROLES, WORKFLOW_RECORDS, isLogRecord, isWorkflowRecord, type StaffPermission } from '../admin-roles';

/** The admin's role service, the parts used here (Strapi types its services as `any`). */
interface RoleService {
  findOne(where: Record<string, unknown>): Promise<AdminRole | null>;
  create(attributes: { name: string; code: string; description: string }): Promise<AdminRole>;
  update(where: { id: number }, attributes: { name: string; description: string }): Promise<AdminRole>;
  find(where?: Record<string, unknown>): Promise<AdminRole[]>;
  getSuperAdmin(): Promise<AdminRole | null>;
  assignPermissions(roleId: number, permissions: AdminPermission[]): Promise<unknown>;
  hooks: { willResetSuperAdminPermissions: { register(fn: (permissions: AdminPermission[]) => AdminPermission[]): void } };
}
interface AdminRole {
  id: number;
  code: string;
  name: string;
  description?: string;
}
interface AdminPermission {
  id?: number;
  action: string;
  subject?: string | null;
  properties?: { fields?: string[]; locales?: string[] | null };
  conditions?: string[];
}
interface ContentTypeService {
  getNestedFields(model: unknown, options: { components: unknown }): string[];
}

const roles = (strapi: Core.Strapi) => strapi.service('admin::role') as unknown as RoleService;

/**
 * The super admin reads workflow records and logs in the Content Manager but cannot change them
 * there: the permissions Strapi gives it at every start lose the write actions on those types.
 */
export function readOnlyWorkflowRecords(strapi: Core.Strapi): void {
  const writes = new Set<string>(CONTENT_WRITE_ACTIONS);
  roles(strapi).hooks.willResetSuperAdminPermissions.register((permissions) =>
    permissions.filter((p) => !(writes.has(p.action) && (isWorkflowRecord(p.subject) || isLogRecord(p.subject))))
  );
}

/** A table row as the admin stores it: field lists spelled out, every locale of a translated type. */
function toAdminPermission(strapi: Core.Strapi, p: StaffPermission): AdminPermission {
  if (!p.subject) return { action: p.action, subject: null, properties: {}, conditions: [] };
  const model = strapi.contentTypes[p.subject as keyof typeof strapi.contentTypes] as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined;
  if (!model) throw new Error(`admin role table: no content type ${p.subject}`);
  const properties: AdminPermission['properties'] = {};
  // Delete and publish apply to whole records; the others to fields.
  if (!p.action.endsWith('.delete') && !p.action.endsWith('.publish')) {
    const all = (strapi.service('admin::content-type') as unknown as ContentTypeService).getNestedFields(model, { components: strapi.components });
    properties.fields = all.filter((f) => !p.exceptFields?.includes(f.split('.')[0]));
  }
  // null: every locale (the i18n plugin's meaning), so an officer edits both Thai and English.
  if (model.pluginOptions?.i18n?.localized) properties.locales = null;
  return { action: p.action, subject: p.subject, properties, conditions: [] };
}

/**
 * Makes each staff role of the table exist with exactly its permissions, and takes workflow records
 * (and changes to logs) out of every other role except the super admin (Strapi's own Editor and Author roles get every
 * content type when first created). Idempotent.
 */
export async function applyAdminRoles(strapi: Core.Strapi): Promise<Record<string, number>> {
  const service = roles(strapi);
  const ids: Record<string, number> = {};
  for (const def of STAFF_ROLES) {
    // Thai only: the name shows under the officer's own name on every screen of the admin.
    const name = def.name.th;
    const description = def.description.th;
    let role = await service.findOne({ code: def.code });
    if (!role) role = await service.create({ name, code: def.code, description });
    else if (role.name !== name || role.description !== description) await service.update({ id: role.id }, { name, description });
    await service.assignPermissions(
      role.id,
      def.permissions.map((p) => toAdminPermission(strapi, p))
    );
    ids[def.code] = role.id;
  }
  const superAdmin = await service.getSuperAdmin();
  const coded = new Set(Object.values(ids));
  const others = (await service.find()).filter((r) => r.id !== superAdmin?.id && !coded.has(r.id));
  if (others.length) {
    const stray = (await strapi.db.query('admin::permission').findMany({
      where: {
        role: { id: { $in: others.map((r) => r.id) } },
        $or: [{ subject: { $in: [...WORKFLOW_RECORDS] } }, { subject: { $in: [...LOG_RECORDS] }, action: { $in: [...CONTENT_WRITE_ACTIONS] } }],
      },
      select: ['id'],
    })) as Array<{ id: number }>;
    if (stray.length) {
      await strapi.db.query('admin::permission').deleteMany({ where: { id: { $in: stray.map((p) => p.id) } } });
      strapi.log.info(`Removed ${stray.length} Content Manager permission(s) on workflow records and logs from hand-made roles`);
    }
  }
  return ids;
}
