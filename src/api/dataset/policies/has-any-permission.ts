import type { Context } from 'koa';

interface Ability {
  can(action: string, subject?: string): boolean;
}

/**
 * Lets an admin request through when the officer holds at least one of `config.actions` (Strapi's
 * `admin::hasPermissions` asks for all of them): the data sharing page's agency list is for those
 * who manage sharing and for those who read its log alike.
 */
export default (policyContext: Context, config: { actions?: string[] }): boolean => {
  const ability = (policyContext.state as { userAbility?: Ability }).userAbility;
  return Boolean(ability && (config.actions ?? []).some((action) => ability.can(action)));
};
