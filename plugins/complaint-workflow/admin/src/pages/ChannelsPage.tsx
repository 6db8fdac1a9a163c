import * as React from 'react';
import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { isThai, useT } from '../utils/i18n';

interface Channel {
  id: string;
  name: { th: string; en: string };
  webhookUrl: string;
  configured: boolean;
  missing: string[];
}

/** Each chat channel's webhook URL to paste into the LINE or Meta console, and whether it is on. */
const ChannelsPage = () => {
  const t = useT();
  const { locale } = useIntl();
  const { get } = useFetchClient();
  const [channels, setChannels] = React.useState<Channel[] | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    get<{ channels: Channel[] }>('/complaint-workflow/channels')
      .then(({ data }) => setChannels(data.channels))
      .catch(() => setFailed(true));
  }, [get]);

  if (failed) return <Page.Error />;
  if (!channels) return <Page.Loading />;
  return (
    <Layouts.Root>
      <Page.Title>{t('channels.title')}</Page.Title>
      <Layouts.Header
        title={t('channels.title')}
        subtitle={t('channels.subtitle')}
        navigationAction={
          <Link tag={NavLink} to=".." startIcon={<ArrowLeft />}>
            {t('case.back')}
          </Link>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {channels.map((c) => (
            <Box key={c.id} tag="section" aria-labelledby={`channel-${c.id}`} background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Flex gap={3}>
                  <Typography id={`channel-${c.id}`} variant="delta" tag="h2">
                    {isThai(locale) ? c.name.th : c.name.en}
                  </Typography>
                  <Badge active={c.configured}>{c.configured ? t('channels.on') : t('channels.off')}</Badge>
                </Flex>
                <Typography variant="pi" fontWeight="bold">
                  {t('channels.webhook')}
                </Typography>
                <Box background="neutral100" padding={3} hasRadius>
                  <Typography tag="code" style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                    {c.webhookUrl}
                  </Typography>
                </Box>
                {c.configured ? (
                  <Typography textColor="neutral600">{t('channels.ready')}</Typography>
                ) : (
                  <Typography textColor="danger600">{t('channels.missing', { vars: c.missing.join(', ') })}</Typography>
                )}
              </Flex>
            </Box>
          ))}
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};

export default ChannelsPage;
