import { esc, safeUrl } from './html';

/** Strapi 5 "blocks" rich text, rendered with every text escaped and every link checked. */
type Node = {
  type: string;
  text?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  url?: string;
  level?: number;
  format?: 'ordered' | 'unordered';
  image?: { url: string; alternativeText?: string | null; width?: number; height?: number };
  children?: Node[];
};

function inline(nodes: Node[] = []): string {
  return nodes
    .map((n) => {
      if (n.type === 'link') return `<a href="${esc(safeUrl(n.url))}">${inline(n.children)}</a>`;
      let s = esc(n.text).replace(/\n/g, '<br>');
      if (n.code) s = `<code>${s}</code>`;
      if (n.bold) s = `<strong>${s}</strong>`;
      if (n.italic) s = `<em>${s}</em>`;
      if (n.underline) s = `<u>${s}</u>`;
      if (n.strikethrough) s = `<s>${s}</s>`;
      return s;
    })
    .join('');
}

function block(n: Node): string {
  switch (n.type) {
    case 'heading': {
      // Page titles are h1, so body headings start at h2.
      const level = Math.min(6, Math.max(2, (n.level ?? 2) + 1));
      return `<h${level}>${inline(n.children)}</h${level}>`;
    }
    case 'list': {
      const tag = n.format === 'ordered' ? 'ol' : 'ul';
      return `<${tag}>${(n.children ?? []).map((li) => (li.type === 'list' ? block(li) : `<li>${inline(li.children)}</li>`)).join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${inline(n.children)}</blockquote>`;
    case 'code':
      return `<pre><code>${esc((n.children ?? []).map((c) => c.text ?? '').join(''))}</code></pre>`;
    case 'image':
      return n.image
        ? `<img src="${esc(safeUrl(n.image.url))}" alt="${esc(n.image.alternativeText ?? '')}" width="${Number(n.image.width) || ''}" height="${Number(n.image.height) || ''}" loading="lazy">`
        : '';
    default:
      return `<p>${inline(n.children)}</p>`;
  }
}

export const renderBlocks = (nodes: unknown): string => (Array.isArray(nodes) ? (nodes as Node[]).map(block).join('') : '');
