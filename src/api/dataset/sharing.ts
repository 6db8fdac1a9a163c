import type { Core } from '@strapi/strapi';
import { SHARING_MANAGE, SHARING_READ_LOG } from './staff-permissions';
import type { PartnersService } from './services/partners';
import { guardRestrictedFiles } from './restricted-files';

const AGENCY = 'api::dataset.partner-agency';

interface AdminPermissionService {
  actionProvider: { registerMany: (actions: Array<Record<string, string>>) => Promise<unknown> };
}

/** `api::data-sharing.manage` → `data-sharing.manage`: the uid the action provider prefixes with `api::`. */
const uidOf = (action: string) => action.replace(/^api::/, '');

/**
 * Data sharing's part of the app's register(): its two admin permissions (in Settings → Roles, under
 * Settings), registered before the admin's bootstrap gives the super admin every permission;
 * checked partner keys forgotten whenever an agency changes (deactivated, its token renamed); and
 * restricted datasets' files kept from their public `/uploads/` addresses.
 */
export async function registerSharing(strapi: Core.Strapi): Promise<void> {
  await (strapi.service('admin::permission') as unknown as AdminPermissionService).actionProvider.registerMany([
    { section: 'settings', category: 'data sharing', subCategory: 'partner agencies', displayName: 'Issue partner agencies\u2019 API tokens', uid: uidOf(SHARING_MANAGE) },
    { section: 'settings', category: 'data sharing', subCategory: 'access log', displayName: 'Read and export the access log', uid: uidOf(SHARING_READ_LOG) },
  ]);
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (ctx.uid === AGENCY && ['create', 'update', 'delete'].includes(ctx.action)) (strapi.service('api::dataset.partners') as PartnersService).forget();
    return result;
  });
  guardRestrictedFiles(strapi);
}
