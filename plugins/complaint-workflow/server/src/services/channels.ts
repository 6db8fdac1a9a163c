import type { Core } from '@strapi/strapi';
import { fieldRefused } from '../errors';
import type { Label } from '../engine/workflow';

/** A way in for cases besides the website (a chat app), as the app registers it. */
export interface ChannelInfo {
  id: string;
  name: { th: string; en: string };
  /** Path of its webhook on this server, e.g. /api/channels/line/webhook. */
  webhookPath: string;
  /** Environment variables still unset; none means the channel is on. */
  missing: () => string[];
}

/** The languages a text is written in: a case's citizen is answered in the language they filed in. */
export type TextLanguage = keyof Label;
const TEXT_LANGUAGES: TextLanguage[] = ['th', 'en'];

/** A message the channels send on their own (a bot's answer), which staff may reword without code. */
export interface TextDef {
  key: string;
  label: Label;
  /** The wording used until staff change it, per language; `{name}` marks a value filled in when sent. */
  default: Label;
  /** The `{name}` placeholders this text may use. */
  vars: string[];
}

/** Staff's wording, per language and key. */
type Edited = Record<TextLanguage, Record<string, string>>;

/** What the plugin store holds: per language; a flat key-to-text object (before English texts) is Thai. */
function readEdited(saved: unknown): Edited {
  const edited: Edited = { th: {}, en: {} };
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return edited;
  const entries = Object.entries(saved as Record<string, unknown>);
  const perLanguage = entries.every(([k, v]) => (TEXT_LANGUAGES as string[]).includes(k) && v !== null && typeof v === 'object');
  const strings = (o: unknown) => Object.fromEntries(Object.entries(o as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  if (perLanguage) for (const [lang, texts] of entries) edited[lang as TextLanguage] = strings(texts);
  else edited.th = strings(saved);
  return edited;
}

/** A language asked for; anything else is Thai. */
export const textLanguage = (value: unknown): TextLanguage => (value === 'en' ? 'en' : 'th');

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
  let edited: Edited = { th: {}, en: {} };
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
      edited = readEdited(await store().get({}));
    },

    /** The texts in one language as the channels page shows them: the default and staff's wording. */
    texts(language: TextLanguage = 'th') {
      const mine = edited[language];
      return [...defs.values()].map((d) => ({ ...d, language, default: d.default[language], value: mine[d.key] ?? d.default[language], edited: d.key in mine }));
    },

    /**
     * Saves staff's wording in one language; `null` or the default puts a text back to the default.
     * All or nothing: one bad text (unknown key, empty, too long, a placeholder the text cannot fill)
     * refuses the lot.
     */
    async saveTexts(input: unknown, language: TextLanguage = 'th') {
      if (!input || typeof input !== 'object' || Array.isArray(input)) throw textError('', 'ข้อมูลไม่ถูกต้อง', 'texts must be an object of key to text');
      const next = { ...edited[language] };
      for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
        const def = defs.get(key);
        if (!def) throw textError(key, 'ไม่มีข้อความนี้', 'There is no such text');
        if (value === null || value === def.default[language]) {
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
      const all = { ...edited, [language]: next };
      await store().set({ value: all });
      edited = all;
      return this.texts(language);
    },

    /** The text to send now in a language, placeholders filled; one without a value is left as written. */
    render(key: string, vars: Record<string, string | number> = {}, language: TextLanguage = 'th') {
      const def = defs.get(key);
      const template = edited[language][key] ?? def?.default[language] ?? key;
      return template.replace(PLACEHOLDER, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    },
  };
};

export type ChannelsService = ReturnType<typeof service>;
export default service;
