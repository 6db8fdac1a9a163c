import * as React from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Duplicate, Download, Key, Plus } from '@strapi/icons';
import { Layouts, Page, useClipboard, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { SHARING_MANAGE, SHARING_READ_LOG, TOKEN_DAYS, type TokenDays } from '../staff-permissions';
import type { AccessEntry, TokenState } from '../domain/sharing';

interface Agency {
  id: number;
  documentId: string;
  name: string;
  nameEn: string | null;
  contactName: string | null;
  contactEmail: string | null;
  active: boolean;
  token: { name: string; state: TokenState; expiresAt: string | null; lastUsedAt: string | null; createdAt: string } | null;
  datasets: Array<{ documentId: string; slug: string; titleTh: string; restricted: boolean }>;
}


interface AccessPage {
  results: AccessEntry[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

interface Filters {
  agency: string;
  from: string;
  to: string;
}

const MANAGE = { action: SHARING_MANAGE, subject: null };
const READ_LOG = { action: SHARING_READ_LOG, subject: null };
const PERMISSIONS = [MANAGE, READ_LOG];
const ALL = '__all';
const PAGE_SIZE = 25;
const TIME_ZONE = 'Asia/Bangkok';
const AGENCY_CM = '/content-manager/collection-types/api::dataset.partner-agency';

function useT() {
  const intl = useIntl();
  return React.useCallback((id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `nokok.sharing.${id}`, defaultMessage: id }, values), [intl]);
}

/** The error an admin request answered with, in the staff's language when the server wrote one. */
function messageOf(error: unknown, fallback: string): string {
  const data = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data;
  return data?.error?.message ?? fallback;
}

const STATE_TONE: Record<TokenState, { background: string; textColor: string }> = {
  none: { background: 'neutral150', textColor: 'neutral700' },
  active: { background: 'success100', textColor: 'success700' },
  expiring: { background: 'warning100', textColor: 'warning700' },
  expired: { background: 'danger100', textColor: 'danger700' },
};

const TokenBadge = ({ state }: { state: TokenState }) => {
  const t = useT();
  return (
    <Badge backgroundColor={STATE_TONE[state].background} textColor={STATE_TONE[state].textColor}>
      {t(`token.state.${state}`)}
    </Badge>
  );
};

/** Issues a new token for one agency: the lifetime first, then the key, shown this once with a copy button. */
const IssueDialog = ({ agency, onClose, onIssued }: { agency: Agency; onClose: () => void; onIssued: () => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const [days, setDays] = React.useState<TokenDays>(365);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const [key, setKey] = React.useState<string>();

  const issue = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await post<{ data: { accessKey: string } }>(`/data-sharing/agencies/${agency.id}/token`, { days });
      setKey(data.data.accessKey);
      onIssued();
    } catch (e) {
      setError(messageOf(e, t('error.issue')));
    } finally {
      setBusy(false);
    }
  };

  const copyKey = async () => {
    if (key && (await copy(key))) toggleNotification({ type: 'success', message: t('issue.copied') });
  };

  return (
    <Modal.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header closeLabel={t('close')}>
          <Modal.Title>{t('issue.title', { agency: agency.name })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {error ? (
              <Alert variant="danger" closeLabel={t('close')} title={t('error')} onClose={() => setError(undefined)}>
                {error}
              </Alert>
            ) : null}
            {key ? (
              <>
                <Alert variant="warning" closeLabel={t('close')} title={t('issue.once.title')}>
                  {t('issue.once')}
                </Alert>
                <Field.Root name="accessKey" hint={t('issue.key.hint')}>
                  <Field.Label>{t('issue.key')}</Field.Label>
                  <TextInput
                    readOnly
                    value={key}
                    data-testid="partner-token-key"
                    onFocus={(e: React.FocusEvent<HTMLInputElement>) => e.target.select()}
                    endAction={
                      <IconButton label={t('issue.copy')} variant="ghost" onClick={() => void copyKey()}>
                        <Duplicate />
                      </IconButton>
                    }
                  />
                  <Field.Hint />
                </Field.Root>
              </>
            ) : (
              <>
                <Field.Root name="days" hint={t('issue.days.hint')}>
                  <Field.Label>{t('issue.days')}</Field.Label>
                  <SingleSelect value={String(days)} onChange={(v) => setDays(Number(v) as TokenDays)}>
                    {TOKEN_DAYS.map((d) => (
                      <SingleSelectOption key={d} value={String(d)}>
                        {t(`issue.days.${d}`)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                </Field.Root>
                {agency.token ? <Typography textColor="danger600">{t('issue.revokes', { token: agency.token.name })}</Typography> : null}
              </>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{key ? t('close') : t('cancel')}</Button>
          </Modal.Close>
          {key ? (
            <Button startIcon={<Duplicate />} onClick={() => void copyKey()}>
              {t('issue.copy')}
            </Button>
          ) : (
            <Button startIcon={<Key />} loading={busy} onClick={() => void issue()}>
              {t('issue.confirm')}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** The partner agencies: each one's token and the datasets shared with it. */
const Agencies = ({ agencies, canManage, onChanged }: { agencies: Agency[]; canManage: boolean; onChanged: () => void }) => {
  const t = useT();
  const intl = useIntl();
  const [issuing, setIssuing] = React.useState<Agency>();
  const date = (at: string | null) => (at ? intl.formatDate(at, { dateStyle: 'medium', timeZone: TIME_ZONE }) : t('never'));
  const expired = agencies.filter((a) => a.active && a.token?.state === 'expired');

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {t('agencies.title')}
        </Typography>
        {expired.length ? (
          <Alert variant="warning" closeLabel={t('close')} title={t('agencies.expired.title')}>
            {t('agencies.expired', { names: expired.map((a) => a.name).join(', ') })}
          </Alert>
        ) : null}
        {agencies.length ? (
          <Table colCount={canManage ? 6 : 5} rowCount={agencies.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('agencies.name')}</Typography></Th>
                <Th><Typography variant="sigma">{t('agencies.datasets')}</Typography></Th>
                <Th><Typography variant="sigma">{t('agencies.token')}</Typography></Th>
                <Th><Typography variant="sigma">{t('agencies.expires')}</Typography></Th>
                <Th><Typography variant="sigma">{t('agencies.lastUsed')}</Typography></Th>
                {canManage ? <Th><Typography variant="sigma">{t('agencies.actions')}</Typography></Th> : null}
              </Tr>
            </Thead>
            <Tbody>
              {agencies.map((a) => (
                <Tr key={a.id} data-agency={a.name}>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography fontWeight="bold">{a.name}</Typography>
                      {a.nameEn ? <Typography variant="pi" textColor="neutral600">{a.nameEn}</Typography> : null}
                      {!a.active ? <Badge>{t('agencies.inactive')}</Badge> : null}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography title={a.datasets.map((d) => d.titleTh).join('\n')}>{t('agencies.datasets.count', { n: a.datasets.length })}</Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <TokenBadge state={a.token?.state ?? 'none'} />
                      {a.token ? <Typography variant="pi" textColor="neutral600">{a.token.name}</Typography> : null}
                    </Flex>
                  </Td>
                  <Td><Typography textColor={a.token?.state === 'expired' ? 'danger600' : undefined}>{a.token ? date(a.token.expiresAt) : '-'}</Typography></Td>
                  <Td><Typography>{a.token ? date(a.token.lastUsedAt) : '-'}</Typography></Td>
                  {canManage ? (
                    <Td>
                      <Button variant="secondary" size="S" startIcon={<Key />} disabled={!a.active} onClick={() => setIssuing(a)}>
                        {t('agencies.issue')}
                      </Button>
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </Tbody>
          </Table>
        ) : (
          <Typography>{t('agencies.none')}</Typography>
        )}
      </Flex>
      {issuing ? <IssueDialog agency={issuing} onClose={() => setIssuing(undefined)} onIssued={onChanged} /> : null}
    </Box>
  );
};

/** Query string of the log's filters (and page), as the admin routes read it. */
function queryOf(filters: Filters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams(extra);
  if (filters.agency !== ALL) q.set('agency', filters.agency);
  if (filters.from) q.set('from', filters.from);
  if (filters.to) q.set('to', filters.to);
  return q.toString();
}

/** The access log: newest first, filtered by agency and days, exported as CSV or Excel. */
const AccessLog = ({ agencies }: { agencies: Agency[] }) => {
  const t = useT();
  const intl = useIntl();
  const { get } = useFetchClient();
  const [filters, setFilters] = React.useState<Filters>({ agency: ALL, from: '', to: '' });
  const [page, setPage] = React.useState(1);
  const [data, setData] = React.useState<AccessPage>();
  const [error, setError] = React.useState<string>();
  const [exporting, setExporting] = React.useState<'csv' | 'xlsx'>();
  const latest = React.useRef(0);
  const lang = intl.locale.startsWith('en') ? 'en' : 'th';

  React.useEffect(() => {
    const ticket = ++latest.current;
    get<AccessPage>(`/data-sharing/accesses?${queryOf(filters, { page: String(page), pageSize: String(PAGE_SIZE) })}`)
      .then(({ data: next }) => {
        if (ticket !== latest.current) return;
        setData(next);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (ticket === latest.current) setError(messageOf(e, t('error.load')));
      });
  }, [get, filters, page, t]);

  const change = (next: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  };

  const download = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      const { data: blob, headers } = (await get<Blob>(`/data-sharing/accesses/export.${format}?${queryOf(filters, { locale: lang })}`, { responseType: 'blob' })) as unknown as {
        data: Blob;
        headers?: Headers;
      };
      const name = /filename="?([^";]+)"?/.exec(headers?.get('content-disposition') ?? '')?.[1] ?? `data-access-log.${format}`;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(messageOf(e, t('error.export')));
    } finally {
      setExporting(undefined);
    }
  };

  const time = (at: string) => intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'medium', timeZone: TIME_ZONE });

  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" wrap="wrap" gap={2}>
          <Typography variant="delta" tag="h2">
            {t('log.title')}
          </Typography>
          <Flex gap={2}>
            <Button variant="secondary" startIcon={<Download />} loading={exporting === 'csv'} onClick={() => void download('csv')}>
              {t('log.export.csv')}
            </Button>
            <Button variant="secondary" startIcon={<Download />} loading={exporting === 'xlsx'} onClick={() => void download('xlsx')}>
              {t('log.export.xlsx')}
            </Button>
          </Flex>
        </Flex>
        <Typography textColor="neutral600">{t('log.subtitle')}</Typography>
        <Flex gap={4} wrap="wrap" alignItems="flex-end">
          <Box minWidth="240px">
            <Field.Root name="agency">
              <Field.Label>{t('log.filter.agency')}</Field.Label>
              <SingleSelect value={filters.agency} onChange={(v) => change({ agency: String(v) })}>
                <SingleSelectOption value={ALL}>{t('log.filter.agency.all')}</SingleSelectOption>
                {agencies.map((a) => (
                  <SingleSelectOption key={a.id} value={String(a.id)}>
                    {a.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
          <Field.Root name="from">
            <Field.Label>{t('log.filter.from')}</Field.Label>
            <TextInput type="date" value={filters.from} onChange={(e: React.ChangeEvent<HTMLInputElement>) => change({ from: e.target.value })} />
          </Field.Root>
          <Field.Root name="to">
            <Field.Label>{t('log.filter.to')}</Field.Label>
            <TextInput type="date" value={filters.to} onChange={(e: React.ChangeEvent<HTMLInputElement>) => change({ to: e.target.value })} />
          </Field.Root>
        </Flex>
        {error ? (
          <Alert variant="danger" closeLabel={t('close')} title={t('error')} onClose={() => setError(undefined)}>
            {error}
          </Alert>
        ) : null}
        {!data ? (
          <Page.Loading />
        ) : data.results.length ? (
          <>
            <Table colCount={6} rowCount={data.results.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('log.at')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('log.agency')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('log.dataset')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('log.action')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('log.token')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('log.address')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.results.map((e) => (
                  <Tr key={e.id}>
                    <Td><Typography>{time(e.at)}</Typography></Td>
                    <Td><Typography>{e.agency?.name ?? '-'}</Typography></Td>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography>{e.dataset ?? '-'}</Typography>
                        {e.resource ? <Typography variant="pi" textColor="neutral600">{e.resource}</Typography> : null}
                      </Flex>
                    </Td>
                    <Td><Typography title={e.path ?? undefined}>{e.action ?? '-'}</Typography></Td>
                    <Td><Typography variant="pi">{e.tokenName ?? '-'}</Typography></Td>
                    <Td><Typography>{e.clientAddress ?? '-'}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <Flex justifyContent="space-between">
              <Typography textColor="neutral600">{t('log.page', { page: data.pagination.page, pages: Math.max(1, data.pagination.pageCount), total: data.pagination.total })}</Typography>
              <Flex gap={2}>
                <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                  {t('log.previous')}
                </Button>
                <Button variant="tertiary" disabled={page >= data.pagination.pageCount} onClick={() => setPage((p) => p + 1)}>
                  {t('log.next')}
                </Button>
              </Flex>
            </Flex>
          </>
        ) : (
          <Typography>{t('log.none')}</Typography>
        )}
      </Flex>
    </Box>
  );
};

const Sharing = ({ canManage, canReadLog }: { canManage: boolean; canReadLog: boolean }) => {
  const t = useT();
  const { get } = useFetchClient();
  const [agencies, setAgencies] = React.useState<Agency[]>();
  const [failed, setFailed] = React.useState(false);
  const load = React.useCallback(() => {
    get<{ results: Agency[] }>('/data-sharing/agencies')
      .then(({ data }) => setAgencies(data.results))
      .catch(() => setFailed(true));
  }, [get]);
  React.useEffect(load, [load]);

  if (failed) return <Page.Error />;
  if (!agencies) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{t('title')}</Page.Title>
      <Layouts.Header
        title={t('title')}
        subtitle={t('subtitle')}
        primaryAction={
          canManage ? (
            <Button tag={NavLink} to={`${AGENCY_CM}/create`} startIcon={<Plus />}>
              {t('agencies.add')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Agencies agencies={agencies} canManage={canManage} onChanged={load} />
          {canReadLog ? <AccessLog agencies={agencies} /> : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** /admin/data-sharing: for whoever manages sharing or reads its log (the menu hides it from the rest). */
const SharingPage = () => (
  <Page.Protect permissions={PERMISSIONS}>
    {({ permissions }) => (
      <Sharing canManage={permissions.some((p) => p.action === SHARING_MANAGE)} canReadLog={permissions.some((p) => p.action === SHARING_READ_LOG)} />
    )}
  </Page.Protect>
);

export default SharingPage;
