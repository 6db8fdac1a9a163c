import type { JSX } from 'preact';
import type { NewsItem } from '../api';
import { formatDate, href, tDynamic } from '../i18n';
import { Img } from './Img';

/** A news item in a list; `priority` for the first card of the news page, the largest image of its first view. */
export function NewsCard({ item: n, priority = false }: { item: NewsItem; priority?: boolean }): JSX.Element {
  return (
    <li class="card news-card">
      <a href={href(`/news/${encodeURIComponent(n.slug)}`)}>
        <Img media={n.cover} format="small" class="cover" priority={priority} />
        <span class="meta">
          <span class="tag">{tDynamic(`category.${n.category}`)}</span> <time dateTime={n.publishedDate}>{formatDate(n.publishedDate)}</time>
        </span>
        <span class="card-title">{n.title}</span>
      </a>
      {n.summary ? <p>{n.summary}</p> : null}
    </li>
  );
}
