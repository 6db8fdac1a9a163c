import type { JSX } from 'preact';
import { t } from '../i18n';
import { ContactList } from '../components/ContactList';
import type { Site } from '../components/site';
import type { Service } from './Home';

export function Contact({ site }: { site: Site }): JSX.Element {
  return (
    <>
      <h1>{t('contact.title')}</h1>
      <ContactList municipality={site.municipality} />
    </>
  );
}

/** A service that is announced but not open online yet: what it will be, and whom to ask meanwhile. */
export function ComingSoon({ service, site }: { service: Service; site: Site }): JSX.Element {
  return (
    <>
      <h1>{t(`service.${service}.title`)}</h1>
      <p>{t(`service.${service}.text`)}</p>
      <p>{t('service.soon')}</p>
      <ContactList municipality={site.municipality} />
    </>
  );
}
