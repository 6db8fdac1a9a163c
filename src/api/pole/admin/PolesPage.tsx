import * as React from 'react';
import { createPortal } from 'react-dom';
import { Badge, Box, Button, Flex, Grid, Link, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { ArrowLeft, File as Printer } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink, Route, Routes, useParams } from 'react-router-dom';
import type { MapTiles } from '../../../shared/map-tiles';
import { backend, fetchMapTiles, fetchPoles, fetchTown, TONES, type Pole, type Town } from './api';

const PoleMap = React.lazy(() => import('./PoleMap'));

function useT() {
  const intl = useIntl();
  return React.useCallback((id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `nokok.poles.${id}`, defaultMessage: id }, values), [intl]);
}

function usePoles() {
  const [poles, setPoles] = React.useState<Pole[]>();
  const [town, setTown] = React.useState<Town>({});
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    Promise.all([fetchPoles(), fetchTown()])
      .then(([p, t]) => {
        setPoles(p);
        setTown(t);
      })
      .catch(() => setFailed(true));
  }, []);
  return { poles, town, failed };
}

/** The map's tile source: undefined while it loads, null when it could not (the dots still show). */
function useMapTiles() {
  const [tiles, setTiles] = React.useState<MapTiles | null>();
  React.useEffect(() => {
    fetchMapTiles()
      .then(setTiles)
      .catch(() => setTiles(null));
  }, []);
  return tiles;
}

const StatusBadge = ({ status }: { status: Pole['status'] }) => {
  const t = useT();
  return (
    <Badge textColor="neutral0" backgroundColor={TONES[status]} style={{ background: TONES[status], color: '#fff' }}>
      {t(`status.${status}`)}
    </Badge>
  );
};

/** The overview: poles on a map coloured by status, a table, and the way to the printable labels. */
const Overview = () => {
  const t = useT();
  const { poles, failed } = usePoles();
  const tiles = useMapTiles();
  const statusLabel = React.useCallback((s: Pole['status']) => t(`status.${s}`), [t]);
  if (failed) return <Page.Error />;
  if (!poles) return <Page.Loading />;
  const count = (s: Pole['status']) => poles.filter((p) => p.status === s).length;
  return (
    <Page.Main>
      <Page.Title>{t('title')}</Page.Title>
      <Layouts.Header
        title={t('title')}
        subtitle={t('subtitle', { n: poles.length })}
        primaryAction={
          <Button tag={NavLink} to="labels" startIcon={<Printer />}>
            {t('printAll')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} wrap="wrap" tag="ul" aria-label={t('counts')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {(['working', 'reported', 'under_repair', 'out_of_service'] as const).map((s) => (
              <Flex key={s} tag="li" gap={2}>
                <StatusBadge status={s} />
                <Typography fontWeight="bold" data-count={s}>
                  {count(s)}
                </Typography>
              </Flex>
            ))}
          </Flex>
          {/* The table gets the wider share: at 1280 px its five columns fit without a sideways scroll. */}
          <Grid.Root gap={4}>
            <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
              <Box background="neutral0" padding={2} hasRadius shadow="tableShadow">
                {tiles !== undefined ? (
                  <React.Suspense fallback={<Page.Loading />}>
                    <PoleMap poles={poles} tiles={tiles} label={t('map')} statusLabel={statusLabel} />
                  </React.Suspense>
                ) : (
                  <Page.Loading />
                )}
              </Box>
            </Grid.Item>
            <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
              <Table colCount={5} rowCount={poles.length + 1}>
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{t('code')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('name')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('village')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('status')}</Typography></Th>
                    <Th><VisuallyHidden>{t('label')}</VisuallyHidden></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {poles.map((p) => (
                    <Tr key={p.code} data-pole={p.code}>
                      <Td><Typography fontWeight="bold">{p.code}</Typography></Td>
                      <Td><Typography>{p.name}</Typography></Td>
                      <Td><Typography>{p.village ?? '-'}</Typography></Td>
                      <Td><StatusBadge status={p.status} /></Td>
                      <Td>
                        <Link tag={NavLink} to={`labels/${encodeURIComponent(p.code)}`} aria-label={t('labelOf', { code: p.code })}>
                          {t('label')}
                        </Link>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              <Box paddingTop={2}>
                <Typography variant="pi" textColor="neutral600">{t('editHint')}</Typography>
              </Box>
            </Grid.Item>
          </Grid.Root>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

// One label per A4 page: a 160 mm QR code scans from about 1.6 m (roughly ten times its width),
// and the pole code is set about 22 mm tall, readable from further than that.
const PRINT_CSS = `
.nokok-sheet { display: flex; flex-direction: column; align-items: center; gap: 24px; padding: 24px 0; }
.nokok-label { width: 210mm; height: 297mm; box-sizing: border-box; padding: 12mm 15mm; background: #fff; color: #000;
  display: flex; flex-direction: column; align-items: center; justify-content: space-between; text-align: center;
  font-family: "Sarabun", "Noto Sans Thai", "TH Sarabun New", Tahoma, sans-serif; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
.nokok-label h2 { font-size: 15mm; line-height: 1.2; margin: 0; }
.nokok-label .town { font-size: 7mm; margin: 0; }
.nokok-label img { width: 160mm; height: 160mm; display: block; }
.nokok-label .code { font: 700 22mm/1 "DejaVu Sans Mono", Menlo, Consolas, monospace; letter-spacing: 1mm; margin: 0; }
.nokok-label .phone { font-size: 8mm; margin: 0; }
@media print {
  @page { size: A4 portrait; margin: 0; }
  body > *:not(.nokok-print) { display: none !important; }
  .nokok-sheet { display: block; padding: 0; }
  .nokok-label { box-shadow: none; break-after: page; page-break-after: always; }
  .nokok-label:last-child { break-after: auto; page-break-after: auto; }
}
@media screen { .nokok-print { display: none; } }
`;

const Label = ({ pole, town }: { pole: Pole; town: Town }) => {
  const t = useT();
  return (
    <section className="nokok-label" aria-label={t('labelOf', { code: pole.code })}>
      <p className="town">{town.nameTh}</p>
      <h2>{t('print.scan')}</h2>
      <img src={backend(`/api/poles/${encodeURIComponent(pole.code)}/qr.svg`)} alt={t('print.qrAlt', { code: pole.code })} />
      <p className="code">{pole.code}</p>
      <p className="phone">{town.phone ? t('print.phone', { phone: town.phone }) : pole.name}</p>
    </section>
  );
};

/** The printable sheet: all labels, or one pole's (from its row). On screen a preview; print shows only the labels. */
const Labels = () => {
  const t = useT();
  const { code } = useParams<{ code?: string }>();
  const { poles, town, failed } = usePoles();
  if (failed) return <Page.Error />;
  if (!poles) return <Page.Loading />;
  const chosen = code ? poles.filter((p) => p.code === code) : poles;
  const sheet = (
    <div className="nokok-sheet">
      {chosen.map((p) => (
        <Label key={p.code} pole={p} town={town} />
      ))}
    </div>
  );
  return (
    <Page.Main>
      <style>{PRINT_CSS}</style>
      <Page.Title>{t('print.title')}</Page.Title>
      <Layouts.Header
        title={code ? t('labelOf', { code }) : t('print.title')}
        subtitle={t('print.subtitle', { n: chosen.length })}
        navigationAction={
          <Link tag={NavLink} to={code ? '../..' : '..'} relative="path" startIcon={<ArrowLeft />}>
            {t('back')}
          </Link>
        }
        primaryAction={
          <Button startIcon={<Printer />} onClick={() => window.print()} disabled={!chosen.length}>
            {t('print.button')}
          </Button>
        }
      />
      <Layouts.Content>
        {chosen.length ? <Box background="neutral150" hasRadius>{sheet}</Box> : <Typography>{t('notFound')}</Typography>}
      </Layouts.Content>
      {/* What the printer gets: the labels alone, outside the admin's layout. */}
      {createPortal(<div className="nokok-print">{sheet}</div>, document.body)}
    </Page.Main>
  );
};

const PolesPage = () => (
  <Routes>
    <Route index element={<Overview />} />
    <Route path="labels" element={<Labels />} />
    <Route path="labels/:code" element={<Labels />} />
  </Routes>
);

export default PolesPage;
