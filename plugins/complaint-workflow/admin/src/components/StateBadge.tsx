import { Badge, Flex, Status, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useMeta } from '../hooks/useMeta';
import type { State } from '../types/api';
import { TIME_ZONE } from '../utils/format';
import { useT } from '../utils/i18n';

/** A state in its type's words and colour (red is kept for "overdue", so no state is shown in red). */
export const StateBadge = ({ state }: { state: State }) => {
  const { stateLabel, stateTone } = useMeta();
  return (
    <Status variant={stateTone(state)} size="S">
      <Typography tag="span" variant="omega" fontWeight="bold">
        {stateLabel(state)}
      </Typography>
    </Status>
  );
};

export const OverdueBadge = () => {
  const t = useT();
  return <Badge variant="danger">{t('badge.overdue')}</Badge>;
};

/** The due date, with the red badge when the deadline has passed on an open case. */
export const DueDate = ({ dueAt, overdue }: { dueAt?: string | null; overdue: boolean }) => {
  const intl = useIntl();
  if (!dueAt) return <Typography textColor="neutral600">-</Typography>;
  return (
    <Flex gap={2} wrap="wrap">
      <Typography textColor={overdue ? 'danger600' : 'neutral800'}>{intl.formatDate(dueAt, { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE })}</Typography>
      {overdue ? <OverdueBadge /> : null}
    </Flex>
  );
};
