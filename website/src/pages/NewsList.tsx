import type { JSX } from 'preact';
import type { NewsItem } from '../api';
import { href, t, tDynamic, type Lang } from '../i18n';
import { NewsCard } from '../components/NewsCard';
import { localizedList, type Api } from './load';

export interface NewsListData {
  news: NewsItem[];
  page: number;
  pageCount: number;
  /** The category chosen with ?category= (null: every category). */
  category?: string | null;
}

/** The news categories a visitor can choose (the news type's enumeration). */
export const NEWS_CATEGORIES = ['announcement', 'activity', 'procurement', 'job', 'public_relations'] as const;

export async function loadNewsList(api: Api, lang: Lang, query: URLSearchParams): Promise<NewsListData> {
  const page = Math.max(1, Math.floor(Number(query.get('page'))) || 1);
  const asked = query.get('category');
  const category = asked && (NEWS_CATEGORIES as readonly string[]).includes(asked) ? asked : null;
  const res = await localizedList<NewsItem>(api, lang, 'news', {
    ...(category ? { 'filters[category][$eq]': category } : {}),
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
  return { news: res.data, page, pageCount: res.meta?.pagination?.pageCount ?? 1, category };
}

/** Links to each category's news (the ITA checklist sends the assessor to one), the chosen one marked. */
function CategoryLinks({ current }: { current: string | null }): JSX.Element {
  const links: Array<[string, string | null]> = [[t('news.category.all'), null], ...NEWS_CATEGORIES.map((c): [string, string] => [tDynamic(`category.${c}`), c])];
  return (
    <nav class="news-categories" aria-label={t('news.category.label')}>
      {links.map(([label, c], i) => (
        <>
          {i ? ' · ' : ''}
          <a href={href(c ? `/news?category=${c}` : '/news')} aria-current={c === current ? 'page' : undefined}>
            {label}
          </a>
        </>
      ))}
    </nav>
  );
}

export function NewsList({ data: { news, page, pageCount, category = null } }: { data: NewsListData }): JSX.Element {
  const label = t('news.page', { page, count: pageCount });
  const more = category ? `category=${category}&` : '';
  return (
    <>
      <h1>{t('news.title')}</h1>
      <CategoryLinks current={category} />
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
            <a rel="prev" href={href(`/news?${more}page=${page - 1}`)}>
              {t('news.prev')}
            </a>
          ) : null}
          <span>{label}</span>
          {page < pageCount ? (
            <a rel="next" href={href(`/news?${more}page=${page + 1}`)}>
              {t('news.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
