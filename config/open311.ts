import type { Core } from '@strapi/strapi';

/** The Open311 GeoReport v2 API (src/api/open311), read as strapi.config.get('open311'). */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // When true, POST requests must carry a valid Strapi API token as api_key (the spec's key).
  requireKey: env.bool('OPEN311_REQUIRE_KEY', false),
});

export default config;
