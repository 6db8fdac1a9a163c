import type { JSX } from 'preact';
import type { Media } from '../api';
import { safeUrl } from '../html';

/**
 * An uploaded image in one of its sizes, with its width and height so the page does not shift. Lazy,
 * except the one image likely to be the largest thing in the first view (`priority`), which the
 * browser should fetch at once.
 */
export function Img({
  media,
  format,
  class: cls,
  priority = false,
}: {
  media: Media | null | undefined;
  format: 'thumbnail' | 'small' | 'medium' | 'large';
  class: string;
  priority?: boolean;
}): JSX.Element | null {
  if (!media) return null;
  const f = media.formats?.[format] ?? media;
  return (
    <img
      class={cls}
      src={safeUrl(f.url)}
      alt={media.alternativeText ?? ''}
      width={Number(f.width) || undefined}
      height={Number(f.height) || undefined}
      loading={priority ? 'eager' : 'lazy'}
      fetchpriority={priority ? 'high' : undefined}
      decoding="async"
    />
  );
}
