import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { useAuth } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { GUIDE_SECTIONS, STAFF_GUIDE_PATH } from './sections';

/** The guide is served by the app itself (not by the admin), so it is reached on the backend's origin. */
const guideUrl = (anchor?: string) =>
  `${(window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? ''}${STAFF_GUIDE_PATH}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;

/** The home page's "Staff guide" widget: a link to each section, the officer's own role marked. */
const StaffGuideWidget = () => {
  const { formatMessage } = useIntl();
  const roles = useAuth('StaffGuideWidget', (state) => state.user?.roles ?? []);
  const mine = new Set(roles.map((r) => r.code));
  const t = (id: string) => formatMessage({ id: `nokok.guide.${id}` });
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Typography variant="omega" textColor="neutral600">
        {t('intro')}
      </Typography>
      <Box tag="ol" paddingLeft={5} style={{ listStyle: 'decimal' }}>
        {GUIDE_SECTIONS.map((s) => (
          <Box tag="li" key={s.key} paddingBottom={1}>
            <Flex gap={2} alignItems="center">
              <Link href={guideUrl(s.anchor)} target="_blank" rel="noopener">
                {t(`section.${s.key}`)}
              </Link>
              {s.roles.some((r) => mine.has(r)) ? <Badge active>{t('yourRole')}</Badge> : null}
            </Flex>
          </Box>
        ))}
      </Box>
      <Link href={guideUrl()} isExternal>
        {t('open')}
      </Link>
    </Flex>
  );
};

export default StaffGuideWidget;
