import type { Core } from '@strapi/strapi';
import { fieldRefused } from '../errors';

/** A way in for cases besides the website (a chat app), as the app registers it. */
export interface ChannelInfo {
  id: string;
  name: { th: string; en: string };
  /** Path of its webhook on this server, e.g. /api/channels/line/webhook. */
  webhookPath: string;
  /** Environment variables still unset; none means the channel is on. */
  missing: () => string[];
}

/** A message the channels send on their own (a bot's answer), which staff may reword without code. */
export interface TextDef {
  key: string;
  label: { th: string; en: string };
  /** The wording used until staff change it; `{name}` marks a value filled in when sent. */
  default: string;
  /** The `{name}` placeholders this text may use. */
  vars: string[];
}

const MAX_TEXT = 1000;
const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

const textError = (key: string, th: string, en: string) =>
  fieldRefused(['texts', key], 'invalid_text', { th, en });

/**
 * What the channels page shows staff: each channel's webhook URL to paste into its console, whether
 * it is on, and the bot's texts. Edited texts live in the plugin store and are cached here, since
 * they are read on every message sent.
 */
const service = ({ strapi }: { strapi: Core.Strapi }) => {
  const channels = new Map<string, ChannelInfo>();
  const defs = new Map<string, TextDef>();
  let edited: Record<string, string> = {};
  const store = () => strapi.store({ type: 'plugin', name: 'complaint-workflow', key: 'texts' });

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

    registerTexts(list: TextDef[]) {
      for (const d of list) defs.set(d.key, d);
    },

    async loadTexts() {
      const saved = (await store().get({})) as Record<string, string> | null;
      edited = saved && typeof saved === 'object' ? saved : {};
    },

    texts() {
      return [...defs.values()].map((d) => ({ ...d, value: edited[d.key] ?? d.default, edited: d.key in edited }));
    },

    /**
     * Saves staff's wording; `null` or the default puts a text back to the default. All or nothing:
     * one bad text (unknown key, empty, too long, a placeholder the text cannot fill) refuses the lot.
     */
    async saveTexts(input: unknown) {
      if (!input || typeof input !== 'object' || Array.isArray(input)) throw textError('', 'ข้อมูลไม่ถูกต้อง', 'texts must be an object of key to text');
      const next = { ...edited };
      for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
        const def = defs.get(key);
        if (!def) throw textError(key, 'ไม่มีข้อความนี้', 'There is no such text');
        if (value === null || value === def.default) {
          delete next[key];
          continue;
        }
        if (typeof value !== 'string') throw textError(key, 'ข้อความต้องเป็นตัวอักษร', 'The text must be a string');
        const text = value.trim();
        if (!text) throw textError(key, 'กรุณากรอกข้อความ', 'The text must not be empty');
        if ([...text].length > MAX_TEXT) throw textError(key, `ข้อความยาวเกิน ${MAX_TEXT} ตัวอักษร`, `The text is longer than ${MAX_TEXT} characters`);
        const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((v) => !def.vars.includes(v));
        if (unknown.length) {
          const allowed = def.vars.map((v) => `{${v}}`).join(' ') || '-';
          throw textError(key, `ใช้ {${unknown[0]}} ในข้อความนี้ไม่ได้ (ใช้ได้: ${allowed})`, `{${unknown[0]}} cannot be used in this text (allowed: ${allowed})`);
        }
        next[key] = text;
      }
      await store().set({ value: next });
      edited = next;
      return this.texts();
    },

    /** The text to send now, placeholders filled; one a text does not use is simply left out. */
    render(key: string, vars: Record<string, string | number> = {}) {
      const def = defs.get(key);
      const template = edited[key] ?? def?.default ?? key;
      return template.replace(PLACEHOLDER, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    },
  };
};

export type ChannelsService = ReturnType<typeof service>;
export default service;
