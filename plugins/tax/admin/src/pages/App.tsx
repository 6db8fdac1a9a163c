import * as React from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  ProgressBar,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

interface FieldDef {
  key: string;
  th: string;
  en: string;
  required: boolean;
}
interface Upload {
  id: string;
  fileName: string;
  headers: string[];
  rowCount: number;
  mapping: Record<string, number>;
  fields: FieldDef[];
  sample: string[][];
}
interface Issue {
  field: string;
  th: string;
  en: string;
}
interface Check {
  total: number;
  valid: number;
  invalid: number;
  missing: string[];
  failed: Array<{ row: number; issues: Issue[] }>;
}
interface Status {
  state: 'ready' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  report: { total: number; created: number; updated: number; unchanged: number; failed: Array<{ row: number; issues: Issue[] }> } | null;
  error: string | null;
}
interface Reconciled {
  total: number;
  applied: number;
  duplicate: number;
  review: number;
  failed: Array<{ row: number; issues: Issue[] }>;
}

const NONE = 'none';
const READ = [{ action: 'plugin::tax.bills.import', subject: null }];

function useT() {
  const { formatMessage } = useIntl();
  return React.useCallback((id: string, values?: Record<string, string | number>) => formatMessage({ id: `tax.${id}`, defaultMessage: id }, values) as string, [formatMessage]);
}

const errorText = (e: unknown, thai: boolean, fallback: string) => {
  const message = isFetchError(e) ? (e.response?.data as { error?: { message?: string } } | undefined)?.error?.message : undefined;
  if (!message) return fallback;
  const [th, ...en] = message.split(' / ');
  return thai || !en.length ? th : en.join(' / ');
};

/** Refused rows with their reasons, in the admin's language. */
const IssueTable = ({ rows, fields, caption }: { rows: Array<{ row: number; issues: Issue[] }>; fields: FieldDef[]; caption: string }) => {
  const t = useT();
  const { locale } = useIntl();
  const thai = locale.startsWith('th');
  const label = (key: string) => {
    const f = fields.find((x) => x.key === key);
    return f ? (thai ? f.th : f.en) : key;
  };
  return (
    <Box>
      <Typography tag="h3" variant="delta">
        {caption}
      </Typography>
      <Table colCount={3} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('report.row')}</Typography></Th>
            <Th><Typography variant="sigma">{t('report.field')}</Typography></Th>
            <Th><Typography variant="sigma">{t('report.reason')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.flatMap((r) =>
            r.issues.map((i, n) => (
              <Tr key={`${r.row}-${n}`} data-row={r.row}>
                <Td><Typography>{r.row}</Typography></Td>
                <Td><Typography>{label(i.field)}</Typography></Td>
                <Td><Typography>{thai ? i.th : i.en}</Typography></Td>
              </Tr>
            ))
          )}
        </Tbody>
      </Table>
    </Box>
  );
};

const Section = ({ id, title, children }: { id: string; title: string; children: React.ReactNode }) => (
  <Box tag="section" aria-labelledby={id} background="neutral0" padding={6} shadow="tableShadow" hasRadius>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography id={id} tag="h2" variant="beta">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

/** Upload → map columns → check every row → import with a progress bar → report. */
const ImportSection = () => {
  const t = useT();
  const { locale } = useIntl();
  const thai = locale.startsWith('th');
  const { post, get } = useFetchClient();
  const [file, setFile] = React.useState<File | null>(null);
  const [upload, setUpload] = React.useState<Upload>();
  const [mapping, setMapping] = React.useState<Record<string, number>>({});
  const [check, setCheck] = React.useState<Check>();
  const [status, setStatus] = React.useState<Status>();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();

  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setCheck(undefined);
    setStatus(undefined);
    try {
      const form = new FormData();
      form.append('file', file);
      const { data } = await post<Upload>('/tax/imports', form);
      setUpload(data);
      setMapping(data.mapping);
    } catch (e) {
      setError(errorText(e, thai, t('error')));
    } finally {
      setBusy(false);
    }
  };

  const runCheck = async () => {
    if (!upload) return;
    setBusy(true);
    try {
      setCheck((await post<Check>(`/tax/imports/${upload.id}/check`, { mapping })).data);
    } catch (e) {
      setError(errorText(e, thai, t('error')));
    } finally {
      setBusy(false);
    }
  };

  const runImport = async () => {
    if (!upload) return;
    setError(undefined);
    try {
      setStatus((await post<Status>(`/tax/imports/${upload.id}/run`, { mapping })).data);
    } catch (e) {
      setError(errorText(e, thai, t('error')));
    }
  };

  // While the import runs, ask how far it got twice a second.
  React.useEffect(() => {
    if (!upload || status?.state !== 'running') return undefined;
    const timer = setInterval(() => {
      get<Status>(`/tax/imports/${upload.id}`)
        .then(({ data }) => setStatus(data))
        .catch(() => undefined);
    }, 500);
    return () => clearInterval(timer);
  }, [get, upload, status?.state]);

  const fieldName = (f: FieldDef) => (thai ? f.th : f.en);
  const percent = status && status.total ? Math.round((status.done / status.total) * 100) : 0;

  return (
    <Section id="tax-import" title={t('import.title')}>
      <Typography textColor="neutral600">{t('import.intro')}</Typography>
      {error ? (
        <Alert variant="danger" closeLabel={t('close')} title={t('error')} onClose={() => setError(undefined)}>
          {error}
        </Alert>
      ) : null}
      <Flex gap={3} alignItems="flex-end" wrap="wrap">
        <Field.Root name="file" hint={t('import.fileHint')}>
          <Field.Label>{t('import.file')}</Field.Label>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t('import.file')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Field.Hint />
        </Field.Root>
        <Button onClick={send} disabled={!file} loading={busy && !upload}>
          {t('import.upload')}
        </Button>
      </Flex>

      {upload ? (
        <>
          <Typography>{t('import.read', { file: upload.fileName, n: upload.rowCount })}</Typography>
          <Typography tag="h3" variant="delta">
            {t('import.mapping')}
          </Typography>
          <Grid.Root gap={3}>
            {upload.fields.map((f) => (
              <Grid.Item key={f.key} col={4} s={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root name={`map-${f.key}`} required={f.required}>
                  <Field.Label>{fieldName(f)}</Field.Label>
                  <SingleSelect
                    value={mapping[f.key] === undefined ? NONE : String(mapping[f.key])}
                    onChange={(v: string | number) => {
                      setCheck(undefined);
                      setMapping((m) => {
                        const next = { ...m };
                        if (v === NONE) delete next[f.key];
                        else next[f.key] = Number(v);
                        return next;
                      });
                    }}
                  >
                    <SingleSelectOption value={NONE}>{t('import.notUsed')}</SingleSelectOption>
                    {upload.headers.map((h, i) => (
                      <SingleSelectOption key={i} value={String(i)}>
                        {h || t('import.column', { n: i + 1 })}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
            ))}
          </Grid.Root>

          <Typography tag="h3" variant="delta">
            {t('import.preview')}
          </Typography>
          <Box overflow="auto">
            <Table colCount={upload.fields.length} rowCount={upload.sample.length + 1}>
              <Thead>
                <Tr>
                  {upload.fields.filter((f) => mapping[f.key] !== undefined).map((f) => (
                    <Th key={f.key}><Typography variant="sigma">{fieldName(f)}</Typography></Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {upload.sample.map((row, r) => (
                  <Tr key={r}>
                    {upload.fields.filter((f) => mapping[f.key] !== undefined).map((f) => (
                      <Td key={f.key}><Typography>{row[mapping[f.key]] ?? ''}</Typography></Td>
                    ))}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>

          <Flex gap={3}>
            <Button variant="secondary" onClick={runCheck} loading={busy}>
              {t('import.check')}
            </Button>
            {check && !check.missing.length && check.valid > 0 && status?.state !== 'running' && status?.state !== 'done' ? (
              <Button onClick={runImport}>{t('import.run', { n: check.valid })}</Button>
            ) : null}
          </Flex>

          {check ? (
            <Flex direction="column" alignItems="stretch" gap={3}>
              {check.missing.length ? (
                <Typography textColor="danger600">{t('import.missing', { fields: check.missing.map((k) => fieldName(upload.fields.find((f) => f.key === k)!)).join(', ') })}</Typography>
              ) : (
                <Flex gap={3}>
                  <Badge active>{t('import.valid', { n: check.valid })}</Badge>
                  {check.invalid ? <Badge>{t('import.invalid', { n: check.invalid })}</Badge> : null}
                </Flex>
              )}
              {check.failed.length ? <IssueTable rows={check.failed} fields={upload.fields} caption={t('import.issues')} /> : null}
            </Flex>
          ) : null}

          {status ? (
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography id="tax-progress-label">{t('import.progress', { done: status.done, total: status.total })}</Typography>
              {/* The design system's bar draws the value but does not announce it: say it ourselves. */}
              <ProgressBar
                value={status.state === 'done' ? 100 : percent}
                aria-labelledby="tax-progress-label"
                aria-valuenow={status.state === 'done' ? 100 : percent}
                aria-valuetext={`${status.state === 'done' ? 100 : percent}%`}
              />
              {status.state === 'done' && status.report ? (
                <Typography role="status" fontWeight="bold">
                  {t('import.done', { created: status.report.created, updated: status.report.updated, unchanged: status.report.unchanged, refused: status.report.failed.length })}
                </Typography>
              ) : null}
              {status.state === 'failed' ? <Typography textColor="danger600">{status.error}</Typography> : null}
            </Flex>
          ) : null}
        </>
      ) : null}
    </Section>
  );
};

interface ReviewPayment {
  id: number;
  paidAt: string;
  amount: number | string;
  bankReference: string;
  ref1?: string | null;
  ref2?: string | null;
  reviewReason: string;
  bill?: { billNumber: string; taxYear: number } | null;
}

/** The bank's bill-payment report: applied at once, with what needs a person listed. */
const ReconcileSection = () => {
  const t = useT();
  const { locale, formatDate, formatNumber } = useIntl();
  const thai = locale.startsWith('th');
  const { post, get } = useFetchClient();
  const [file, setFile] = React.useState<File | null>(null);
  const [result, setResult] = React.useState<Reconciled>();
  const [review, setReview] = React.useState<ReviewPayment[]>([]);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const loadReview = React.useCallback(() => {
    get<{ results: ReviewPayment[] }>('/tax/payments/review')
      .then(({ data }) => setReview(data.results))
      .catch(() => undefined);
  }, [get]);
  React.useEffect(loadReview, [loadReview]);
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const form = new FormData();
      form.append('file', file);
      setResult((await post<Reconciled>('/tax/payments', form)).data);
      loadReview();
    } catch (e) {
      setError(errorText(e, thai, t('error')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="tax-reconcile" title={t('reconcile.title')}>
      <Typography textColor="neutral600">{t('reconcile.intro')}</Typography>
      {error ? <Typography textColor="danger600">{error}</Typography> : null}
      <Flex gap={3} alignItems="flex-end" wrap="wrap">
        <Field.Root name="bank-file">
          <Field.Label>{t('reconcile.file')}</Field.Label>
          <input type="file" accept=".csv,.xlsx" aria-label={t('reconcile.file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field.Root>
        <Button onClick={send} disabled={!file} loading={busy}>
          {t('reconcile.upload')}
        </Button>
      </Flex>
      {result ? (
        <>
          <Typography role="status" fontWeight="bold">
            {t('reconcile.done', { total: result.total, applied: result.applied, review: result.review, duplicate: result.duplicate, refused: result.failed.length })}
          </Typography>
          {result.failed.length ? (
            <IssueTable
              rows={result.failed}
              fields={[
                { key: 'date', th: 'วันที่ชำระ', en: 'Date', required: true },
                { key: 'ref1', th: 'เลขอ้างอิง 1', en: 'Reference 1', required: true },
                { key: 'amount', th: 'จำนวนเงิน', en: 'Amount', required: true },
                { key: 'bankReference', th: 'เลขอ้างอิงธนาคาร', en: 'Bank reference', required: true },
              ]}
              caption={t('import.issues')}
            />
          ) : null}
        </>
      ) : null}
      {review.length ? (
        <Box>
          <Typography tag="h3" variant="delta">
            {t('review.title', { n: review.length })}
          </Typography>
          <Table colCount={5} rowCount={review.length + 1}>
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
              {review.map((p) => (
                <Tr key={p.id} data-bank-ref={p.bankReference}>
                  <Td><Typography>{formatDate(p.paidAt, { dateStyle: 'medium' })}</Typography></Td>
                  <Td><Typography>{p.bankReference}</Typography></Td>
                  <Td><Typography>{p.bill ? `${p.bill.billNumber} (${p.bill.taxYear})` : `${p.ref1 ?? ''} ${p.ref2 ?? ''}`}</Typography></Td>
                  <Td><Typography>{formatNumber(Number(p.amount), { minimumFractionDigits: 2 })}</Typography></Td>
                  <Td><Badge>{t(`review.reason.${p.reviewReason}`)}</Badge></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      ) : null}
    </Section>
  );
};

const App = () => {
  const t = useT();
  return (
    <Page.Protect permissions={READ}>
      <Page.Main>
        <Page.Title>{t('title')}</Page.Title>
        <Layouts.Header title={t('title')} subtitle={t('subtitle')} />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <ImportSection />
            <ReconcileSection />
          </Flex>
        </Layouts.Content>
      </Page.Main>
    </Page.Protect>
  );
};

export default App;
