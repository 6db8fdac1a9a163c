import type { JSX } from 'preact';
import type { NewsItem } from '../api';
import { href, t, type Lang } from '../i18n';
import { NewsCard } from '../components/NewsCard';
import { siteName, type Site } from '../components/site';
import { localizedList, type Api } from './load';

const ICONS: Record<string, string> = {
  complaint: 'M4 4h16v12H7l-3 3z',
  eservice: 'M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8',
  tax: 'M3 3h7v7H3zM14 3h7v7h-7zM3 14h7v7H3zM14 14h3v3h-3zM18 18h3v3h-3z',
  poles: 'M12 2v20M8 6l4-2 4 2M5 10c2-2 12-2 14 0',
  line: 'M4 5h16v11H9l-5 4z M8 10h8',
  data: 'M12 2l9 5-9 5-9-5zM3 12l9 5 9-5M3 17l9 5 9-5',
};
export const SERVICES = ['complaint', 'eservice', 'tax', 'poles', 'line', 'data'] as const;
export type Service = (typeof SERVICES)[number];
/** Where a service's tile leads (its site path), when that is not `/<service>`. */
const PATHS: Partial<Record<Service, string>> = { eservice: '/e-service' };

const Icon = ({ name }: { name: string }) => (
  <svg class="icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
    <path d={ICONS[name]} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
  </svg>
);

export interface HomeData {
  news: NewsItem[];
}

export const loadHome = async (api: Api, lang: Lang): Promise<HomeData> => ({
  news: (
    await localizedList<NewsItem>(api, lang, 'news', {
      sort: 'publishedDate:desc',
      populate: 'cover',
      'pagination[pageSize]': 4,
      'fields[0]': 'title',
      'fields[1]': 'slug',
      'fields[2]': 'publishedDate',
      'fields[3]': 'category',
    })
  ).data,
});

export function Home({ data, site }: { data: HomeData; site: Site }): JSX.Element {
  return (
    <>
      <section class="hero">
        <p>{t('home.welcome')}</p>
        <h1>{siteName(site.municipality)}</h1>
        <p>{t('home.intro')}</p>
      </section>
      <section aria-labelledby="services-h">
        <h2 id="services-h">{t('home.services')}</h2>
        <ul class="grid services">
          {SERVICES.map((s) => (
            <li class="card service">
              <a href={href(PATHS[s] ?? `/${s}`)}>
                <Icon name={s} />
                <span class="card-title">{t(`service.${s}.title`)}</span>
                <span>{t(`service.${s}.text`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="news-h">
        <h2 id="news-h">{t('home.latestNews')}</h2>
        {data.news.length ? (
          <ul class="grid news">
            {data.news.map((n) => (
              <NewsCard item={n} />
            ))}
          </ul>
        ) : (
          <p>{t('news.empty')}</p>
        )}
        <p>
          <a class="more" href={href('/news')}>
            {t('home.allNews')} →
          </a>
        </p>
      </section>
    </>
  );
}
