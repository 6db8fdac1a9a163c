import * as React from 'react';
import { Badge, Box, Field, Flex, Grid, Link, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ArrowLeft, Lock } from '@strapi/icons';
import { Layouts, Page, isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink, useLocation, useParams } from 'react-router-dom';
import { ActionButtons } from '../components/ActionButtons';
import { CasePhotos } from '../components/CasePhotos';
import { PhotoUpload } from '../components/PhotoUpload';
import { Deliveries } from '../components/Deliveries';
import { MessageForm } from '../components/MessageForm';
import { DueDate, StateBadge } from '../components/StateBadge';
import { Timeline } from '../components/Timeline';
import { useMeta } from '../hooks/useMeta';
import type { Action, CaseDetail, Photo } from '../types/api';
import { toFormError } from '../utils/errors';
import { categoryName, staffName, TIME_ZONE, toNumber } from '../utils/format';
import { useT } from '../utils/i18n';

// Leaflet is only needed on a case with a location: keep it out of the inbox's bundle.
const CaseMap = React.lazy(() => import('../components/CaseMap'));

const UNASSIGNED = 'none';

const Section = ({ title, children, id }: { title: React.ReactNode; children: React.ReactNode; id: string }) => (
  <Box tag="section" aria-labelledby={id} background="neutral0" padding={5} hasRadius shadow="tableShadow">
    <Box paddingBottom={3}>
      <Typography variant="delta" tag="h2" id={id}>
        {title}
      </Typography>
    </Box>
    {children}
  </Box>
);

/** Label and value pairs as a description list, so screen readers announce which is which. */
const Details = ({ rows }: { rows: Array<[string, React.ReactNode]> }) => (
  <Box tag="dl" margin={0}>
    <Grid.Root gap={3}>
      {rows.map(([label, value]) => (
        <Grid.Item key={label} col={6} s={12} direction="column" alignItems="flex-start">
          <Typography tag="dt" variant="sigma" textColor="neutral600">
            {label}
          </Typography>
          <Typography tag="dd" margin={0} style={{ whiteSpace: 'pre-wrap' }}>
            {value === null || value === undefined || value === '' ? '-' : value}
          </Typography>
        </Grid.Item>
      ))}
    </Grid.Root>
  </Box>
);

const CasePage = () => {
  const t = useT();
  const intl = useIntl();
  const { locale } = intl;
  const { id } = useParams<{ id: string }>();
  const location = useLocation();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { meta, typeKey, typeQuery, label, stateLabel } = useMeta();
  // Each case type has its own permissions: the server says whether this officer may act on it.
  const canManage = Boolean(meta?.type.canManage);
  const has = (f: string) => Boolean(meta?.type.fields.includes(f));

  const [data, setData] = React.useState<CaseDetail>();
  const [loadError, setLoadError] = React.useState<'not_found' | 'failed'>();
  const [assigning, setAssigning] = React.useState(false);

  const reload = React.useCallback(() => {
    if (!typeKey) return;
    get<CaseDetail>(`/complaint-workflow/cases/${id}${typeQuery}`)
      .then(({ data: next }) => setData(next))
      .catch((e) => setLoadError(isFetchError(e) && e.status === 404 ? 'not_found' : 'failed'));
  }, [get, id, typeKey, typeQuery]);

  React.useEffect(() => {
    setData(undefined);
    setLoadError(undefined);
    reload();
  }, [reload]);

  /** Every command answers the updated case: show it at once, then say it worked. */
  const command = async (path: string, body: Record<string, unknown>, success: string) => {
    try {
      const { data: next } = await post<CaseDetail>(`/complaint-workflow/cases/${id}/${path}${typeQuery}`, body);
      setData(next);
      toggleNotification({ type: 'success', message: success });
    } catch (e) {
      // Someone else changed the case meanwhile: show what it is now rather than act on an old view.
      if (isFetchError(e) && e.status === 409) {
        reload();
        toggleNotification({ type: 'warning', message: t('notify.conflict') });
        return;
      }
      throw e;
    }
  };

  const transitionTarget = (action: Action) => meta?.transitions.find((tr) => tr.action === action && data && tr.from.includes(data.state))?.to ?? '';

  // The state the officer saw goes with the action: if the case moved meanwhile, the server answers 409.
  const runAction = (action: Action, reason?: string) =>
    command('transition', { action, expectedState: data?.state, ...(reason === undefined ? {} : { reason }) }, t('notify.transition', { state: stateLabel(transitionTarget(action)) }));

  /** Staff's photos of the fix: multipart, answered with the case page like every command. */
  const uploadPhotos = async (files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    try {
      const { data: next } = await post<CaseDetail>(`/complaint-workflow/cases/${id}/photos${typeQuery}`, form);
      setData(next);
      toggleNotification({ type: 'success', message: t('notify.photosAdded', { count: files.length }) });
      return true;
    } catch (e) {
      // A photo refused names the file and why (not an image, too large) under `files`.
      const error = toFormError(e, locale, t('common.saveFailed'));
      toggleNotification({ type: 'danger', message: error.fields.files ?? error.message });
      return false;
    }
  };

  const assign = async (value: string | number) => {
    setAssigning(true);
    try {
      await command('assign', { assignee: value === UNASSIGNED ? null : Number(value) }, t('notify.assigned'));
    } catch (e) {
      toggleNotification({ type: 'danger', message: toFormError(e, locale, t('common.saveFailed')).message });
    } finally {
      setAssigning(false);
    }
  };

  const backTo = { pathname: '../..', search: (location.state as { from?: string } | null)?.from ?? typeQuery };
  const back = (
    <Link tag={NavLink} to={backTo} relative="path" startIcon={<ArrowLeft />}>
      {t('case.back')}
    </Link>
  );

  if (loadError) {
    return (
      <Page.Main>
        <Layouts.Header navigationAction={back} title={t('inbox.title')} />
        <Layouts.Content>
          <Page.Error content={t(loadError === 'not_found' ? 'case.notFound' : 'common.error')} />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!data) return <Page.Loading />;

  const lat = toNumber(data.lat);
  const lng = toNumber(data.lng);
  const photos: Photo[] = data.photos ?? [];
  const before = photos.filter((p) => (p.kind ?? 'before') === 'before');
  const after = photos.filter((p) => p.kind === 'after');
  const when = (d?: string | null) => (d ? intl.formatDate(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }) : '-');

  return (
    <Page.Main>
      <Page.Title>{`${data.trackingCode} · ${meta ? label(meta.type.label) : t('inbox.title')}`}</Page.Title>
      <Layouts.Header
        navigationAction={back}
        title={data.trackingCode}
        subtitle={
          <Flex gap={3} wrap="wrap" paddingTop={2}>
            <StateBadge state={data.state} />
            <Flex gap={2}>
              <Typography textColor="neutral600">{t('case.dueAt')}:</Typography>
              <DueDate dueAt={data.dueAt} overdue={data.overdue} />
            </Flex>
            {data.confidential ? <Badge>{t('badge.confidential')}</Badge> : null}
          </Flex>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={4}>
            <Section id="cw-details" title={t('case.details')}>
              <Details
                rows={[
                  // Only the fields this case type has.
                  ...(has('category')
                    ? ([
                        [t('case.category'), categoryName(data.category, locale)],
                        [t('case.department'), data.category?.department],
                      ] as Array<[string, React.ReactNode]>)
                    : []),
                  [t('case.title'), data.title],
                  ...(has('village') ? ([[t('case.village'), data.village]] as Array<[string, React.ReactNode]>) : []),
                  ...(has('address') ? ([[t('case.address'), data.address]] as Array<[string, React.ReactNode]>) : []),
                  ...(has('channel') && data.channel ? ([[t('case.channel'), t(`channel.${data.channel}`)]] as Array<[string, React.ReactNode]>) : []),
                  ...(data.pole
                    ? ([
                        [t('case.pole'), `${data.pole.code} ${data.pole.name}`],
                        [t('case.reportCount'), String(data.reportCount ?? 1)],
                      ] as Array<[string, string]>)
                    : []),
                  [t('case.receivedAt'), when(data.receivedAt)],
                  [t('case.resolvedAt'), when(data.resolvedAt)],
                  ...(has('reopenCount') ? ([[t('case.reopenCount'), String(data.reopenCount ?? 0)]] as Array<[string, string]>) : []),
                ]}
              />
              <Box paddingTop={4}>
                <Typography tag="h3" variant="sigma" textColor="neutral600">
                  {t('case.description')}
                </Typography>
                <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                  {data.description}
                </Typography>
              </Box>
            </Section>

            {data.answers && typeof data.answers === 'object' && Object.keys(data.answers).length ? (
              <Section id="cw-answers" title={t('case.answers')}>
                <Details rows={Object.entries(data.answers).map(([k, v]) => [k, v === null || v === undefined ? '' : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)])} />
              </Section>
            ) : null}

            {lat !== null && lng !== null ? (
              <Section id="cw-location" title={t('case.location')}>
                {meta ? (
                  <React.Suspense fallback={<Page.Loading />}>
                    <CaseMap lat={lat} lng={lng} label={t('case.map')} markerTitle={data.trackingCode} tiles={meta.map} />
                  </React.Suspense>
                ) : (
                  <Page.Loading />
                )}
                <Flex paddingTop={2} gap={4} wrap="wrap">
                  <Typography variant="pi" textColor="neutral600">
                    {lat.toFixed(6)}, {lng.toFixed(6)}
                  </Typography>
                  <Link href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`} isExternal>
                    {t('case.openMap')}
                  </Link>
                </Flex>
              </Section>
            ) : null}

            {photos.length || (canManage && meta?.type.takesPhotos) ? (
              <Section id="cw-photos" title={t('case.photos')}>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  {before.length ? (
                    <Box>
                      {after.length || meta?.type.takesPhotos ? (
                        <Typography tag="h3" variant="sigma" textColor="neutral600">
                          {t('case.photos.before')}
                        </Typography>
                      ) : null}
                      <Box paddingTop={2}>
                        <CasePhotos caseId={data.id} typeQuery={typeQuery} photos={before} trackingCode={data.trackingCode} />
                      </Box>
                    </Box>
                  ) : null}
                  {after.length || (canManage && meta?.type.takesPhotos) ? (
                    <Box>
                      <Typography tag="h3" variant="sigma" textColor="neutral600">
                        {t('case.photos.after')}
                      </Typography>
                      {after.length ? (
                        <Box paddingTop={2}>
                          <CasePhotos caseId={data.id} typeQuery={typeQuery} photos={after} trackingCode={data.trackingCode} after />
                        </Box>
                      ) : null}
                      {canManage && meta?.type.takesPhotos ? <PhotoUpload onUpload={uploadPhotos} /> : null}
                    </Box>
                  ) : null}
                </Flex>
              </Section>
            ) : null}

            <Section id="cw-history" title={t('case.history')}>
              <Timeline events={data.events} />
            </Section>

            <Section id="cw-deliveries" title={t('delivery.title')}>
              <Deliveries
                deliveries={data.deliveries ?? []}
                onRetry={
                  canManage
                    ? async (messageId) => {
                        try {
                          await command(`deliveries/${messageId}/retry`, {}, t('delivery.retried'));
                        } catch (e) {
                          toggleNotification({ type: 'danger', message: toFormError(e, locale, t('common.saveFailed')).message });
                        }
                      }
                    : undefined
                }
              />
            </Section>
          </Grid.Item>

          <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={4}>
            {canManage ? (
              <Section id="cw-actions" title={t('case.actions')}>
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <ActionButtons allowed={data.allowedActions} transitions={meta?.transitions ?? []} onRun={runAction} />
                </Flex>
              </Section>
            ) : null}

            <Section id="cw-assignee" title={t('case.assignee')}>
              {canManage ? (
                <Field.Root name="assignee" hint={t('case.assignee.hint')}>
                  <Field.Label>{t('case.assignee')}</Field.Label>
                  <SingleSelect value={data.assignee ? String(data.assignee.id) : UNASSIGNED} onChange={(v: string | number) => void assign(v)} disabled={assigning} loading={assigning}>
                    <SingleSelectOption value={UNASSIGNED}>{t('common.unassigned')}</SingleSelectOption>
                    {(meta?.staff ?? []).map((u) => (
                      <SingleSelectOption key={u.id} value={String(u.id)}>
                        {u.email ? `${staffName(u)} (${u.email})` : staffName(u)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                </Field.Root>
              ) : (
                <Typography>{data.assignee ? staffName(data.assignee) : t('common.unassigned')}</Typography>
              )}
            </Section>

            <Section
              id="cw-contact"
              title={
                <Flex gap={2} tag="span">
                  <Lock aria-hidden />
                  {t('case.contact')}
                </Flex>
              }
            >
              <Details
                rows={[
                  [t('case.contact.name'), data.contactName],
                  [t('case.contact.phone'), data.contactPhone ? <Link href={`tel:${data.contactPhone}`}>{data.contactPhone}</Link> : null],
                  [t('case.contact.email'), data.contactEmail ? <Link href={`mailto:${data.contactEmail}`}>{data.contactEmail}</Link> : null],
                  [t('case.consent'), t(data.consent ? 'common.yes' : 'common.no')],
                ]}
              />
            </Section>

            {canManage ? (
              <>
                <MessageForm kind="reply" onSend={(message) => command('reply', { message }, t('notify.replied'))} />
                <MessageForm kind="note" onSend={(message) => command('note', { message }, t('notify.noted'))} />
              </>
            ) : null}
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

export default CasePage;
