import type { JSX } from 'preact';
import type { NewsItem } from '../api';
import { href, t, type Lang } from '../i18n';
import { NewsCard } from '../components/NewsCard';
import { localizedList, type Api } from './load';

export interface NewsListData {
  news: NewsItem[];
  page: number;
  pageCount: number;
}

export async function loadNewsList(api: Api, lang: Lang, query: URLSearchParams): Promise<NewsListData> {
  const page = Math.max(1, Math.floor(Number(query.get('page'))) || 1);
  const res = await localizedList<NewsItem>(api, lang, 'news', {
    sort: 'publishedDate:desc',
    populate: 'cover',
    'pagination[page]': page,
    'pagination[pageSize]': 10,
    'fields[0]': 'title',
    'fields[1]': 'slug',
    'fields[2]': 'publishedDate',
    'fields[3]': 'category',
    'fields[4]': 'summary',
  });
  return { news: res.data, page, pageCount: res.meta?.pagination?.pageCount ?? 1 };
}

export function NewsList({ data: { news, page, pageCount } }: { data: NewsListData }): JSX.Element {
  const label = t('news.page', { page, count: pageCount });
  return (
    <>
      <h1>{t('news.title')}</h1>
      {news.length ? (
        <ul class="grid news">
          {news.map((n, i) => (
            <NewsCard item={n} priority={i === 0} />
          ))}
        </ul>
      ) : (
        <p>{t('news.empty')}</p>
      )}
      {pageCount > 1 ? (
        <nav class="pager" aria-label={label}>
          {page > 1 ? (
            <a rel="prev" href={href(`/news?page=${page - 1}`)}>
              {t('news.prev')}
            </a>
          ) : null}
          <span>{label}</span>
          {page < pageCount ? (
            <a rel="next" href={href(`/news?page=${page + 1}`)}>
              {t('news.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
