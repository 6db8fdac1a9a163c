import * as React from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ImportResult } from '../types/api';
import { errorText } from '../utils/errors';
import { languageHeaders, useT } from '../utils/i18n';

const CRS = ['auto', 'EPSG:4326', 'EPSG:32647', 'EPSG:32648', 'EPSG:24047', 'EPSG:24048', 'EPSG:4240'] as const;

export interface ImportPanelProps {
  slug: string;
  layerName: string;
  /** The preview to draw on the map (undefined clears it). */
  onPreview(result: ImportResult | undefined): void;
  onImported(count: number): void;
  onClose(): void;
}

/** Import into the edited layer: choose a file and its coordinate system, see it on the map with what was rejected, then commit. */
export const ImportPanel = ({ slug, layerName, onPreview, onImported, onClose }: ImportPanelProps) => {
  const t = useT();
  const { locale } = useIntl();
  const { post } = useFetchClient();
  const [file, setFile] = React.useState<File>();
  const [crs, setCrs] = React.useState<string>('auto');
  const [result, setResult] = React.useState<ImportResult>();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string>();
  const titleId = React.useId();

  const send = async (commit: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('crs', crs);
    form.append('commit', commit ? 'true' : 'false');
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await post<{ data: ImportResult }>(`/gis/layers/${encodeURIComponent(slug)}/import`, form, { headers: languageHeaders(locale) });
      if (commit) {
        onPreview(undefined);
        onImported(data.data.imported);
      } else {
        setResult(data.data);
        onPreview(data.data);
      }
    } catch (err) {
      setError(errorText(err, locale, t('import.failed')));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    onPreview(undefined);
    onClose();
  };

  return (
    <Box role="dialog" aria-labelledby={titleId} padding={4} background="neutral0" hasRadius shadow="tableShadow">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography id={titleId} variant="delta" tag="h2">
          {t('import.title', { layer: layerName })}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {t('import.formats')}
        </Typography>
        <Field.Root name="file" required>
          <Field.Label>{t('import.file')}</Field.Label>
          <input
            type="file"
            name="file"
            accept=".geojson,.json,.kml,.gpx,.zip"
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setResult(undefined);
              onPreview(undefined);
            }}
          />
        </Field.Root>
        <Field.Root name="crs" hint={t('import.crsHint')}>
          <Field.Label>{t('import.crs')}</Field.Label>
          <SingleSelect name="crs" value={crs} onChange={(v: string | number) => setCrs(String(v))}>
            {CRS.map((c) => (
              <SingleSelectOption key={c} value={c}>
                {t(`crs.${c}`)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Hint />
        </Field.Root>
        {error ? (
          <Box role="alert" padding={3} background="danger100" hasRadius>
            <Typography textColor="danger700">{error}</Typography>
          </Box>
        ) : null}
        {result ? (
          <Box padding={3} background="neutral100" hasRadius>
            <Typography tag="p">{t('import.summary', { count: result.featureCount, format: result.format, crs: result.crs, rejected: result.rejected.length })}</Typography>
            {result.rejected.length ? (
              <Box tag="ul" paddingTop={2} style={{ maxHeight: 160, overflowY: 'auto', listStyle: 'disc', paddingLeft: 20 }}>
                {result.rejected.map((r) => (
                  <li key={`${r.index}-${r.code}`}>
                    <Typography variant="pi">{t('import.rejectedRow', { n: r.index + 1, name: r.name ?? '', message: r.message || r.code })}</Typography>
                  </li>
                ))}
              </Box>
            ) : null}
          </Box>
        ) : null}
        <Flex gap={2} wrap="wrap">
          <Button variant="secondary" disabled={!file || busy} loading={busy && !result} onClick={() => void send(false)}>
            {t('import.preview')}
          </Button>
          <Button disabled={!result || !result.featureCount || busy} loading={busy && Boolean(result)} onClick={() => void send(true)}>
            {t('import.commit')}
          </Button>
          <Button variant="tertiary" onClick={close}>
            {t('common.close')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
