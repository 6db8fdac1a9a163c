import type { ComponentChildren, JSX } from 'preact';
import { safeUrl } from '../html';
import { headingLevels } from './heading-levels';

/** Strapi 5 "blocks" rich text as components: every text is escaped by construction, every link checked. */
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

/** A text with its line breaks as <br>. */
const lines = (text = ''): ComponentChildren => text.split('\n').map((line, i) => (i === 0 ? line : [<br key={`b${i}`} />, line]));

function Inline({ nodes = [] }: { nodes?: Node[] }): JSX.Element {
  return (
    <>
      {nodes.map((n) => {
        if (n.type === 'link')
          return (
            <a href={safeUrl(n.url)}>
              <Inline nodes={n.children} />
            </a>
          );
        let s: ComponentChildren = lines(n.text);
        if (n.code) s = <code>{s}</code>;
        if (n.bold) s = <strong>{s}</strong>;
        if (n.italic) s = <em>{s}</em>;
        if (n.underline) s = <u>{s}</u>;
        if (n.strikethrough) s = <s>{s}</s>;
        return s;
      })}
    </>
  );
}

function Block({ node: n, level = 2 }: { node: Node; level?: number }): JSX.Element | null {
  switch (n.type) {
    case 'heading': {
      const Tag = `h${level}` as 'h2';
      return (
        <Tag>
          <Inline nodes={n.children} />
        </Tag>
      );
    }
    case 'list': {
      const Tag = n.format === 'ordered' ? 'ol' : 'ul';
      return (
        <Tag>
          {(n.children ?? []).map((li) =>
            li.type === 'list' ? (
              <Block node={li} />
            ) : (
              <li>
                <Inline nodes={li.children} />
              </li>
            )
          )}
        </Tag>
      );
    }
    case 'quote':
      return (
        <blockquote>
          <Inline nodes={n.children} />
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>{(n.children ?? []).map((c) => c.text ?? '').join('')}</code>
        </pre>
      );
    case 'image':
      return n.image ? (
        <img
          src={safeUrl(n.image.url)}
          alt={n.image.alternativeText ?? ''}
          width={Number(n.image.width) || undefined}
          height={Number(n.image.height) || undefined}
          loading="lazy"
        />
      ) : null;
    default:
      return (
        <p>
          <Inline nodes={n.children} />
        </p>
      );
  }
}

export function Blocks({ nodes }: { nodes: unknown }): JSX.Element {
  if (!Array.isArray(nodes)) return <></>;
  const levels = headingLevels(nodes as Node[]);
  return (
    <>
      {(nodes as Node[]).map((n) => (
        <Block node={n} level={levels.get(n)} />
      ))}
    </>
  );
}
