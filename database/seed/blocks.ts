/**
 * Seed bodies are written as lines for readability: "## " starts a heading, "- " a bulleted list
 * item, anything else a paragraph. This turns them into Strapi's blocks (rich text) JSON.
 */
export type Block =
  | { type: 'paragraph'; children: Array<{ type: 'text'; text: string }> }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Array<{ type: 'text'; text: string }> }
  | { type: 'list'; format: 'unordered'; children: Array<{ type: 'list-item'; children: Array<{ type: 'text'; text: string }> }> };

export function linesToBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    if (line.startsWith('## ')) {
      blocks.push({ type: 'heading', level: 2, children: [{ type: 'text', text: line.slice(3) }] });
    } else if (line.startsWith('- ')) {
      const item = { type: 'list-item' as const, children: [{ type: 'text' as const, text: line.slice(2) }] };
      const last = blocks[blocks.length - 1];
      if (last && last.type === 'list') last.children.push(item);
      else blocks.push({ type: 'list', format: 'unordered', children: [item] });
    } else {
      blocks.push({ type: 'paragraph', children: [{ type: 'text', text: line }] });
    }
  }
  return blocks;
}
