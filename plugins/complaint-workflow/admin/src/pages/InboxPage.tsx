import * as React from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tabs,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Search } from '@strapi/icons';
import { Layouts, Page, Pagination, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink, useNavigate, useSearchParams } from 'react-router-dom';
import { DueDate, StateBadge } from '../components/StateBadge';
import { useMeta } from '../hooks/useMeta';
import { usePolling } from '../hooks/usePolling';
import type { CaseList } from '../types/api';
import { categoryName, excerpt, staffName, TIME_ZONE } from '../utils/format';
import { useT } from '../utils/i18n';

const PAGE_SIZE = 20;
const POLL_MS = 30_000;
const FILTERS = ['state', 'category', 'village', 'assignee', 'overdue', 'channel', 'q', 'page'] as const;
const CHANNELS = ['web', 'line', 'facebook', 'pole', 'open311', 'counter'] as const;
const ALL = '__all';

const InboxPage = () => {
  const t = useT();
  const intl = useIntl();
  const { locale } = intl;
  const { meta, types, typeKey, typeQuery, label, stateLabel } = useMeta();
  const fields = meta?.type.fields ?? [];
  const has = (f: string) => fields.includes(f);
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.toString();

  const [data, setData] = React.useState<CaseList>();
  const [failed, setFailed] = React.useState(false);
  const [updatedAt, setUpdatedAt] = React.useState<Date>();
  const latest = React.useRef(0);

  const load = React.useCallback(() => {
    if (!typeKey) return;
    // Only the newest answer counts: a slow poll must not overwrite a newer filter's result.
    const ticket = ++latest.current;
    const query: Record<string, string> = { pageSize: String(PAGE_SIZE), type: typeKey };
    const current = new URLSearchParams(search);
    for (const key of FILTERS) {
      const value = current.get(key);
      if (value) query[key] = value;
    }
    get<CaseList>('/complaint-workflow/cases', { params: query })
      .then(({ data: next }) => {
        if (ticket !== latest.current) return;
        setData(next);
        setFailed(false);
        setUpdatedAt(new Date());
      })
      .catch(() => {
        if (ticket === latest.current) setFailed(true);
      });
  }, [get, search, typeKey]);

  React.useEffect(load, [load]);
  usePolling(load, POLL_MS);

  /** Changes some filters; any change but paging starts again from page 1. */
  const update = (changes: Partial<Record<(typeof FILTERS)[number], string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const [text, setText] = React.useState({ q: params.get('q') ?? '', village: params.get('village') ?? '' });
  React.useEffect(() => setText({ q: params.get('q') ?? '', village: params.get('village') ?? '' }), [params]);
  const submitSearch = (e: React.FormEvent) => {
    e.preventDefault();
    update({ q: text.q.trim() || undefined, village: text.village.trim() || undefined });
  };

  const stateTab = params.get('state') ?? 'all';
  const counts = data?.counts;
  const hasFilters = FILTERS.some((k) => k !== 'state' && k !== 'page' && params.get(k));
  const title = meta ? label(meta.type.label) : t('inbox.title');

  if (types && types.length === 0) {
    return (
      <Page.Main>
        <Layouts.Header title={t('inbox.title')} />
        <Layouts.Content>
          <Page.NoPermissions />
        </Layouts.Content>
      </Page.Main>
    );
  }

  return (
    <Page.Main aria-busy={!data}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('inbox.subtitle')}
        primaryAction={
          <Flex gap={3}>
            <Typography variant="pi" textColor="neutral600" aria-live="polite">
              {updatedAt ? t('inbox.updatedAt', { time: intl.formatTime(updatedAt, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: TIME_ZONE }) }) : ''}
            </Typography>
            <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={load}>
              {t('inbox.refresh')}
            </Button>
            {typeKey === 'complaint' ? (
              <Link tag={NavLink} to="channels">
                {t('channels.link')}
              </Link>
            ) : null}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {types && types.length > 1 ? (
            <nav aria-label={t('types.label')}>
              <Flex gap={2} wrap="wrap">
                {types.map((ty) => (
                  <Button
                    key={ty.key}
                    variant={ty.key === typeKey ? 'default' : 'tertiary'}
                    aria-current={ty.key === typeKey ? 'page' : undefined}
                    onClick={() => setParams(new URLSearchParams({ type: ty.key }))}
                  >
                    {label(ty.label)}
                  </Button>
                ))}
              </Flex>
            </nav>
          ) : null}
          <Box background="neutral0" padding={4} hasRadius shadow="filterShadow">
            <Flex gap={4} wrap="wrap" alignItems="flex-end">
              {has('category') ? (
              <Box minWidth="200px">
                <Field.Root name="category">
                  <Field.Label>{t('filter.category')}</Field.Label>
                  <SingleSelect value={params.get('category') ?? ALL} onChange={(v) => update({ category: v === ALL ? undefined : String(v) })}>
                    <SingleSelectOption value={ALL}>{t('filter.category.all')}</SingleSelectOption>
                    {(meta?.categories ?? []).map((c) => (
                      <SingleSelectOption key={c.code} value={c.code}>
                        {categoryName(c, locale)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              ) : null}
              <Box minWidth="200px">
                <Field.Root name="assignee">
                  <Field.Label>{t('filter.assignee')}</Field.Label>
                  <SingleSelect value={params.get('assignee') ?? ALL} onChange={(v) => update({ assignee: v === ALL ? undefined : String(v) })}>
                    <SingleSelectOption value={ALL}>{t('filter.assignee.all')}</SingleSelectOption>
                    <SingleSelectOption value="me">{t('filter.assignee.me')}</SingleSelectOption>
                    <SingleSelectOption value="none">{t('filter.assignee.none')}</SingleSelectOption>
                    {(meta?.staff ?? []).map((u) => (
                      <SingleSelectOption key={u.id} value={String(u.id)}>
                        {staffName(u)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              {has('channel') ? (
              <Box minWidth="180px">
                <Field.Root name="channel">
                  <Field.Label>{t('filter.channel')}</Field.Label>
                  <SingleSelect value={params.get('channel') ?? ALL} onChange={(v) => update({ channel: v === ALL ? undefined : String(v) })}>
                    <SingleSelectOption value={ALL}>{t('filter.channel.all')}</SingleSelectOption>
                    {CHANNELS.map((c) => (
                      <SingleSelectOption key={c} value={c}>
                        {t(`channel.${c}`)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              ) : null}
              <Box paddingBottom={2}>
                <Checkbox checked={params.get('overdue') === 'true'} onCheckedChange={(checked) => update({ overdue: checked === true ? 'true' : undefined })}>
                  {t('filter.overdue', { count: counts?.overdue ?? 0 })}
                </Checkbox>
              </Box>
            </Flex>
            <Box paddingTop={4}>
              <form role="search" aria-label={t('filter.search.region')} onSubmit={submitSearch}>
                <Flex gap={4} wrap="wrap" alignItems="flex-end">
                  {has('village') ? (
                    <Box width="120px">
                      <Field.Root name="village">
                        <Field.Label>{t('filter.village')}</Field.Label>
                        <TextInput inputMode="numeric" value={text.village} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setText({ ...text, village: e.target.value })} />
                      </Field.Root>
                    </Box>
                  ) : null}
                  <Box minWidth="320px" flex="1">
                    <Field.Root name="q">
                      <Field.Label>{t('filter.search')}</Field.Label>
                      <TextInput type="search" placeholder={t('filter.search.placeholder')} value={text.q} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setText({ ...text, q: e.target.value })} />
                    </Field.Root>
                  </Box>
                  <Button type="submit" startIcon={<Search />} size="L">
                    {t('filter.apply')}
                  </Button>
                  {hasFilters ? (
                    <Button
                      type="button"
                      variant="tertiary"
                      size="L"
                      onClick={() => update({ category: undefined, village: undefined, assignee: undefined, overdue: undefined, channel: undefined, q: undefined })}
                    >
                      {t('filter.clear')}
                    </Button>
                  ) : null}
                </Flex>
              </form>
            </Box>
          </Box>

          {failed ? (
            <Alert variant="danger" closeLabel={t('common.close')} title={t('common.error')} onClose={() => setFailed(false)}>
              {t('inbox.loadFailed')}
            </Alert>
          ) : null}

          <Tabs.Root value={stateTab} onValueChange={(v) => update({ state: v === 'all' ? undefined : v })}>
            {/* Nine states do not fit every screen: the tab row scrolls instead of squeezing. */}
            <Box style={{ overflowX: 'auto' }}>
              <Tabs.List aria-label={t('tabs.label')}>
                <Tabs.Trigger value="all">
                  {t('tabs.all')} <Badge>{counts?.all ?? 0}</Badge>
                </Tabs.Trigger>
                {(meta?.type.states ?? []).map((s) => (
                  <Tabs.Trigger key={s.key} value={s.key}>
                    {stateLabel(s.key)} <Badge>{counts?.byState[s.key] ?? 0}</Badge>
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
            </Box>
            <Tabs.Content value={stateTab}>
              {!data ? (
                <Page.Loading />
              ) : (
                <CaseTable
                  data={data}
                  fields={fields}
                  typeQuery={typeQuery}
                  from={search ? `?${search}` : ''}
                  onOpen={(id) => navigate(`cases/${id}${typeQuery}`, { state: { from: search ? `?${search}` : '' } })}
                />
              )}
            </Tabs.Content>
          </Tabs.Root>

          {data && data.pagination.pageCount > 1 ? (
            <Pagination.Root pageCount={data.pagination.pageCount} total={data.pagination.total} defaultPageSize={PAGE_SIZE}>
              <Pagination.Links />
            </Pagination.Root>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const CaseTable = ({ data, fields, typeQuery, from, onOpen }: { data: CaseList; fields: string[]; typeQuery: string; from: string; onOpen: (id: number) => void }) => {
  const t = useT();
  const { locale } = useIntl();
  // Columns of fields this type has: a type without categories or villages shows none.
  const columns = (['trackingCode', 'category', 'subject', 'village', 'channel', 'state', 'assignee', 'dueAt'] as const).filter(
    (c) => !['category', 'village', 'channel'].includes(c) || fields.includes(c)
  );
  const has = (f: string) => fields.includes(f);
  return (
    <Table colCount={columns.length} rowCount={data.results.length + 1}>
      <Thead>
        <Tr>
          {columns.map((c) => (
            <Th key={c}>
              <Typography variant="sigma">{t(`table.${c}`)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {data.results.length === 0 ? (
          <Tr>
            <Td colSpan={columns.length}>
              <Box padding={6}>
                <Typography textColor="neutral600">{t('table.empty')}</Typography>
              </Box>
            </Td>
          </Tr>
        ) : (
          data.results.map((c) => (
            // The whole row opens the case for mouse users; the code is a real link for keyboards.
            <Tr key={c.id} onClick={() => onOpen(c.id)} style={{ cursor: 'pointer' }}>
              <Td>
                <Link tag={NavLink} to={`cases/${c.id}${typeQuery}`} state={{ from }} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
                  {c.trackingCode}
                </Link>
                {c.confidential ? (
                  <Box paddingTop={1}>
                    <Badge>{t('badge.confidential')}</Badge>
                  </Box>
                ) : null}
              </Td>
              {has('category') ? (
                <Td>
                  <Typography>{categoryName(c.category, locale)}</Typography>
                </Td>
              ) : null}
              <Td style={{ maxWidth: '320px', whiteSpace: 'normal' }}>
                {c.title ? (
                  <Typography fontWeight="bold" tag="div">
                    {excerpt(c.title, 60)}
                  </Typography>
                ) : null}
                <Typography textColor="neutral600" tag="div">
                  {excerpt(c.description, 90)}
                </Typography>
              </Td>
              {has('village') ? (
                <Td>
                  <Typography>{c.village ?? '-'}</Typography>
                </Td>
              ) : null}
              {has('channel') ? (
                <Td>
                  <Typography>{c.channel ? t(`channel.${c.channel}`) : '-'}</Typography>
                </Td>
              ) : null}
              <Td>
                <StateBadge state={c.state} />
                {c.reopenCount ? (
                  <Box paddingTop={1}>
                    <Badge>{t('badge.reopened', { count: c.reopenCount })}</Badge>
                  </Box>
                ) : null}
              </Td>
              <Td>
                {c.assignee ? (
                  <Typography>{staffName(c.assignee)}</Typography>
                ) : (
                  <Typography textColor="neutral500">{t('common.unassigned')}</Typography>
                )}
              </Td>
              <Td>
                <DueDate dueAt={c.dueAt} overdue={c.overdue} />
              </Td>
            </Tr>
          ))
        )}
      </Tbody>
    </Table>
  );
};

export default InboxPage;
