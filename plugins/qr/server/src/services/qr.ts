import fs from 'fs';
import path from 'path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';

export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

export interface QrOptions {
  /** Width and height of the PNG in pixels (64 to 2048). */
  size?: number;
  /** Quiet zone in modules; the standard asks for 4. */
  margin?: number;
  /**
   * Q (25 % may be lost) suits a label outdoors on a pole, dirty or scratched; with a centre logo
   * the default is H (30 %), since the logo itself covers part of the code.
   */
  errorCorrection?: ErrorCorrection;
  /** Put the configured logo in the centre (PNG only). */
  logo?: boolean;
}

export interface QrConfig {
  cacheEntries: number;
  /** An image file (SVG or PNG) for the centre logo; none means `logo` is ignored. */
  logoPath: string;
}

const MAX_TEXT = 1000;

/** Limits every caller gets, so a route cannot be made to render a huge image. */
function normalise(text: unknown, o: QrOptions) {
  if (typeof text !== 'string' || !text || text.length > MAX_TEXT) throw new Error(`QR text must be 1 to ${MAX_TEXT} characters`);
  const size = Math.min(2048, Math.max(64, Math.round(Number(o.size) || 512)));
  const margin = Math.min(10, Math.max(0, Math.round(o.margin ?? 4)));
  const errorCorrection: ErrorCorrection = o.errorCorrection ?? (o.logo ? 'H' : 'Q');
  return { text, size, margin, errorCorrection, logo: Boolean(o.logo) };
}

/**
 * PNG through sharp (native) from the vector form, at a whole number of pixels per module so every
 * edge is sharp, centred on a white square of the asked size. (qrcode's own PNG writer is pure
 * JavaScript and an order of magnitude slower.)
 */
async function rasterise(o: ReturnType<typeof normalise>): Promise<Buffer> {
  const modules = QRCode.create(o.text, { errorCorrectionLevel: o.errorCorrection }).modules.size + 2 * o.margin;
  const scale = Math.max(1, Math.floor(o.size / modules));
  const drawn = scale * modules;
  const svg = await QRCode.toString(o.text, { type: 'svg', errorCorrectionLevel: o.errorCorrection, margin: o.margin, width: drawn, color: { dark: '#000000', light: '#ffffff' } });
  const pad = Math.max(0, o.size - drawn);
  return sharp(Buffer.from(svg))
    .extend({ top: Math.floor(pad / 2), left: Math.floor(pad / 2), bottom: Math.ceil(pad / 2), right: Math.ceil(pad / 2), background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}

/**
 * Renders any text or URL as a QR code. PNGs are cached in memory (least recently used first out),
 * since the same label is asked for again and again (a sheet of pole labels, a bill page).
 */
const qrService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = <K extends keyof QrConfig>(key: K): QrConfig[K] | undefined => strapi.plugin('qr').config<QrConfig[K] | undefined>(key);
  const cache = new Map<string, Buffer>();
  let logo: Promise<Buffer | null> | undefined;
  const stats = { hits: 0, misses: 0 };

  const remember = (key: string, png: Buffer) => {
    cache.set(key, png);
    const max = Math.max(0, Number(config('cacheEntries')) || 0);
    while (cache.size > max) cache.delete(cache.keys().next().value as string);
  };

  /** The logo on a white rounded square, so the modules around it stay readable. */
  const logoTile = (side: number) =>
    (logo ??= (async () => {
      const setting = config('logoPath') || '';
      const file = setting && path.resolve(strapi.dirs.app.root, setting);
      if (!file || !fs.existsSync(file)) return null;
      return await fs.promises.readFile(file);
    })()).then(async (raw) => {
      if (!raw) return null;
      const pad = Math.round(side * 0.12);
      const inner = await sharp(raw, { density: 300 }).resize(side - 2 * pad, side - 2 * pad, { fit: 'contain', background: '#ffffff' }).png().toBuffer();
      const bg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><rect width="${side}" height="${side}" rx="${Math.round(side / 6)}" fill="#fff"/></svg>`);
      return sharp(bg).composite([{ input: inner, top: pad, left: pad }]).png().toBuffer();
    });

  return {
    async png(text: string, options: QrOptions = {}): Promise<Buffer> {
      const o = normalise(text, options);
      const key = JSON.stringify(o);
      const hit = cache.get(key);
      if (hit) {
        // Refresh its place in the LRU order.
        cache.delete(key);
        cache.set(key, hit);
        stats.hits += 1;
        return hit;
      }
      stats.misses += 1;
      let png = await rasterise(o);
      if (o.logo) {
        // At most about a fifth of the width: H keeps the code readable with that much covered.
        const side = Math.round(o.size * 0.2);
        const tile = await logoTile(side);
        if (tile) {
          const meta = await sharp(png).metadata();
          const at = Math.round(((meta.width ?? o.size) - side) / 2);
          png = await sharp(png).composite([{ input: tile, top: at, left: at }]).png({ compressionLevel: 9 }).toBuffer();
        }
      }
      remember(key, png);
      return png;
    },

    /** Vector, for print: sharp at any size. Without the logo (an SVG label can place its own). */
    async svg(text: string, options: Omit<QrOptions, 'logo' | 'size'> = {}): Promise<string> {
      const o = normalise(text, options);
      return QRCode.toString(o.text, { type: 'svg', errorCorrectionLevel: o.errorCorrection, margin: o.margin, color: { dark: '#000000', light: '#ffffff' } });
    },

    stats: () => ({ ...stats, entries: cache.size }),

    clearCache() {
      cache.clear();
    },
  };
};

export type QrService = ReturnType<typeof qrService>;
export default qrService;
