import type { Core } from '@strapi/strapi';

/**
 * The site's public address without a trailing slash: PUBLIC_URL, read once as Strapi's server.url
 * (config/server.ts). Every link the app builds for outside (QR codes, tracking links in messages,
 * Open311 discovery, the OpenAPI server) starts here.
 */
export const publicUrl = (strapi: Core.Strapi): string => String(strapi.config.get<string>('server.url') ?? '').replace(/\/+$/, '');
