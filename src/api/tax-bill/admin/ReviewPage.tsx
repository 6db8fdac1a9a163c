import * as React from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { RECONCILE_PERMISSION, TAX_PAYMENTS_TARGET } from '../staff-permissions';

interface ReviewPayment {
  id: number;
  paidAt: string;
  amount: number | string;
  bankReference: string;
  ref1: string | null;
  ref2: string | null;
  reviewReason: 'partial' | 'overpaid' | 'unmatched' | 'already_paid';
  bill: { billNumber: string; taxYear: number } | null;
}

const PERMISSIONS = [{ action: RECONCILE_PERMISSION, subject: null }];

function useT() {
  const intl = useIntl();
  return React.useCallback((id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `nokok.tax.${id}`, defaultMessage: id }, values), [intl]);
}

/** Bank payments the reconciliation could not apply on its own: partial, over-paid, unmatched, to a paid bill. */
const Review = () => {
  const t = useT();
  const intl = useIntl();
  const { get } = useFetchClient();
  const [payments, setPayments] = React.useState<ReviewPayment[]>();
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    get<{ results: ReviewPayment[] }>('/tax-bills/payments/review')
      .then(({ data }) => setPayments(data.results))
      .catch(() => setFailed(true));
  }, [get]);
  if (failed) return <Page.Error />;
  if (!payments) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{t('review.title')}</Page.Title>
      <Layouts.Header
        title={t('review.title')}
        subtitle={t('review.subtitle', { n: payments.length })}
        primaryAction={
          <Button tag={NavLink} to={`/plugins/spreadsheet-import/${TAX_PAYMENTS_TARGET}`} startIcon={<Upload />}>
            {t('review.upload')}
          </Button>
        }
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          {payments.length ? (
            <Table colCount={5} rowCount={payments.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('review.date')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('review.bankRef')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('review.bill')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('review.amount')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('review.reason')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {payments.map((p) => (
                  <Tr key={p.id} data-bank-ref={p.bankReference}>
                    <Td><Typography>{intl.formatDate(p.paidAt, { dateStyle: 'medium', timeZone: 'Asia/Bangkok' })}</Typography></Td>
                    <Td><Typography>{p.bankReference}</Typography></Td>
                    <Td><Typography>{p.bill ? `${p.bill.billNumber} (${p.bill.taxYear})` : `${p.ref1 ?? ''} ${p.ref2 ?? ''}`}</Typography></Td>
                    <Td><Typography>{intl.formatNumber(Number(p.amount), { minimumFractionDigits: 2 })}</Typography></Td>
                    <Td><Badge>{t(`review.reason.${p.reviewReason}`)}</Badge></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          ) : (
            <Flex>
              <Typography>{t('review.none')}</Typography>
            </Flex>
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

/** /admin/tax-payments: for whoever may reconcile the bank's report (the menu hides it from the rest). */
const ReviewPage = () => (
  <Page.Protect permissions={PERMISSIONS}>
    <Review />
  </Page.Protect>
);

export default ReviewPage;
