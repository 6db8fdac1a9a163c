import type { ComponentChildren, JSX } from 'preact';
import type { Municipality } from '../api';
import { safeUrl, telHref } from '../html';
import { t } from '../i18n';
import { localized } from './site';

function Row({ label, children, show }: { label: string; show: unknown; children: ComponentChildren }): JSX.Element | null {
  return show ? (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  ) : null;
}

/** The town's address, phone, e-mail, hours, LINE and Facebook: the rows it has. */
export function ContactList({ municipality: m }: { municipality: Municipality | null }): JSX.Element | null {
  if (!m) return null;
  const address = localized(m.addressTh, m.addressEn);
  const hours = localized(m.officeHoursTh, m.officeHoursEn);
  return (
    <dl class="contact">
      <Row label={t('contact.address')} show={address}>
        {address}
      </Row>
      <Row label={t('contact.phone')} show={m.phone}>
        <a href={telHref(m.phone)}>{m.phone}</a>
      </Row>
      <Row label={t('contact.email')} show={m.email}>
        <a href={`mailto:${m.email ?? ''}`}>{m.email}</a>
      </Row>
      <Row label={t('contact.hours')} show={hours}>
        {hours}
      </Row>
      <Row label={t('contact.line')} show={m.lineOaId}>
        {m.lineOaId}
      </Row>
      <Row label={t('contact.facebook')} show={m.facebookPageUrl}>
        <a href={safeUrl(m.facebookPageUrl)} rel="noopener">
          {(m.facebookPageUrl ?? '').replace(/^https?:\/\/(www\.)?/, '')}
        </a>
      </Row>
    </dl>
  );
}
