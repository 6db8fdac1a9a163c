/**
 * The qr plugin's public entry: what code outside the plugin may import (types only). The service
 * itself is reached through Strapi: `strapi.plugin('qr').service<QrService>('qr')`.
 */
export type { ErrorCorrection, QrConfig, QrOptions, QrService } from './services/qr';
