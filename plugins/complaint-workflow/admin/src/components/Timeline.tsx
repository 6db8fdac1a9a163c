import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { Earth, Lock } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { CaseEvent } from '../types/api';
import { useMeta } from '../hooks/useMeta';
import { staffName, TIME_ZONE } from '../utils/format';
import { useT } from '../utils/i18n';

/** The case's whole history, oldest first; what the citizen can see is marked apart from staff-only notes. */
export const Timeline = ({ events }: { events: CaseEvent[] }) => {
  const t = useT();
  const intl = useIntl();
  const { actionLabel, stateLabel } = useMeta();

  const who = (e: CaseEvent) => (e.actorType === 'staff' ? staffName(e.actor) || t('actor.staff') : t(`actor.${e.actorType}`));

  const what = (e: CaseEvent) => {
    switch (e.kind) {
      case 'created':
        return t('event.created');
      case 'transition':
        return t('event.transition', {
          action: e.action ? actionLabel(e.action) : '',
          from: e.fromState ? stateLabel(e.fromState) : '-',
          to: e.toState ? stateLabel(e.toState) : '-',
        });
      case 'public_reply':
        return t('event.public_reply');
      case 'internal_note':
        return t('event.internal_note');
      case 'citizen_message':
        return t('event.citizen_message');
      case 'personal_data_erased':
        return t('event.personal_data_erased');
      case 'photos_added':
        return t('event.photos_added', { count: e.message ?? '' });
      case 'assignment':
        return !e.message || e.message === '-' ? t('event.unassigned') : t('event.assignment', { name: e.message });
      default:
        return e.kind;
    }
  };

  // An assignment's message is the assignee's name, already in the line above.
  const body = (e: CaseEvent) => (e.kind === 'assignment' || e.kind === 'photos_added' ? null : e.message);

  return (
    <ol aria-label={t('case.history')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {events.map((e) => (
        <li key={e.id}>
          <Box
            padding={3}
            marginBottom={2}
            hasRadius
            background={e.kind === 'internal_note' ? 'warning100' : e.kind === 'public_reply' ? 'primary100' : 'neutral100'}
            borderColor={e.kind === 'internal_note' ? 'warning200' : e.kind === 'public_reply' ? 'primary200' : 'neutral200'}
            borderStyle="solid"
            borderWidth="1px"
          >
            <Flex justifyContent="space-between" gap={2} wrap="wrap">
              <Typography fontWeight="bold">{what(e)}</Typography>
              {e.isPublic ? (
                <Badge variant="secondary">
                  <Flex gap={1}>
                    <Earth aria-hidden />
                    {t('event.public')}
                  </Flex>
                </Badge>
              ) : (
                <Badge variant="warning">
                  <Flex gap={1}>
                    <Lock aria-hidden />
                    {t('event.internal')}
                  </Flex>
                </Badge>
              )}
            </Flex>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {who(e)} · <time dateTime={e.at}>{intl.formatDate(e.at, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE })}</time>
            </Typography>
            {body(e) ? (
              <Box paddingTop={2}>
                <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                  {body(e)}
                </Typography>
              </Box>
            ) : null}
          </Box>
        </li>
      ))}
    </ol>
  );
};
