import { Badge, Flex, Status, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { State } from '../types/api';
import { useT } from '../utils/i18n';

type Variant = 'alternative' | 'danger' | 'neutral' | 'primary' | 'secondary' | 'success' | 'warning';

// Red is kept for "overdue", so no state is shown in red.
const VARIANT: Record<State, Variant> = {
  received: 'secondary',
  accepted: 'primary',
  in_progress: 'warning',
  resolved: 'success',
  closed: 'neutral',
  rejected: 'neutral',
  referred: 'alternative',
  duplicate: 'neutral',
  reopened: 'warning',
};

export const StateBadge = ({ state }: { state: State }) => {
  const t = useT();
  return (
    <Status variant={VARIANT[state] ?? 'neutral'} size="S">
      <Typography tag="span" variant="omega" fontWeight="bold">
        {t(`state.${state}`)}
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
  const { formatDate } = useIntl();
  if (!dueAt) return <Typography textColor="neutral600">-</Typography>;
  return (
    <Flex gap={2} wrap="wrap">
      <Typography textColor={overdue ? 'danger600' : 'neutral800'}>{formatDate(dueAt, { day: 'numeric', month: 'short', year: 'numeric' })}</Typography>
      {overdue ? <OverdueBadge /> : null}
    </Flex>
  );
};
