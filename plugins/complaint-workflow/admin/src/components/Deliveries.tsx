import * as React from 'react';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Delivery } from '../types/api';
import { TIME_ZONE } from '../utils/format';
import { useT } from '../utils/i18n';

const TONE: Record<Delivery['state'], { background: string; textColor: string }> = {
  sent: { background: 'success100', textColor: 'success700' },
  pending: { background: 'warning100', textColor: 'warning700' },
  skipped: { background: 'neutral150', textColor: 'neutral700' },
  failed: { background: 'danger100', textColor: 'danger700' },
};

interface Props {
  deliveries: Delivery[];
  /** Present when the officer may send a message again. */
  onRetry?: (id: number) => Promise<void>;
}

/**
 * Whether each message about the case arrived (e-mail, LINE, Messenger): a refused one is shown in
 * red with the platform's reason, so staff know to phone the citizen or send it again.
 */
export const Deliveries = ({ deliveries, onRetry }: Props) => {
  const t = useT();
  const intl = useIntl();
  const [busy, setBusy] = React.useState<number>();
  const when = (d?: string | null) => (d ? intl.formatDate(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }) : '');

  if (!deliveries.length) return <Typography textColor="neutral600">{t('delivery.none')}</Typography>;
  return (
    <Box tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {deliveries.map((d) => (
        <Box tag="li" key={d.id} paddingTop={2} paddingBottom={2} borderColor="neutral150" style={{ borderBottomStyle: 'solid', borderBottomWidth: 1 }}>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Flex gap={2} wrap="wrap">
              <Typography fontWeight="bold">{t(`delivery.channel.${d.channel}`)}</Typography>
              <Badge {...TONE[d.state]} data-delivery-state={d.state}>
                {t(`delivery.state.${d.state}`)}
              </Badge>
              <Typography variant="pi" textColor="neutral600">
                {when(d.sentAt ?? d.createdAt)}
              </Typography>
            </Flex>
            {d.subject && d.channel === 'email' ? (
              <Typography variant="pi" textColor="neutral700">
                {d.subject}
              </Typography>
            ) : null}
            {d.state !== 'sent' && d.lastError ? (
              <Typography variant="pi" textColor="danger600">
                {t('delivery.error', { error: d.lastError })} · {t('delivery.attempts', { n: d.attempts })}
              </Typography>
            ) : null}
            {d.state === 'pending' && d.attempts > 0 && d.nextAttemptAt ? (
              <Typography variant="pi" textColor="neutral600">
                {t('delivery.nextAttempt', { time: when(d.nextAttemptAt) })}
              </Typography>
            ) : null}
            {onRetry && (d.state === 'failed' || (d.state === 'pending' && d.attempts > 0)) ? (
              <Button
                size="S"
                variant="tertiary"
                loading={busy === d.id}
                onClick={() => void (async () => {
                  setBusy(d.id);
                  try {
                    await onRetry(d.id);
                  } finally {
                    setBusy(undefined);
                  }
                })()}
              >
                {t('delivery.retry')}
              </Button>
            ) : null}
          </Flex>
        </Box>
      ))}
    </Box>
  );
};
