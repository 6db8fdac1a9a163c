import * as React from 'react';
import { Badge, Box, Field, Flex, Link, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { TRANSPARENCY_READ } from '../staff-permissions';
import type { Checklist, ChecklistGroup, ResolvedItem } from '../domain/checklist';

const PERMISSIONS = [{ action: TRANSPARENCY_READ, subject: null }];
const EDIT = '/content-manager/collection-types/api::transparency.transparency-item';

export function useT(prefix = 'nokok.ita') {
  const intl = useIntl();
  return React.useCallback((id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `${prefix}.${id}`, defaultMessage: id }, values), [intl, prefix]);
}

/** The fiscal years to choose from, and the one shown, kept in the address (?fiscalYear=). */
/** The fiscal year shown, to choose among the years that have items. */
export const YearSelect = ({ label, value, years, onChange }: { label: string; value: number; years: number[]; onChange: (y: number) => void }) => (
  <Box maxWidth="240px">
    <Field.Root name="fiscalYear">
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={String(value)} onChange={(v: string | number) => onChange(Number(v))}>
        {[...new Set([value, ...years])]
          .sort((a, b) => b - a)
          .map((y) => (
            <SingleSelectOption key={y} value={String(y)}>
              {String(y)}
            </SingleSelectOption>
          ))}
      </SingleSelect>
    </Field.Root>
  </Box>
);

export function useFiscalYear(): [number | undefined, (y: number) => void] {
  const read = () => {
    const raw = new URLSearchParams(window.location.search).get('fiscalYear');
    return raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
  };
  const [year, setYear] = React.useState<number | undefined>(read);
  const choose = React.useCallback((y: number) => {
    const url = new URL(window.location.href);
    url.searchParams.set('fiscalYear', String(y));
    window.history.replaceState(null, '', url.toString());
    setYear(y);
  }, []);
  return [year, choose];
}

const tone = { ok: 'success', missing: 'danger', stale: 'warning' } as const;
const StatusBadge = ({ status }: { status: ResolvedItem['status'] }) => {
  const t = useT();
  return (
    <Badge backgroundColor={`${tone[status]}100`} textColor={`${tone[status]}700`} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
};

/** Counts per group: the assessor's view of how ready each group is. */
const GroupTable = ({ groups }: { groups: ChecklistGroup[] }) => {
  const t = useT();
  const { locale, formatNumber } = useIntl();
  return (
    <Table colCount={5} rowCount={groups.length + 1} aria-labelledby="ita-groups">
      <Thead>
        <Tr>
          {['group', 'total', 'ok', 'missing', 'stale'].map((c) => (
            <Th key={c}>
              <Typography variant="sigma">{t(`col.${c}`)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {groups.map((g) => (
          <Tr key={g.key} data-group={g.key}>
            <Th scope="row" style={{ whiteSpace: 'normal', maxWidth: '420px' }}>
              <Typography>{locale.startsWith('en') ? g.title.en : g.title.th}</Typography>
            </Th>
            <Td>
              <Typography>{formatNumber(g.total)}</Typography>
            </Td>
            <Td>
              <Typography textColor="success600">{formatNumber(g.ok)}</Typography>
            </Td>
            <Td>
              <Typography textColor={g.missing ? 'danger600' : undefined} fontWeight={g.missing ? 'bold' : undefined} data-count="missing">
                {formatNumber(g.missing)}
              </Typography>
            </Td>
            <Td>
              <Typography textColor={g.stale ? 'warning600' : undefined} fontWeight={g.stale ? 'bold' : undefined} data-count="stale">
                {formatNumber(g.stale)}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/** What needs work: each missing or stale item, why, and a link to edit it. */
const ToDoTable = ({ items }: { items: Array<ResolvedItem & { group: string }> }) => {
  const t = useT();
  const { locale } = useIntl();
  if (!items.length) return <Typography textColor="success600">{t('todo.none')}</Typography>;
  return (
    <Table colCount={4} rowCount={items.length + 1} aria-labelledby="ita-todo">
      <Thead>
        <Tr>
          {['item', 'status', 'reason', 'edit'].map((c) => (
            <Th key={c}>
              <Typography variant="sigma">{t(`col.${c}`)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {items.map((i) => (
          <Tr key={i.code} data-item={i.code}>
            <Th scope="row" style={{ whiteSpace: 'normal', maxWidth: '420px' }}>
              <Typography>
                {i.code.toUpperCase()} {locale.startsWith('en') ? i.title.en : i.title.th}
              </Typography>
            </Th>
            <Td>
              <StatusBadge status={i.status} />
            </Td>
            <Td style={{ whiteSpace: 'normal' }}>
              <Typography>{i.reason ? t(`reason.${i.reason}`) : ''}</Typography>
            </Td>
            <Td>
              <Link tag={NavLink} to={`${EDIT}/${i.documentId}`}>
                {t('edit')}
              </Link>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const Checklist = () => {
  const t = useT();
  const { formatNumber } = useIntl();
  const { get } = useFetchClient();
  const [year, setYear] = useFiscalYear();
  const [list, setList] = React.useState<Checklist & { years: number[] }>();
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    get<{ data: Checklist & { years: number[] } }>(`/ita/checklist${year ? `?fiscalYear=${year}` : ''}`)
      .then(({ data }) => {
        setList(data.data);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [get, year]);

  if (!list) return failed ? <Page.Error /> : <Page.Loading />;
  const todo = list.groups.flatMap((g) => g.items.filter((i) => i.status !== 'ok').map((i) => ({ ...i, group: g.key })));
  return (
    <Page.Main>
      <Page.Title>{t('title')}</Page.Title>
      <Layouts.Header
        title={t('title')}
        subtitle={t('subtitle', { ok: formatNumber(list.counts.ok), total: formatNumber(list.counts.total), missing: formatNumber(list.counts.missing), stale: formatNumber(list.counts.stale) })}
        primaryAction={
          <Flex gap={3}>
            <Link href={`/transparency?fiscalYear=${list.fiscalYear}`} isExternal>
              {t('website')}
            </Link>
            <Link tag={NavLink} to={EDIT}>
              {t('items')}
            </Link>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={8}>
          <YearSelect label={t('year')} value={list.fiscalYear} years={list.years} onChange={setYear} />
          <Box tag="section" aria-labelledby="ita-groups">
            <Box paddingBottom={3}>
              <Typography tag="h2" id="ita-groups" variant="delta">
                {t('groups')}
              </Typography>
            </Box>
            <GroupTable groups={list.groups} />
          </Box>
          <Box tag="section" aria-labelledby="ita-todo">
            <Box paddingBottom={3}>
              <Typography tag="h2" id="ita-todo" variant="delta">
                {t('todo')}
              </Typography>
            </Box>
            <ToDoTable items={todo} />
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** /admin/ita: the ITA/OIT checklist's readiness for executives, auditors and the content editor (read-only; items are edited in the Content Manager). */
const TransparencyPage = () => (
  <Page.Protect permissions={PERMISSIONS}>
    <Checklist />
  </Page.Protect>
);

export default TransparencyPage;
