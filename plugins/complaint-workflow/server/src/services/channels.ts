import type { Core } from '@strapi/strapi';

/** A way in for cases besides the website (a chat app), as the app registers it. */
export interface ChannelInfo {
  id: string;
  name: { th: string; en: string };
  /** Path of its webhook on this server, e.g. /api/channels/line/webhook. */
  webhookPath: string;
  /** Environment variables still unset; none means the channel is on. */
  missing: () => string[];
}

/** What the channels page shows staff: each channel's webhook URL to paste into its console, and whether it is on. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const channels = new Map<string, ChannelInfo>();
  return {
    register(channel: ChannelInfo) {
      channels.set(channel.id, channel);
    },
    list() {
      const base = String(strapi.plugin('complaint-workflow').config('publicUrl')).replace(/\/$/, '');
      return [...channels.values()].map((c) => {
        const missing = c.missing();
        return { id: c.id, name: c.name, webhookUrl: `${base}${c.webhookPath}`, configured: missing.length === 0, missing };
      });
    },
  };
};
