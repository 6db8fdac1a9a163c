import type { JSX } from 'preact';
import type { NewsItem as Item } from '../api';
import { formatDate, href, t, tDynamic, type Lang } from '../i18n';
import { Blocks } from '../components/Blocks';
import { Img } from '../components/Img';
import { localizedList, type Api } from './load';

/** The item, or null when no published item has this slug (the page answers 404). */
export async function loadNewsItem(api: Api, lang: Lang, slug: string): Promise<Item | null> {
  return (await localizedList<Item>(api, lang, 'news', { 'filters[slug][$eq]': slug, populate: 'cover' })).data[0] ?? null;
}

export function NewsItem({ data: n }: { data: Item }): JSX.Element {
  return (
    <article class="article">
      <p>
        <a href={href('/news')}>← {t('news.back')}</a>
      </p>
      <h1>{n.title}</h1>
      <p class="meta">
        <span class="tag">{tDynamic(`category.${n.category}`)}</span> {t('news.published')} <time dateTime={n.publishedDate}>{formatDate(n.publishedDate)}</time>
      </p>
      <Img media={n.cover} format="large" class="cover-large" priority />
      <div class="prose">
        <Blocks nodes={n.body} />
      </div>
    </article>
  );
}
