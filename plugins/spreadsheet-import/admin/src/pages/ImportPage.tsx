import * as React from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Link,
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
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink, useParams } from 'react-router-dom';
import { IssueTable } from '../components/IssueTable';
import { errorText, fill, useLang, useT } from '../utils/i18n';
import { useTargets } from '../utils/useTargets';
import type { Check, Status, Target, Upload } from '../types';

const NONE = 'none';

/** Upload → match columns → check every row → run in the background with a progress bar → report. */
const ImportFlow = ({ target }: { target: Target }) => {
  const t = useT();
  const lang = useLang();
  const { locale } = useIntl();
  const thai = locale.toLowerCase().startsWith('th');
  const { post, get } = useFetchClient();
  const base = `/spreadsheet-import/targets/${target.id}/imports`;
  const [file, setFile] = React.useState<File | null>(null);
  const [upload, setUpload] = React.useState<Upload>();
  const [mapping, setMapping] = React.useState<Record<string, number>>({});
  const [check, setCheck] = React.useState<Check>();
  const [status, setStatus] = React.useState<Status>();
  // Rows dated more than a year from today go in only when staff tick this, having seen them listed.
  const [confirmFar, setConfirmFar] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();

  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setUpload(undefined);
    setCheck(undefined);
    setStatus(undefined);
    setConfirmFar(false);
    try {
      const form = new FormData();
      form.append('file', file);
      const { data } = await post<Upload>(base, form);
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
    setError(undefined);
    setConfirmFar(false);
    try {
      setCheck((await post<Check>(`${base}/${upload.id}/check`, { mapping })).data);
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
      setStatus((await post<Status>(`${base}/${upload.id}/run`, { mapping, confirmFarDates: confirmFar })).data);
    } catch (e) {
      setError(errorText(e, thai, t('error')));
    }
  };

  // While the run goes on, ask how far it got twice a second.
  React.useEffect(() => {
    if (!upload || status?.state !== 'running') return undefined;
    const timer = setInterval(() => {
      get<Status>(`${base}/${upload.id}`)
        .then(({ data }) => setStatus(data))
        .catch(() => undefined);
    }, 500);
    return () => clearInterval(timer);
  }, [get, base, upload, status?.state]);

  const mapped = target.fields.filter((f) => mapping[f.key] !== undefined);
  const nameOf = (key: string) => lang(target.fields.find((f) => f.key === key) ?? { th: key, en: key });
  // The preview shows how each cell was read (a date's year above all) from the latest check, else the upload.
  const read = check?.read ?? upload?.read ?? [];
  const toRun = check ? check.valid + (confirmFar ? check.toConfirm : 0) : 0;
  const percent = status?.state === 'done' ? 100 : status && status.total ? Math.round((status.done / status.total) * 100) : 0;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {target.description ? <Typography textColor="neutral600">{lang(target.description)}</Typography> : null}
      {error ? (
        <Alert variant="danger" closeLabel={t('close')} title={t('error')} onClose={() => setError(undefined)}>
          {error}
        </Alert>
      ) : null}
      <Flex gap={3} alignItems="flex-end" wrap="wrap">
        <Field.Root name="file" hint={target.headerRow === 'optional' ? t('fileHint.optional') : t('fileHint.required')}>
          <Field.Label>{t('file')}</Field.Label>
          <input
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t('file')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Field.Hint />
        </Field.Root>
        <Button onClick={() => void send()} disabled={!file} loading={busy && !upload}>
          {t('upload')}
        </Button>
      </Flex>

      {upload ? (
        <>
          <Typography>{t(upload.hasHeader ? 'read' : 'read.noHeader', { file: upload.fileName, n: upload.rowCount })}</Typography>
          <Typography tag="h3" variant="delta">
            {t('mapping')}
          </Typography>
          <Grid.Root gap={3}>
            {target.fields.map((f) => (
              <Grid.Item key={f.key} col={4} s={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root name={`map-${f.key}`} required={f.required}>
                  <Field.Label>{lang(f)}</Field.Label>
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
                    <SingleSelectOption value={NONE}>{t('notUsed')}</SingleSelectOption>
                    {upload.headers.map((h, i) => (
                      <SingleSelectOption key={i} value={String(i)}>
                        {h || t('column', { n: i + 1 })}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
            ))}
          </Grid.Root>

          <Typography tag="h3" variant="delta">
            {t('preview', { n: upload.sample.length })}
          </Typography>
          <Box overflow="auto">
            <Table colCount={mapped.length} rowCount={upload.sample.length + 1}>
              <Thead>
                <Tr>
                  {mapped.map((f) => (
                    <Th key={f.key}><Typography variant="sigma">{lang(f)}</Typography></Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {upload.sample.map((row, r) => (
                  <Tr key={r}>
                    {mapped.map((f) => {
                      const as = read[r]?.[f.key];
                      return (
                        <Td key={f.key}>
                          <Flex direction="column" alignItems="flex-start">
                            <Typography>{row[mapping[f.key]] ?? ''}</Typography>
                            {as ? <Typography variant="pi" textColor="neutral600">{t('readAs', { value: lang(as) })}</Typography> : null}
                          </Flex>
                        </Td>
                      );
                    })}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>

          <Flex gap={3}>
            <Button variant="secondary" onClick={() => void runCheck()} loading={busy}>
              {t('check')}
            </Button>
            {check && !check.missing.length && toRun > 0 && status?.state !== 'running' && status?.state !== 'done' ? (
              <Button onClick={() => void runImport()}>{t('run', { n: toRun })}</Button>
            ) : null}
          </Flex>

          {check ? (
            <Flex direction="column" alignItems="stretch" gap={3}>
              {check.missing.length ? (
                <Typography textColor="danger600">{t('missing', { fields: check.missing.map(nameOf).join(', ') })}</Typography>
              ) : (
                <Flex gap={3}>
                  {/* Explicit colours: the design system's active badge falls short of WCAG AA contrast. */}
                  <Badge textColor="success700" backgroundColor="success100">
                    {t('valid', { n: check.valid })}
                  </Badge>
                  {check.invalid ? (
                    <Badge textColor="danger700" backgroundColor="danger100">
                      {t('invalid', { n: check.invalid })}
                    </Badge>
                  ) : null}
                  {check.toConfirm ? (
                    <Badge textColor="neutral800" backgroundColor="warning100">
                      {t('toConfirm', { n: check.toConfirm })}
                    </Badge>
                  ) : null}
                </Flex>
              )}
              {check.confirm.length ? (
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <IssueTable rows={check.confirm} fields={target.fields} caption={t('confirm.caption')} />
                  <Checkbox checked={confirmFar} onCheckedChange={(checked) => setConfirmFar(checked === true)} disabled={status?.state === 'running' || status?.state === 'done'}>
                    {t('confirm.label', { n: check.toConfirm })}
                  </Checkbox>
                </Flex>
              ) : null}
              {check.failed.length ? <IssueTable rows={check.failed} fields={target.fields} caption={t('issues')} /> : null}
            </Flex>
          ) : null}

          {status ? (
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography id="import-progress-label">{t('progress', { done: status.done, total: status.total })}</Typography>
              {/* The design system's bar draws the value but does not announce it: say it ourselves. */}
              <ProgressBar value={percent} aria-labelledby="import-progress-label" aria-valuenow={percent} aria-valuetext={`${percent}%`} />
              {status.state === 'done' && status.report ? (
                <>
                  <Typography role="status" fontWeight="bold">
                    {fill(lang(target.summary), { ...status.report.counts, total: status.report.total, refused: status.report.failed.length })}
                  </Typography>
                  {status.report.failed.length ? <IssueTable rows={status.report.failed} fields={target.fields} caption={t('refused')} /> : null}
                </>
              ) : null}
              {status.state === 'failed' ? <Typography textColor="danger600">{t('failed', { error: status.error ?? '' })}</Typography> : null}
            </Flex>
          ) : null}
        </>
      ) : null}
    </Flex>
  );
};

/** /admin/plugins/spreadsheet-import/:target — titled and described by the target itself. */
const ImportPage = () => {
  const t = useT();
  const lang = useLang();
  const { target: id } = useParams<{ target: string }>();
  const { targets, failed } = useTargets();
  if (failed) return <Page.Error />;
  if (!targets) return <Page.Loading />;
  const target = targets.find((x) => x.id === id);
  // Unknown, or not this user's: the server would refuse it anyway.
  if (!target) return <Page.NoPermissions />;
  return (
    <Page.Main>
      <Page.Title>{lang(target.label)}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to=".." relative="path" startIcon={<ArrowLeft />}>
            {t('back')}
          </Link>
        }
        title={lang(target.label)}
        subtitle={t('subtitle')}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          {/* A new target starts a new flow: nothing of the last one's upload survives. */}
          <ImportFlow key={target.id} target={target} />
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ImportPage;
