import type { JSX } from 'preact';
import type { Page as StaticPage } from '../api';
import type { Lang } from '../i18n';
import { Blocks } from '../components/Blocks';
import { localizedList, type Api } from './load';

/** The page, or null when no published page has this slug (404). */
export async function loadPage(api: Api, lang: Lang, slug: string): Promise<StaticPage | null> {
  return (await localizedList<StaticPage>(api, lang, 'pages', { 'filters[slug][$eq]': slug })).data[0] ?? null;
}

export function Page({ data: p }: { data: StaticPage }): JSX.Element {
  return (
    <article class="article">
      <h1>{p.title}</h1>
      <div class="prose">
        <Blocks nodes={p.body} />
      </div>
    </article>
  );
}
