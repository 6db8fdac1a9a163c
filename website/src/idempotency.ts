/**
 * The Idempotency-Key a form sends with its submission: the same for the same content sent again
 * from this page (a retry after a lost answer gets the first answer back, not a second case), and
 * another once the content changed. A random part per page view (getRandomValues works on plain
 * HTTP too, where randomUUID and subtle digests do not) and a hash of what is sent.
 */
const pageRandom = Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');

/** FNV-1a over UTF-16 code units, twice with different seeds: 64 bits, enough to tell two contents apart. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(36) + b.toString(36);
}

export const idempotencyKey = (content: string): Record<string, string> => ({ 'Idempotency-Key': `web-${pageRandom}-${hash(content)}` });
