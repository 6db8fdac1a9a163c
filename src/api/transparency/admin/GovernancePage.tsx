import * as React from 'react';
import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { GOVERNANCE_READ } from '../staff-permissions';
import type { Governance, Indicator, PrincipleFigures } from '../domain/governance';
import { YearSelect, useFiscalYear, useT } from './TransparencyPage';

const PERMISSIONS = [{ action: GOVERNANCE_READ, subject: null }];
const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

/** A value in its unit: a share as a percentage, days with one decimal, counts and pages as whole numbers. */
function useFormat() {
  const t = useT('nokok.governance');
  const intl = useIntl();
  return React.useCallback(
    (value: number | null, unit: Indicator['unit']) => {
      if (value === null) return t('none');
      if (unit === 'share') return intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
      if (unit === 'days') return t('unit.days', { value: intl.formatNumber(value, { maximumFractionDigits: 1 }) });
      if (unit === 'pages') return t('unit.pages', { value: intl.formatNumber(value) });
      return intl.formatNumber(value);
    },
    [intl, t]
  );
}

/** One principle: its indicators, how each is computed, the year's value and the quarters'. */
const PrincipleTable = ({ principle }: { principle: PrincipleFigures }) => {
  const t = useT('nokok.governance');
  const format = useFormat();
  const id = `principle-${principle.key}`;
  return (
    <Box tag="section" aria-labelledby={id} data-principle={principle.key}>
      <Box paddingBottom={3}>
        <Typography tag="h2" id={id} variant="delta">
          {t(`principle.${principle.key}`)}
        </Typography>
      </Box>
      <Table colCount={7} rowCount={principle.indicators.length + 1} aria-labelledby={id}>
        <Thead>
          <Tr>
            {['indicator', 'how', 'value', ...QUARTERS].map((c) => (
              <Th key={c}>
                <Typography variant="sigma">{t(`col.${c}`)}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {principle.indicators.map((i) => (
            <Tr key={i.key} data-indicator={i.key}>
              <Th scope="row" style={{ whiteSpace: 'normal', maxWidth: '240px' }}>
                <Typography fontWeight="bold">{t(`indicator.${i.key}`)}</Typography>
              </Th>
              <Td style={{ whiteSpace: 'normal', maxWidth: '360px' }}>
                <Typography variant="pi" textColor="neutral600">
                  {t(`indicator.${i.key}.how`)}
                </Typography>
              </Td>
              <Td>
                <Typography fontWeight="bold" data-value>
                  {format(i.value, i.unit)}
                </Typography>
              </Td>
              {QUARTERS.map((q, n) => (
                <Td key={q}>
                  <Typography>{i.quarters ? format(i.quarters[n], i.unit) : t('none')}</Typography>
                </Td>
              ))}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};

const Dashboard = () => {
  const t = useT('nokok.governance');
  const { get } = useFetchClient();
  const [year, setYear] = useFiscalYear();
  const [figures, setFigures] = React.useState<Governance>();
  const [years, setYears] = React.useState<number[]>([]);
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    const q = year ? `?fiscalYear=${year}` : '';
    get<{ data: Governance }>(`/ita/governance${q}`)
      .then(({ data }) => {
        setFigures(data.data);
        setFailed(false);
      })
      .catch(() => setFailed(true));
    // The years that have a checklist, to choose from (an officer without the ITA page just sees this one).
    get<{ data: { years: number[] } }>(`/ita/checklist${q}`)
      .then(({ data }) => setYears(data.data.years))
      .catch(() => setYears([]));
  }, [get, year]);

  if (!figures) return failed ? <Page.Error /> : <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{t('title')}</Page.Title>
      <Layouts.Header title={t('title')} subtitle={t('subtitle', { year: String(figures.fiscalYear) })} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={8}>
          <YearSelect label={t('year')} value={figures.fiscalYear} years={years} onChange={setYear} />
          {figures.statistics ? null : (
            <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" role="status">
              <Typography textColor="neutral600">{t('noStatistics')}</Typography>
            </Box>
          )}
          {figures.principles.map((p) => (
            <PrincipleTable key={p.key} principle={p} />
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** /admin/governance: the six principles of good governance, for executives and auditors (read-only). */
const GovernancePage = () => (
  <Page.Protect permissions={PERMISSIONS}>
    <Dashboard />
  </Page.Protect>
);

export default GovernancePage;
