import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID, importPermission } from '../types';

/**
 * The route's target (`:target`) exists and the admin user holds its permission
 * (`plugin::spreadsheet-import.<target>`): each target is granted on its own in the role editor.
 */
export default (ctx: any, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const target = strapi.plugin(PLUGIN_ID).service('targets').get(String(ctx.params?.target ?? ''));
  if (!target) throw new errors.NotFoundError('ไม่พบประเภทข้อมูลที่จะนำเข้า / No such import target', { code: 'target.not_found', th: 'ไม่พบประเภทข้อมูลที่จะนำเข้า', en: 'No such import target' });
  return Boolean(ctx.state?.userAbility?.can(importPermission(target.id)));
};
