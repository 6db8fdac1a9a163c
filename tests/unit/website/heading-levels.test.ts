import { headingLevels } from '../../../website/src/components/heading-levels';

const heading = (level?: number) => ({ type: 'heading', level });
const shown = (nodes: Array<{ type: string; level?: number }>) => {
  const levels = headingLevels(nodes);
  return nodes.filter((n) => n.type === 'heading').map((n) => levels.get(n));
};

describe('heading levels of rich text under a page title (h1)', () => {
  it('starts the body at h2 and never skips a level, whatever levels the editor chose', () => {
    expect(shown([heading(3), { type: 'paragraph' }, heading(5), heading(3), heading(4)])).toEqual([2, 3, 2, 3]);
    expect(shown([heading(1), heading(1), heading(2)])).toEqual([2, 2, 3]);
    expect(shown([heading(), heading(6)])).toEqual([2, 3]);
  });

  it('never goes past h6', () => {
    expect(shown([1, 2, 3, 4, 5, 6, 6].map(heading))).toEqual([2, 3, 4, 5, 6, 6, 6]);
  });

  it('has nothing to say about a body without headings', () => {
    expect(headingLevels([{ type: 'paragraph' }]).size).toBe(0);
  });
});
