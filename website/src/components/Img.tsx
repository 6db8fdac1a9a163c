import type { JSX } from 'preact';
import type { Media } from '../api';
import { safeUrl } from '../html';

/** An uploaded image in one of its sizes, with its width and height so the page does not shift. */
export function Img({ media, format, class: cls }: { media: Media | null | undefined; format: 'thumbnail' | 'small' | 'medium' | 'large'; class: string }): JSX.Element | null {
  if (!media) return null;
  const f = media.formats?.[format] ?? media;
  return (
    <img
      class={cls}
      src={safeUrl(f.url)}
      alt={media.alternativeText ?? ''}
      width={Number(f.width) || undefined}
      height={Number(f.height) || undefined}
      loading="lazy"
      decoding="async"
    />
  );
}
