import type { Core } from '@strapi/strapi';

/**
 * Messaging channels that become complaint channels (src/api/channel), read as
 * strapi.config.get('channels'). A channel without its secrets is off: its webhook answers 404.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  line: {
    channelSecret: env('LINE_CHANNEL_SECRET', ''),
    accessToken: env('LINE_CHANNEL_ACCESS_TOKEN', ''),
    apiBaseUrl: env('LINE_API_BASE_URL', 'https://api.line.me').replace(/\/$/, ''),
    dataApiBaseUrl: env('LINE_DATA_API_BASE_URL', 'https://api-data.line.me').replace(/\/$/, ''),
  },
  facebook: {
    appSecret: env('FACEBOOK_APP_SECRET', ''),
    verifyToken: env('FACEBOOK_VERIFY_TOKEN', ''),
    pageAccessToken: env('FACEBOOK_PAGE_ACCESS_TOKEN', ''),
    graphBaseUrl: env('FACEBOOK_GRAPH_BASE_URL', 'https://graph.facebook.com/v21.0').replace(/\/$/, ''),
  },
  // Messages carry no category: they land here until staff re-file them.
  defaultCategory: env('CHANNEL_DEFAULT_CATEGORY', 'other'),
});

export default config;
