/**
 * The heading levels of a body as the page shows them: the page's title is its h1, so the body's
 * shallowest heading is h2, and no heading is more than one level below the one before it (screen
 * reader users move by headings; a skipped level reads as a missing section).
 */
export function headingLevels<N extends { type: string; level?: number }>(nodes: N[]): Map<N, number> {
  const headings = nodes.filter((n) => n.type === 'heading');
  const top = Math.min(...headings.map((n) => n.level ?? 2));
  const levels = new Map<N, number>();
  let previous = 1;
  for (const n of headings) {
    const level = Math.min(6, previous + 1, Math.max(2, (n.level ?? 2) - top + 2));
    levels.set(n, level);
    previous = level;
  }
  return levels;
}

