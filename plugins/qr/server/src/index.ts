import qr, { type QrConfig } from './services/qr';
import controller from './controllers/qr';
import routes from './routes';

export type { QrOptions, QrConfig } from './services/qr';

export default {
  config: {
    default: { cacheEntries: 500, logoPath: '' } satisfies QrConfig,
    validator() {},
  },
  services: { qr },
  controllers: { qr: controller },
  routes,
  register() {},
  bootstrap() {},
};
