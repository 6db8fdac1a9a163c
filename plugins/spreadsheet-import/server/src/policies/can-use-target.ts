import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { notFound } from '../errors';
import { targetsOf } from '../plugin';
import { importPermission } from '../types';

/** What the admin's authentication leaves in ctx.state (untyped in Strapi). */
interface AdminState {
  userAbility?: { can: (action: string) => boolean };
}

/**
 * The route's target (`:target`) exists and the admin user holds its permission
 * (`plugin::spreadsheet-import.<target>`): each target is granted on its own in the role editor.
 */
export default (ctx: Context, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const target = targetsOf(strapi).get(String((ctx.params as Record<string, string | undefined> | undefined)?.target ?? ''));
  if (!target) throw notFound(ctx, 'target.not_found');
  return Boolean((ctx.state as AdminState | undefined)?.userAbility?.can(importPermission(target.id)));
};
