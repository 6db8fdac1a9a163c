import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { ChevronRight } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { useLang, useT } from '../utils/i18n';
import { useTargets } from '../utils/useTargets';

/** What this user may import into, each a link to its import page; labels come from the targets. */
const TargetsPage = () => {
  const t = useT();
  const lang = useLang();
  const { targets, failed } = useTargets();
  if (failed) return <Page.Error />;
  if (!targets) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{t('title')}</Page.Title>
      <Layouts.Header title={t('title')} subtitle={t('subtitle')} />
      <Layouts.Content>
        {targets.length ? (
          <Grid.Root gap={4} tag="ul" aria-label={t('targets')}>
            {targets.map((target) => (
              <Grid.Item key={target.id} col={6} s={12} tag="li" direction="column" alignItems="stretch">
                <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius height="100%">
                  <Flex direction="column" alignItems="flex-start" gap={2}>
                    <Link to={target.id} style={{ textDecoration: 'none' }}>
                      <Flex gap={2} alignItems="center">
                        <Typography tag="h2" variant="beta" textColor="primary600">
                          {lang(target.label)}
                        </Typography>
                        <ChevronRight aria-hidden />
                      </Flex>
                    </Link>
                    {target.description ? <Typography textColor="neutral600">{lang(target.description)}</Typography> : null}
                  </Flex>
                </Box>
              </Grid.Item>
            ))}
          </Grid.Root>
        ) : (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography>{t('none')}</Typography>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default TargetsPage;
