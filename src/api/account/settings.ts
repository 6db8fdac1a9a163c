import type { Core } from '@strapi/strapi';
import { publicUrl } from '../../public-url';
import { confirmationTemplate, resetTemplate } from './domain/mails';
import { townName } from './services/account';

/**
 * users-permissions' settings as code, applied at every start (like the role permissions): sign-up
 * with e-mail confirmation, links into the website's account pages, and the Thai e-mails. A change
 * in the admin's settings screen does not survive a restart: change this file instead.
 */
export async function applyAccountSettings(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const site = publicUrl(strapi);
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  await store.set({
    key: 'advanced',
    value: {
      ...advanced,
      unique_email: true,
      allow_register: true,
      email_confirmation: true,
      email_confirmation_redirection: `${site}/account/confirmed`,
      email_reset_password: `${site}/account/reset`,
      default_role: 'authenticated',
    },
  });
  const town = townName(strapi);
  const fromAddress = /<([^>]+)>/.exec(String(strapi.config.get('plugin::email.settings.defaultFrom', '') ?? ''))?.[1] ?? 'no-reply@nokok.go.th';
  const from = { name: town, email: fromAddress };
  const emails = ((await store.get({ key: 'email' })) ?? {}) as Record<string, { options?: Record<string, unknown> } & Record<string, unknown>>;
  await store.set({
    key: 'email',
    value: {
      ...emails,
      email_confirmation: { display: 'Email.template.email_confirmation', icon: 'check-square', ...emails.email_confirmation, options: { from, response_email: '', ...confirmationTemplate(town) } },
      reset_password: { display: 'Email.template.reset_password', icon: 'sync', ...emails.reset_password, options: { from, response_email: '', ...resetTemplate(town) } },
    },
  });
}
