import type { Core } from '@strapi/strapi';
import { websitePreviewPath } from '../src/website-preview';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  // A town's admin panel should not advertise paid editions or survey staff.
  flags: {
    nps: false,
    promoteEE: false,
  },
  // A published news item or page opens beside its form as the website shows it.
  preview: {
    enabled: true,
    config: {
      handler: (uid: string, params: { documentId?: string; locale?: string | null; status?: string | null }) => websitePreviewPath(strapi, uid, params),
    },
  },
});

export default config;
