import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { renderMarkdown } from '../staff-guide/markdown';

/**
 * Serves the staff guide (docs/staff-guide.md) as a page at /staff-guide, with its screenshots
 * (docs/staff-guide/*.jpg) under /staff-guide/, from the repository itself: the admin home page's
 * widget links here, and it works on a fresh clone with no internet. The page is read again when
 * the file changes, so an edited guide shows without a restart. It holds nothing secret (it is in
 * the public repository), but it is staff reading: search engines are asked to leave it out.
 */
export const STAFF_GUIDE_PATH = '/staff-guide';
const IMAGE = /^\/staff-guide\/([\w-]+\.(jpg|png))$/;
const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png' };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body{margin:0;font:16px/1.7 system-ui,"Noto Sans Thai","Leelawadee UI",Tahoma,sans-serif;color:#212134;background:#f6f6f9}
main{max-width:860px;margin:0 auto;padding:16px 20px 48px;background:#fff}
nav{max-width:860px;margin:0 auto;padding:8px 20px;font-size:14px}
h1{font-size:28px;line-height:1.3}h2{margin-top:40px;padding-top:16px;border-top:1px solid #dcdce4;font-size:22px}h3{font-size:18px}
img{display:block;max-width:100%;height:auto;margin:8px 0 4px;border:1px solid #dcdce4;border-radius:4px}
a{color:#4945ff}code{background:#f0f0ff;padding:0 4px;border-radius:3px;font-size:90%}
blockquote{margin:16px 0;padding:8px 16px;border-left:4px solid #f29d41;background:#fdf4dc}
li{margin:4px 0}hr{border:0;border-top:1px solid #dcdce4;margin:32px 0}
`;

type Context = Parameters<Core.MiddlewareHandler>[0];

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const docs = path.join(strapi.dirs.app.root, 'docs');
  const source = path.join(docs, 'staff-guide.md');
  const images = path.join(docs, 'staff-guide');
  let page: { html: string; mtimeMs: number } | undefined;

  const render = (): string | null => {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(source).mtimeMs;
    } catch {
      return null;
    }
    if (!page || page.mtimeMs !== mtimeMs) {
      // The guide links its screenshots relatively (staff-guide/<name>.jpg), as the repository shows them.
      const { html, title } = renderMarkdown(fs.readFileSync(source, 'utf8'), {
        resolveUrl: (url) => (url.startsWith('staff-guide/') ? `/${url}` : url),
      });
      page = {
        mtimeMs,
        html: `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title || 'คู่มือเจ้าหน้าที่')}</title>
<style>${STYLE}</style>
</head>
<body>
<nav><a href="/admin">← กลับไปหน้าระบบเจ้าหน้าที่</a></nav>
<main>
${html}
</main>
</body>
</html>
`,
      };
    }
    return page.html;
  };

  const sendImage = (ctx: Context, name: string, ext: string): boolean => {
    const file = path.join(images, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return false;
    }
    if (!stat.isFile()) return false;
    ctx.type = IMAGE_TYPES[ext];
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.set('X-Robots-Tag', 'noindex');
    ctx.lastModified = stat.mtime;
    if (ctx.fresh) {
      ctx.status = 304;
      return true;
    }
    ctx.length = stat.size;
    ctx.body = ctx.method === 'HEAD' ? null : fs.createReadStream(file);
    return true;
  };

  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      await next();
      return;
    }
    if (ctx.path === STAFF_GUIDE_PATH || ctx.path === `${STAFF_GUIDE_PATH}/`) {
      // Relative image links resolve against the page's address: one address, without the slash.
      if (ctx.path.endsWith('/')) {
        ctx.status = 301;
        ctx.redirect(STAFF_GUIDE_PATH);
        return;
      }
      const html = render();
      if (html === null) {
        await next();
        return;
      }
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Cache-Control', 'no-cache');
      ctx.set('X-Robots-Tag', 'noindex');
      ctx.body = html;
      return;
    }
    const image = IMAGE.exec(ctx.path);
    if (image && sendImage(ctx, image[1], image[2])) return;
    await next();
  };
};
