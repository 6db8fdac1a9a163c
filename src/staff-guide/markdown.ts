/**
 * A small Markdown-to-HTML for the staff guide (docs/staff-guide.md): headings (with GitHub's ids,
 * so a link to a section works here and on the repository's page), paragraphs, ordered and bulleted
 * lists, block quotes, rules, bold, inline code, links and images. Everything else is text: the
 * input is escaped first and only these constructs become markup, so no HTML passes through.
 */

export interface RenderOptions {
  /** Rewrites each link and image address (say, a relative image path to the path it is served at). */
  resolveUrl?: (url: string) => string;
}

export interface Rendered {
  html: string;
  /** The text of the first level-1 heading, for the page's title. */
  title: string;
  /** Every heading's id, in order. */
  ids: string[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An address with a scheme must be one of these: a guide has no business with `javascript:` or `data:`. */
const SAFE_SCHEME = /^(https?|mailto|tel):/i;
const isSafeUrl = (url: string) => !/^[a-z][a-z\d+.-]*:/i.test(url) || SAFE_SCHEME.test(url);

/** Markdown's inline markup removed: what GitHub builds a heading's id from. */
const plainText = (s: string) =>
  s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');

/**
 * GitHub's heading id (github-slugger): lower case, every character that is not a letter, a mark,
 * a number, a connector, a space or a hyphen dropped, spaces made hyphens. Thai stays Thai.
 */
export function headingId(text: string): string {
  return plainText(text)
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function inline(text: string, options: RenderOptions): string {
  const url = (raw: string) => {
    const resolved = options.resolveUrl ? options.resolveUrl(raw) : raw;
    return isSafeUrl(resolved) ? resolved : '#';
  };
  // Code spans first, kept aside (behind private-use marks) so nothing inside them is read as markup.
  const codes: string[] = [];
  let s = text.replace(/`([^`]+)`/g, (_, code: string) => {
    codes.push(`<code>${escapeHtml(code)}</code>`);
    return `\uE000${codes.length - 1}\uE000`;
  });
  s = escapeHtml(s);
  s = s.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (_, alt: string, src: string) => `<img src="${url(src)}" alt="${alt}" loading="lazy">`);
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => `<a href="${url(href)}">${label}</a>`);
  s = s.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
  return s.replace(/\uE000(\d+)\uE000/g, (_, i: string) => codes[Number(i)]);
}

/** The block being read: a paragraph's or a quote's lines, or a list's items. */
interface Block {
  kind: 'p' | 'blockquote' | 'ol' | 'ul';
  lines: string[];
  /** An ordered list's first number. */
  start: number;
}

export function renderMarkdown(source: string, options: RenderOptions = {}): Rendered {
  const out: string[] = [];
  const ids: string[] = [];
  const seen = new Map<string, number>();
  let title = '';
  let block: Block | undefined;
  const open = (kind: Block['kind'], start = 1): Block => {
    flush();
    block = { kind, lines: [], start };
    return block;
  };

  function flush() {
    if (!block) return;
    if (block.kind === 'ol' || block.kind === 'ul') {
      const start = block.kind === 'ol' && block.start !== 1 ? ` start="${block.start}"` : '';
      out.push(`<${block.kind}${start}>${block.lines.map((i) => `<li>${inline(i, options)}</li>`).join('')}</${block.kind}>`);
    } else if (block.kind === 'blockquote') {
      out.push(`<blockquote><p>${inline(block.lines.join(' '), options)}</p></blockquote>`);
    } else {
      out.push(`<p>${inline(block.lines.join(' '), options)}</p>`);
    }
    block = undefined;
  }

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flush();
      continue;
    }
    const heading = /^(#{1,4})\s+(.+?)\s*#*$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length;
      const base = headingId(heading[2]);
      // Repeated headings get -1, -2… as on GitHub.
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const id = n ? `${base}-${n}` : base;
      ids.push(id);
      if (level === 1 && !title) title = plainText(heading[2]).trim();
      out.push(`<h${level} id="${escapeHtml(id)}">${inline(heading[2], options)}</h${level}>`);
      continue;
    }
    if (/^(-{3,}|\*{3,})$/.test(line.trim())) {
      flush();
      out.push('<hr>');
      continue;
    }
    const ordered = /^(\d+)[.)]\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    const current: Block | undefined = block;
    if (ordered || bullet) {
      const kind = ordered ? 'ol' : 'ul';
      const list = current?.kind === kind ? current : open(kind, ordered ? Number(ordered[1]) : 1);
      list.lines.push(ordered ? ordered[2] : bullet![1]);
    } else if (quote) {
      (current?.kind === 'blockquote' ? current : open('blockquote')).lines.push(quote[1]);
    } else if (current && (current.kind === 'ol' || current.kind === 'ul') && /^\s+/.test(raw)) {
      // An indented line goes on with the list item above it.
      current.lines[current.lines.length - 1] += ` ${line.trim()}`;
    } else {
      (current?.kind === 'p' ? current : open('p')).lines.push(line.trim());
    }
  }
  flush();
  return { html: out.join('\n'), title, ids };
}
