import type { JSX } from 'preact';
import { href, t } from '../i18n';

export function NotFound(): JSX.Element {
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <a href={href('/')}>{t('nav.home')}</a>
      </p>
    </>
  );
}
