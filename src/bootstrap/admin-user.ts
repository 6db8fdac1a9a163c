import type { Core, Data } from '@strapi/strapi';

/** The parts of the admin's own services used here (Strapi types its services as `any`). */
export interface AdminUserService {
  count(): Promise<number>;
  create(attributes: Record<string, unknown>): Promise<unknown>;
}
export interface AdminRoleService {
  getSuperAdmin(): Promise<Data.ContentType<'admin::role'> | null>;
}

/** The first administrator's details (config/setup.ts: ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_FIRSTNAME, ADMIN_LASTNAME). */
export interface FirstAdmin {
  email?: string;
  password?: string;
  firstname?: string;
  lastname?: string;
}

/**
 * Creates the first administrator from the configured e-mail and password when no administrator
 * exists, so a demo can be logged into without a console step. Thai is the administrator's admin language.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi, admin: FirstAdmin = strapi.config.get<FirstAdmin>('setup.firstAdmin', {})): Promise<boolean> {
  const email = admin.email?.trim();
  const password = admin.password;
  if (!email || !password) return false;
  const userService = strapi.service('admin::user') as AdminUserService;
  if ((await userService.count()) > 0) return false;
  const superAdmin = await (strapi.service('admin::role') as AdminRoleService).getSuperAdmin();
  if (!superAdmin) throw new Error('the Super Admin role is missing');
  await userService.create({
    email: email.toLowerCase(),
    firstname: admin.firstname || 'ผู้ดูแลระบบ',
    lastname: admin.lastname || 'เทศบาลตำบลนกออก',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
    preferedLanguage: 'th',
  });
  strapi.log.info(`Created the first administrator ${email}`);
  return true;
}
