import * as React from 'react';
import { Alert, Box, Button, Flex, Grid, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { DASHBOARD_REFRESH_MS, E_SERVICE_DASHBOARD } from '../staff-permissions';
import type { DashboardFigures, ServiceFigures } from '../dashboard';

const PERMISSIONS = [{ action: E_SERVICE_DASHBOARD, subject: null }];
const TIME_ZONE = 'Asia/Bangkok';
/** The case engine's inbox, on its e-service tab. */
const INBOX = '/plugins/complaint-workflow';

function useT() {
  const intl = useIntl();
  return React.useCallback((id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `nokok.eservice.${id}`, defaultMessage: id }, values), [intl]);
}

/**
 * Calls `fn` every `ms` while the tab is visible, and at once when it becomes visible again: the
 * figures stay live on a screen left open in the executive's office without loading a hidden tab.
 */
function usePolling(fn: () => void, ms: number) {
  const latest = React.useRef(fn);
  latest.current = fn;
  React.useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    const timer = window.setInterval(tick, ms);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [ms]);
}

const inboxLink = (params: Record<string, string>) => `${INBOX}?${new URLSearchParams({ type: 'e-service', ...params }).toString()}`;

/** One headline figure: a term and its value, read together by screen readers. */
const Figure = ({ id, label, value, hint, tone }: { id: string; label: string; value: string; hint?: string; tone?: 'danger' | 'success' }) => (
  <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
    <Box background="neutral0" padding={5} hasRadius shadow="tableShadow" height="100%" tag="dl" aria-labelledby={`${id}-label`} data-figure={id}>
      <Typography tag="dt" id={`${id}-label`} variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography tag="dd" variant="alpha" textColor={tone === 'danger' ? 'danger600' : tone === 'success' ? 'success600' : 'neutral800'} style={{ margin: 0 }}>
        {value}
      </Typography>
      {hint ? (
        <Typography tag="dd" variant="pi" textColor="neutral600" style={{ margin: 0 }}>
          {hint}
        </Typography>
      ) : null}
    </Box>
  </Grid.Item>
);

const Section = ({ id, title, children }: { id: string; title: string; children: React.ReactNode }) => (
  <Box tag="section" aria-labelledby={id}>
    <Box paddingBottom={3}>
      <Typography tag="h2" id={id} variant="delta">
        {title}
      </Typography>
    </Box>
    {children}
  </Box>
);

const ServiceTable = ({ services }: { services: ServiceFigures[] }) => {
  const t = useT();
  const { locale, formatNumber } = useIntl();
  const name = (s: ServiceFigures) => (s.title ? (locale.startsWith('en') ? s.title.en : s.title.th) : t('service.none'));
  const columns = ['total', 'open', 'overdue', 'closed', 'thisMonth', 'paper'] as const;
  return (
    <Table colCount={columns.length + 1} rowCount={services.length + 1} aria-labelledby="by-service">
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('service.name')}</Typography>
          </Th>
          {columns.map((c) => (
            <Th key={c}>
              <Typography variant="sigma">{t(`service.${c}`)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {services.length === 0 ? (
          <Tr>
            <Td colSpan={columns.length + 1}>
              <Typography textColor="neutral600">{t('service.empty')}</Typography>
            </Td>
          </Tr>
        ) : (
          services.map((s) => (
            <Tr key={s.formSlug ?? '-'} data-service={s.formSlug ?? ''}>
              <Th scope="row" style={{ whiteSpace: 'normal', maxWidth: '360px' }}>
                {s.title && s.total > 0 ? (
                  <Link tag={NavLink} to={inboxLink({ q: s.title.th })}>
                    {name(s)}
                  </Link>
                ) : (
                  <Typography>{name(s)}</Typography>
                )}
              </Th>
              <Td>
                <Typography>{formatNumber(s.total)}</Typography>
              </Td>
              <Td>
                <Typography>{formatNumber(s.open)}</Typography>
              </Td>
              <Td>
                <Typography textColor={s.overdue ? 'danger600' : undefined} fontWeight={s.overdue ? 'bold' : undefined}>
                  {formatNumber(s.overdue)}
                </Typography>
              </Td>
              <Td>
                <Typography>{formatNumber(s.closed)}</Typography>
              </Td>
              <Td>
                <Typography>{formatNumber(s.receivedThisMonth)}</Typography>
              </Td>
              <Td>
                <Typography>{formatNumber(s.paperPagesSaved)}</Typography>
              </Td>
            </Tr>
          ))
        )}
      </Tbody>
    </Table>
  );
};

const StateTable = ({ figures }: { figures: DashboardFigures }) => {
  const t = useT();
  const { locale, formatNumber } = useIntl();
  return (
    <Table colCount={3} rowCount={figures.byState.length + 1} aria-labelledby="by-state">
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('state.name')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('state.meaning')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('state.count')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {figures.byState.map((s) => (
          <Tr key={s.state} data-state={s.state}>
            <Th scope="row">
              <Link tag={NavLink} to={inboxLink({ state: s.state })}>
                {locale.startsWith('en') ? s.label.en : s.label.th}
              </Link>
            </Th>
            <Td>
              <Typography>{t(`meaning.${s.meaning}`)}</Typography>
            </Td>
            <Td>
              <Typography>{formatNumber(s.count)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const Dashboard = () => {
  const t = useT();
  const intl = useIntl();
  const { get } = useFetchClient();
  const [figures, setFigures] = React.useState<DashboardFigures>();
  const [failed, setFailed] = React.useState(false);
  const load = React.useCallback(() => {
    get<{ data: DashboardFigures }>('/e-service-requests/dashboard')
      .then(({ data }) => {
        setFigures(data.data);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [get]);
  React.useEffect(load, [load]);
  usePolling(load, DASHBOARD_REFRESH_MS);

  if (!figures) return failed ? <Page.Error /> : <Page.Loading />;
  const n = (v: number) => intl.formatNumber(v);
  const [year, month] = figures.month.split('-').map(Number);
  const monthName = intl.formatDate(new Date(Date.UTC(year, month - 1, 15)), { month: 'long', year: 'numeric', timeZone: TIME_ZONE });
  const updated = intl.formatTime(new Date(figures.generatedAt), { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: TIME_ZONE });
  return (
    <Page.Main>
      <Page.Title>{t('title')}</Page.Title>
      <Layouts.Header
        title={t('title')}
        subtitle={t('subtitle')}
        primaryAction={
          <Flex gap={3}>
            <Typography variant="pi" textColor="neutral600" aria-live="polite" data-updated={figures.generatedAt}>
              {t('updatedAt', { time: updated })}
            </Typography>
            <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={load}>
              {t('refresh')}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={8}>
          {failed ? (
            <Alert variant="danger" closeLabel={t('close')} title={t('error')} onClose={() => setFailed(false)}>
              {t('error.load')}
            </Alert>
          ) : null}
          <Section id="headline" title={t('headline')}>
            <Grid.Root gap={4}>
              <Figure id="total" label={t('figure.total')} value={n(figures.total)} hint={t('figure.total.hint', { open: n(figures.open), closed: n(figures.closed) })} />
              <Figure id="overdue" label={t('figure.overdue')} value={n(figures.overdue)} hint={t('figure.overdue.hint')} tone={figures.overdue ? 'danger' : undefined} />
              <Figure id="thisMonth" label={t('figure.thisMonth', { month: monthName })} value={n(figures.receivedThisMonth)} />
              <Figure
                id="median"
                label={t('figure.median')}
                value={figures.medianDaysToClose === null ? t('figure.median.none') : t('figure.median.value', { days: intl.formatNumber(figures.medianDaysToClose, { maximumFractionDigits: 1 }) })}
                hint={t('figure.median.hint')}
              />
              <Figure id="paper" label={t('figure.paper')} value={t('figure.paper.value', { pages: n(figures.paperPagesSaved) })} hint={t('figure.paper.hint')} tone="success" />
            </Grid.Root>
          </Section>
          <Section id="by-service" title={t('service.title')}>
            <ServiceTable services={figures.byService} />
          </Section>
          <Section id="by-state" title={t('state.title')}>
            <StateTable figures={figures} />
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** /admin/e-service-dashboard: for executives, auditors and the officers who answer requests (read-only). */
const DashboardPage = () => (
  <Page.Protect permissions={PERMISSIONS}>
    <Dashboard />
  </Page.Protect>
);

export default DashboardPage;
