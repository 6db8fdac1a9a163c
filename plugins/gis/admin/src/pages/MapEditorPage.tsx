import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Dialog,
  Field,
  Flex,
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
  VisuallyHidden,
} from '@strapi/design-system';
import { ArrowClockwise, Download, Search, Trash, Upload } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { AttributeForm } from '../components/AttributeForm';
import { ImportPanel } from '../components/ImportPanel';
import type { AdminLayer, FeatureCollection, FeatureId, GeoFeature, Geometry, ImportResult, MapTiles } from '../types/api';
import { errorText, toFormError, type FormError } from '../utils/errors';
import { attributeLabel, kindAllows, layerName, matches, showValue } from '../utils/features';
import { languageHeaders, useT } from '../utils/i18n';
import { L, loadGeoman, pinIcon, TOWN_CENTRE, type GisLayer, type GisMap, type LeafletEvent } from '../utils/leaflet';

const EDIT = [{ action: 'plugin::gis.edit', subject: null }];
const DEFAULT_TILES: MapTiles = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
};
/** Vertex drags come one by one: wait this long after the last before saving the shape. */
const SAVE_DELAY_MS = 400;
const PREVIEW_COLOR = '#e8590c';

/** One saved edit, enough to put things back as they were. */
type Op =
  | { kind: 'create'; slug: string; id: FeatureId }
  | { kind: 'update'; slug: string; id: FeatureId; before: { geometry: Geometry; properties: Record<string, unknown> } }
  | { kind: 'delete'; slug: string; feature: GeoFeature };

type Pending = { geometry: Geometry; drawn: GisLayer };

const sameId = (a: FeatureId, b: FeatureId) => String(a) === String(b);
const featuresUrl = (slug: string) => `/gis/layers/${encodeURIComponent(slug)}/features`;

/** The map editor: every layer on one map, one layer edited with geoman's tools, its attribute table under the map. */
const MapEditorPage = () => {
  const t = useT();
  const { locale } = useIntl();
  const headers = React.useMemo(() => languageHeaders(locale), [locale]);
  const { get, post, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading: loadingPermissions } = useRBAC(EDIT);
  const canEdit = !loadingPermissions && Boolean(allowedActions.canEdit);
  const yes = t('value.yes');
  const no = t('value.no');

  const [layers, setLayers] = React.useState<AdminLayer[]>();
  const [failed, setFailed] = React.useState(false);
  const [tiles, setTiles] = React.useState<MapTiles>();
  const [visible, setVisible] = React.useState<Set<string>>(new Set());
  const [features, setFeatures] = React.useState<Record<string, GeoFeature[]>>({});
  const [editSlug, setEditSlug] = React.useState<string>();
  const [selected, setSelected] = React.useState<FeatureId>();
  const [search, setSearch] = React.useState('');
  const [undo, setUndo] = React.useState<Op[]>([]);
  const [pending, setPending] = React.useState<Pending>();
  const [editing, setEditing] = React.useState<GeoFeature>();
  const [formError, setFormError] = React.useState<FormError>();
  const [saving, setSaving] = React.useState(false);
  const [deleting, setDeleting] = React.useState<GeoFeature>();
  const [importing, setImporting] = React.useState(false);
  const [preview, setPreview] = React.useState<ImportResult>();
  const [mapReady, setMapReady] = React.useState(false);

  const mapBox = React.useRef<HTMLDivElement>(null);
  const map = React.useRef<GisMap>();
  const groups = React.useRef(new Map<string, { group: GisLayer; data: GeoFeature[]; editable: boolean; color: string }>());
  const featureLayers = React.useRef(new Map<string, GisLayer>());
  const previewLayer = React.useRef<GisLayer>();
  const saveTimers = React.useRef(new Map<string, number>());
  const tableBox = React.useRef<HTMLDivElement>(null);
  const switcherId = React.useId();

  const layer = layers?.find((l) => l.slug === editSlug);
  const editable = Boolean(canEdit && layer?.editable);
  const name = (l: AdminLayer) => layerName(l, locale);

  const fail = React.useCallback((err: unknown, fallback: string) => toggleNotification({ type: 'danger', message: errorText(err, locale, t(fallback)) }), [locale, t, toggleNotification]);

  // Layers and the tile source.
  React.useEffect(() => {
    get<{ data: AdminLayer[] }>('/gis/layers', { headers })
      .then(({ data }) => {
        setLayers(data.data);
        setVisible(new Set(data.data.map((l) => l.slug)));
      })
      .catch(() => setFailed(true));
    get<{ data: MapTiles }>('/api/map')
      .then(({ data }) => setTiles(data.data?.tileUrl ? data.data : DEFAULT_TILES))
      .catch(() => setTiles(DEFAULT_TILES));
  }, [get, headers]);

  // The first layer staff may edit is the one being edited; without edit rights, the first layer is shown in the table.
  React.useEffect(() => {
    if (!layers || editSlug || loadingPermissions) return;
    setEditSlug((layers.find((l) => canEdit && l.editable) ?? layers[0])?.slug);
  }, [layers, editSlug, canEdit, loadingPermissions]);

  const loadFeatures = React.useCallback(
    (slug: string) =>
      get<FeatureCollection>(featuresUrl(slug), { headers })
        .then(({ data }) => setFeatures((all) => ({ ...all, [slug]: data.features ?? [] })))
        .catch((err) => fail(err, 'error.loadFeatures')),
    [get, headers, fail]
  );

  // Features of every shown layer and of the edited one, fetched once each.
  React.useEffect(() => {
    const wanted = new Set([...visible, ...(editSlug ? [editSlug] : [])]);
    for (const slug of wanted) if (!(slug in features)) void loadFeatures(slug);
    // `features` is read only to skip loaded layers; the answer itself updates it.
  }, [visible, editSlug, loadFeatures]);

  // The map, once the tile source is known and its box is on the page (after the layers came); geoman is loaded first since it patches Leaflet.
  const pageShown = Boolean(layers) && !failed;
  React.useEffect(() => {
    if (!tiles || !pageShown || !mapBox.current) return undefined;
    let cancelled = false;
    let created: GisMap | undefined;
    let resize: ResizeObserver | undefined;
    void loadGeoman().then(() => {
      if (cancelled || !mapBox.current) return;
      created = L.map(mapBox.current, { zoomControl: true }).setView(TOWN_CENTRE, 14);
      L.tileLayer(tiles.tileUrl, { maxZoom: 20, maxNativeZoom: 19, attribution: tiles.attribution }).addTo(created);
      map.current = created;
      // The sidebar and the window change the map's size after Leaflet measured it.
      resize = new ResizeObserver(() => created?.invalidateSize());
      resize.observe(mapBox.current);
      setMapReady(true);
    });
    return () => {
      cancelled = true;
      resize?.disconnect();
      created?.remove();
      map.current = undefined;
      groups.current.clear();
      featureLayers.current.clear();
      setMapReady(false);
    };
  }, [tiles, pageShown]);

  // Geoman speaks the admin's language through our translation files.
  React.useEffect(() => {
    if (!mapReady || !map.current) return;
    const keys = ['placeMarker', 'firstVertex', 'continueLine', 'finishLine', 'finishPoly', 'finishRect'];
    const buttons = ['drawMarkerButton', 'drawPolyButton', 'drawLineButton', 'drawRectButton', 'editButton', 'dragButton'];
    map.current.pm.setLang(
      'nokok',
      {
        tooltips: Object.fromEntries(keys.map((k) => [k, t(`gm.${k}`)])),
        actions: { finish: t('gm.finish'), cancel: t('common.cancel'), removeLastVertex: t('gm.removeLastVertex') },
        buttonTitles: Object.fromEntries(buttons.map((k) => [k, t(`gm.${k}`)])),
      },
      'en'
    );
  }, [mapReady, t]);

  /** The latest handlers, for Leaflet listeners bound once per layer. */
  const handlers = React.useRef({ select: (_id: FeatureId) => {}, shapeChanged: (_slug: string, _id: FeatureId, _layer: GisLayer) => {}, created: (_e: LeafletEvent) => {} });

  const styleFor = React.useCallback(
    (l: AdminLayer, isSelected: boolean) => ({
      color: isSelected ? '#1d4ed8' : l.style.color,
      weight: (l.style.lineWidth || 3) + (isSelected ? 3 : 0),
      fillColor: l.style.fillColor,
      fillOpacity: isSelected ? Math.min(1, (l.style.fillOpacity ?? 0.2) + 0.2) : l.style.fillOpacity ?? 0.2,
      dashArray: isSelected ? '6 4' : undefined,
    }),
    []
  );

  // Draw each shown layer; the edited one's features get geoman's edit handles, the others only snap.
  React.useEffect(() => {
    const m = map.current;
    if (!mapReady || !m || !layers) return;
    const seen = new Set<string>();
    // Lower displayOrder on top: add them last.
    const ordered = [...layers].sort((a, b) => b.displayOrder - a.displayOrder);
    for (const l of ordered) {
      const data = features[l.slug];
      if (!visible.has(l.slug) || !data) continue;
      seen.add(l.slug);
      const isEdited = l.slug === editSlug && editable;
      const current = groups.current.get(l.slug);
      if (current && current.data === data && current.editable === isEdited) continue;
      current?.group.remove();
      if (l.slug === editSlug) featureLayers.current.clear();
      const group = L.geoJSON({ type: 'FeatureCollection', features: data }, {
        pmIgnore: !isEdited,
        style: () => styleFor(l, false),
        pointToLayer: (_f, at) => L.marker(at, { icon: pinIcon(l.style.color), pmIgnore: !isEdited, keyboard: true }),
        onEachFeature: (f, fl) => {
          const label = showValue(Object.values(f.properties ?? {})[0], yes, no);
          fl.bindTooltip?.(`${name(l)}${label ? `: ${label}` : ''}`);
          if (l.slug !== editSlug) return;
          featureLayers.current.set(String(f.id), fl);
          fl.on('click', () => handlers.current.select(f.id));
          if (!isEdited) return;
          const changed = () => handlers.current.shapeChanged(l.slug, f.id, fl);
          fl.on('pm:edit', changed);
          fl.on('pm:dragend', changed);
        },
      }).addTo(m);
      groups.current.set(l.slug, { group, data, editable: isEdited, color: l.style.color });
    }
    for (const [slug, g] of groups.current) {
      if (seen.has(slug)) continue;
      g.group.remove();
      groups.current.delete(slug);
    }
    // styleFor and name only read the layer: a new closure each render must not redraw.
  }, [mapReady, layers, features, visible, editSlug, editable]);

  // The selected feature stands out on the map.
  React.useEffect(() => {
    if (!layer) return;
    for (const [id, fl] of featureLayers.current) {
      const isSelected = selected !== undefined && id === String(selected);
      if (fl.setStyle) fl.setStyle(styleFor(layer, isSelected));
      else fl.getElement?.()?.classList.toggle('gis-pin-selected', isSelected);
    }
  }, [selected, layer, features, styleFor]);

  // Geoman's toolbar, with only the shapes the edited layer takes.
  React.useEffect(() => {
    const m = map.current;
    if (!mapReady || !m) return undefined;
    if (!editable || !layer) return undefined;
    const color = layer.style.color;
    m.pm.setGlobalOptions({
      snappable: true,
      snapDistance: 20,
      allowSelfIntersection: false,
      markerStyle: { icon: pinIcon(color) },
      pathOptions: { color, fillColor: layer.style.fillColor, fillOpacity: layer.style.fillOpacity, weight: layer.style.lineWidth },
      templineStyle: { color },
      hintlineStyle: { color, dashArray: [5, 5] },
    });
    const point = kindAllows(layer.kind, 'Point');
    const line = kindAllows(layer.kind, 'LineString');
    const polygon = kindAllows(layer.kind, 'Polygon');
    m.pm.addControls({
      position: 'topleft',
      drawMarker: point,
      drawPolyline: line,
      drawPolygon: polygon,
      drawRectangle: polygon,
      drawCircle: false,
      drawCircleMarker: false,
      drawText: false,
      cutPolygon: false,
      rotateMode: false,
      removalMode: false,
      editMode: true,
      dragMode: true,
    });
    // Geoman titles the button's box, not the button: give screen readers and keyboard users the name.
    m.getContainer()
      .querySelectorAll<HTMLElement>('.leaflet-pm-toolbar .button-container[title]')
      .forEach((box) => box.querySelector('a')?.setAttribute('aria-label', box.title));
    const onCreate = (e: LeafletEvent) => handlers.current.created(e);
    m.on('pm:create', onCreate);
    return () => {
      m.off('pm:create', onCreate);
      m.pm.disableDraw();
      m.pm.disableGlobalEditMode();
      m.pm.disableGlobalDragMode();
      m.pm.removeControls();
    };
  }, [mapReady, editable, layer]);

  // The import preview: dashed, in its own colour, framed on the map.
  React.useEffect(() => {
    previewLayer.current?.remove();
    previewLayer.current = undefined;
    const m = map.current;
    if (!m || !preview?.preview.features.length) return;
    const group = L.geoJSON(preview.preview, {
      pmIgnore: true,
      snapIgnore: true,
      style: () => ({ color: PREVIEW_COLOR, weight: 3, dashArray: '6 6', fillOpacity: 0.1 }),
      pointToLayer: (_f, at) => L.marker(at, { icon: pinIcon(PREVIEW_COLOR), pmIgnore: true }),
    }).addTo(m);
    previewLayer.current = group;
    const bounds = group.getBounds?.();
    if (bounds?.isValid()) m.fitBounds(bounds, { padding: [24, 24], maxZoom: 18 });
  }, [preview, mapReady]);

  const replaceFeature = (slug: string, id: FeatureId, next: GeoFeature | undefined, quiet = false) => {
    setFeatures((all) => {
      const list = all[slug] ?? [];
      const updated = next ? (list.some((f) => sameId(f.id, id)) ? list.map((f) => (sameId(f.id, id) ? next : f)) : [...list, next]) : list.filter((f) => !sameId(f.id, id));
      // The map already shows this shape (staff just drew it there): keep its layer, so editing goes on undisturbed.
      const g = groups.current.get(slug);
      if (quiet && g && g.data === list) g.data = updated;
      return { ...all, [slug]: updated };
    });
  };

  const zoomTo = (id: FeatureId) => {
    const fl = featureLayers.current.get(String(id));
    const m = map.current;
    if (!fl || !m) return;
    const bounds = fl.getBounds?.();
    if (bounds?.isValid()) m.fitBounds(bounds, { padding: [40, 40], maxZoom: 18 });
    else {
      const at = fl.getLatLng?.();
      if (at) m.setView([at.lat, at.lng], Math.max(m.getZoom(), 17));
    }
  };

  handlers.current.select = (id: FeatureId) => {
    setSelected(id);
    // The design system's rows take no ref: find the row by its data attribute.
    tableBox.current?.querySelector(`tr[data-feature-id="${CSS.escape(String(id))}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  handlers.current.created = (e: LeafletEvent) => {
    const drawn = e.layer;
    if (!drawn) return;
    const geometry = drawn.toGeoJSON(7).geometry;
    if (!layer || !kindAllows(layer.kind, geometry.type)) {
      drawn.remove();
      return;
    }
    setFormError(undefined);
    setPending({ geometry, drawn });
  };

  // A shape moved or reshaped on the map is saved at once (after the last vertex of a drag), and can be undone.
  handlers.current.shapeChanged = (slug: string, id: FeatureId, fl: GisLayer) => {
    const key = `${slug}/${id}`;
    window.clearTimeout(saveTimers.current.get(key));
    saveTimers.current.set(
      key,
      window.setTimeout(() => {
        saveTimers.current.delete(key);
        const before = features[slug]?.find((f) => sameId(f.id, id));
        if (!before) return;
        const geometry = fl.toGeoJSON(7).geometry;
        put<{ data: GeoFeature }>(`${featuresUrl(slug)}/${id}`, { geometry }, { headers })
          .then(({ data }) => {
            replaceFeature(slug, id, data.data, true);
            setUndo((u) => [...u, { kind: 'update', slug, id, before: { geometry: before.geometry, properties: before.properties } }]);
          })
          .catch((err) => {
            fail(err, 'error.save');
            // Put the shape back as the server has it.
            setFeatures((all) => ({ ...all, [slug]: [...(all[slug] ?? [])] }));
          });
      }, SAVE_DELAY_MS)
    );
  };

  const saveNew = async (properties: Record<string, unknown>) => {
    if (!pending || !editSlug) return;
    setSaving(true);
    setFormError(undefined);
    try {
      const { data } = await post<{ data: GeoFeature }>(featuresUrl(editSlug), { geometry: pending.geometry, properties }, { headers });
      pending.drawn.remove();
      setPending(undefined);
      replaceFeature(editSlug, data.data.id, data.data);
      setUndo((u) => [...u, { kind: 'create', slug: editSlug, id: data.data.id }]);
      setSelected(data.data.id);
      toggleNotification({ type: 'success', message: t('notice.created') });
    } catch (err) {
      setFormError(toFormError(err, locale, t('error.save')));
    } finally {
      setSaving(false);
    }
  };

  const cancelNew = () => {
    pending?.drawn.remove();
    setPending(undefined);
  };

  const saveProperties = async (properties: Record<string, unknown>) => {
    if (!editing || !editSlug) return;
    setSaving(true);
    setFormError(undefined);
    try {
      const { data } = await put<{ data: GeoFeature }>(`${featuresUrl(editSlug)}/${editing.id}`, { properties }, { headers });
      replaceFeature(editSlug, editing.id, data.data);
      setUndo((u) => [...u, { kind: 'update', slug: editSlug, id: editing.id, before: { geometry: editing.geometry, properties: editing.properties } }]);
      setEditing(undefined);
      toggleNotification({ type: 'success', message: t('notice.saved') });
    } catch (err) {
      setFormError(toFormError(err, locale, t('error.save')));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (feature: GeoFeature) => {
    if (!editSlug) return;
    const slug = editSlug;
    try {
      const { data } = await del<{ data: GeoFeature }>(`${featuresUrl(slug)}/${feature.id}`, { headers });
      replaceFeature(slug, feature.id, undefined);
      setUndo((u) => [...u, { kind: 'delete', slug, feature: data.data ?? feature }]);
      setSelected(undefined);
      toggleNotification({ type: 'success', message: t('notice.deleted') });
    } catch (err) {
      fail(err, 'error.delete');
    } finally {
      setDeleting(undefined);
    }
  };

  /** Reverts the last saved edit through the API: a deleted feature comes back (with a new id), a change is put back. */
  const undoLast = async () => {
    const op = undo[undo.length - 1];
    if (!op) return;
    try {
      if (op.kind === 'create') {
        await del(`${featuresUrl(op.slug)}/${op.id}`, { headers });
        replaceFeature(op.slug, op.id, undefined);
        setUndo((u) => u.slice(0, -1));
      } else if (op.kind === 'update') {
        const { data } = await put<{ data: GeoFeature }>(`${featuresUrl(op.slug)}/${op.id}`, op.before, { headers });
        replaceFeature(op.slug, op.id, data.data);
        setUndo((u) => u.slice(0, -1));
      } else {
        const { geometry, properties } = op.feature;
        const { data } = await post<{ data: GeoFeature }>(featuresUrl(op.slug), { geometry, properties }, { headers });
        replaceFeature(op.slug, data.data.id, data.data);
        setSelected(data.data.id);
        // Older steps name the feature by its old id: they now mean the re-created one.
        const old = op.feature.id;
        setUndo((u) =>
          u.slice(0, -1).map((o) => (o.kind !== 'delete' && o.slug === op.slug && sameId(o.id, old) ? { ...o, id: data.data.id } : o))
        );
      }
      toggleNotification({ type: 'success', message: t('notice.undone') });
    } catch (err) {
      fail(err, 'error.undo');
    }
  };

  const exportAs = async (format: 'geojson' | 'kml' | 'csv') => {
    if (!editSlug) return;
    try {
      const { data } = await get<Blob>(`/gis/layers/${encodeURIComponent(editSlug)}/export`, { params: { format }, responseType: 'blob', headers });
      const url = URL.createObjectURL(data);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${editSlug}.${format}`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      fail(err, 'error.export');
    }
  };

  const toggleLayer = (slug: string, on: boolean) =>
    setVisible((v) => {
      const next = new Set(v);
      if (on) next.add(slug);
      else next.delete(slug);
      return next;
    });

  const chooseLayer = (slug: string) => {
    setEditSlug(slug);
    setSelected(undefined);
    setSearch('');
    setImporting(false);
    setPreview(undefined);
    setVisible((v) => new Set([...v, slug]));
    const l = layers?.find((x) => x.slug === slug);
    if (l?.bbox && map.current) {
      const [w, s, e, n] = l.bbox;
      map.current.fitBounds(L.latLngBounds([[s, w], [n, e]]), { padding: [24, 24], maxZoom: 18 });
    }
  };

  if (failed) return <Page.Error />;
  if (!layers) return <Page.Loading />;

  const list = (editSlug && features[editSlug]) || [];
  const shown = list.filter((f) => matches(f, search, yes, no));
  const chosen = list.find((f) => selected !== undefined && sameId(f.id, selected));
  const attributes = layer?.attributes ?? [];
  const lastOp = undo[undo.length - 1];

  return (
    <Layouts.Root>
      <Page.Title>{t('page.title')}</Page.Title>
      <style>{'.gis-pin-selected span{outline:3px solid #1d4ed8;outline-offset:2px}'}</style>
      <Layouts.Header
        title={t('page.title')}
        subtitle={editable ? t('page.subtitleEdit') : t('page.subtitleRead')}
        primaryAction={
          editable ? (
            <Button startIcon={<ArrowClockwise />} variant="secondary" disabled={!lastOp} onClick={() => void undoLast()} title={lastOp ? t(`undo.${lastOp.kind}`) : undefined}>
              {t('undo.button')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex gap={4} alignItems="stretch" direction={{ initial: 'column', large: 'row' }}>
          <Box width={{ initial: '100%', large: '300px' }} shrink={0}>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
                <Field.Root name="editLayer" hint={layer && !layer.editable ? t('layer.readOnlyHint') : undefined}>
                  <Field.Label>{canEdit ? t('layer.edited') : t('layer.table')}</Field.Label>
                  <SingleSelect name="editLayer" value={editSlug} onChange={(v: string | number) => chooseLayer(String(v))}>
                    {layers.map((l) => (
                      <SingleSelectOption key={l.slug} value={l.slug}>
                        {l.editable ? name(l) : `${name(l)} (${t('layer.readOnly')})`}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                </Field.Root>
                {editable && layer ? (
                  <Box paddingTop={3}>
                    <Typography variant="pi" textColor="neutral600">
                      {t(`kind.help.${layer.kind}`)}
                    </Typography>
                  </Box>
                ) : null}
              </Box>
              <Box role="group" aria-labelledby={switcherId} padding={4} background="neutral0" hasRadius shadow="tableShadow">
                <Typography id={switcherId} tag="h2" variant="sigma" textColor="neutral600">
                  {t('layer.switcher')}
                </Typography>
                <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={2}>
                  {layers.map((l) => (
                    <li key={l.slug}>
                      <Flex gap={2} alignItems="center">
                        <Checkbox checked={visible.has(l.slug)} onCheckedChange={(c: boolean | 'indeterminate') => toggleLayer(l.slug, c === true)}>
                          <Flex gap={2} alignItems="center" tag="span">
                            <span
                              aria-hidden
                              style={{ display: 'inline-block', width: 14, height: 14, borderRadius: l.kind === 'point' ? '50%' : 3, background: l.style.fillColor, border: `3px solid ${l.style.color}` }}
                            />
                            <span>{name(l)}</span>
                          </Flex>
                        </Checkbox>
                        {!l.editable ? <Badge>{t('layer.readOnly')}</Badge> : null}
                        {!l.isPublic ? <Badge>{t('layer.internal')}</Badge> : null}
                      </Flex>
                    </li>
                  ))}
                </Flex>
              </Box>
              {editSlug ? (
                <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
                  <Typography variant="sigma" textColor="neutral600" tag="h2">
                    {t('tools.title')}
                  </Typography>
                  <Flex gap={2} wrap="wrap" paddingTop={2}>
                    {editable ? (
                      <Button variant="secondary" startIcon={<Upload />} onClick={() => setImporting(true)} disabled={importing}>
                        {t('import.open')}
                      </Button>
                    ) : null}
                    {layer?.editable
                      ? (['geojson', 'kml', 'csv'] as const).map((f) => (
                          <Button key={f} variant="tertiary" startIcon={<Download />} onClick={() => void exportAs(f)}>
                            {t(`export.${f}`)}
                          </Button>
                        ))
                      : null}
                  </Flex>
                </Box>
              ) : null}
              {importing && editSlug && layer ? (
                <ImportPanel
                  slug={editSlug}
                  layerName={name(layer)}
                  onPreview={setPreview}
                  onClose={() => setImporting(false)}
                  onImported={(n) => {
                    setImporting(false);
                    toggleNotification({ type: 'success', message: t('import.done', { count: n }) });
                    void loadFeatures(editSlug);
                  }}
                />
              ) : null}
            </Flex>
          </Box>
          <Box grow={1} minWidth={0}>
            <div
              ref={mapBox}
              role="region"
              aria-label={t('map.label')}
              data-testid="gis-map"
              style={{ height: 'max(420px, calc(100vh - 240px))', width: '100%', borderRadius: 4, isolation: 'isolate' }}
            />
          </Box>
        </Flex>

        {layer ? (
          <Box paddingTop={6}>
            <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap" paddingBottom={3}>
              <Typography variant="delta" tag="h2">
                {t('table.title', { layer: name(layer), count: list.length })}
              </Typography>
              <Box width="320px">
                <Field.Root name="search">
                  <VisuallyHidden>
                    <Field.Label>{t('table.search')}</Field.Label>
                  </VisuallyHidden>
                  <TextInput
                    name="search"
                    type="search"
                    placeholder={t('table.search')}
                    startAction={<Search />}
                    value={search}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
                  />
                </Field.Root>
              </Box>
            </Flex>
            {chosen ? (
              <Box padding={4} marginBottom={3} background="primary100" hasRadius>
                <Flex justifyContent="space-between" gap={3} wrap="wrap">
                  <Typography fontWeight="bold">{t('selected.title', { id: String(chosen.id), type: t(`geometry.${chosen.geometry.type}`) })}</Typography>
                  <Flex gap={2}>
                    <Button variant="tertiary" onClick={() => zoomTo(chosen.id)}>
                      {t('selected.zoom')}
                    </Button>
                    {editable ? (
                      <>
                        <Button
                          variant="secondary"
                          onClick={() => {
                            setFormError(undefined);
                            setEditing(chosen);
                          }}
                        >
                          {t('selected.edit')}
                        </Button>
                        <Button variant="danger-light" startIcon={<Trash />} onClick={() => setDeleting(chosen)}>
                          {t('selected.delete')}
                        </Button>
                      </>
                    ) : null}
                  </Flex>
                </Flex>
              </Box>
            ) : null}
            <div ref={tableBox} style={{ overflowX: 'auto' }}>
              <Table colCount={attributes.length + 1} rowCount={shown.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">{t('table.id')}</Typography>
                    </Th>
                    {attributes.map((a) => (
                      <Th key={a.name}>
                        <Typography variant="sigma">{attributeLabel(a, locale)}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {shown.map((f) => {
                    const isSelected = selected !== undefined && sameId(f.id, selected);
                    const pick = () => {
                      setSelected(f.id);
                      zoomTo(f.id);
                    };
                    return (
                      <Tr
                        key={String(f.id)}
                        tabIndex={0}
                        aria-selected={isSelected}
                        data-feature-id={String(f.id)}
                        onClick={pick}
                        onKeyDown={(e: React.KeyboardEvent) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            e.preventDefault();
                            pick();
                          }
                        }}
                        style={{ cursor: 'pointer', background: isSelected ? '#e0e7ff' : undefined }}
                      >
                        <Td>
                          <Typography>{String(f.id)}</Typography>
                        </Td>
                        {attributes.map((a) => (
                          <Td key={a.name}>
                            <Typography>{showValue(f.properties?.[a.name], yes, no)}</Typography>
                          </Td>
                        ))}
                      </Tr>
                    );
                  })}
                </Tbody>
              </Table>
            </div>
            {!shown.length ? (
              <Box padding={4}>
                <Typography textColor="neutral600">{search ? t('table.noMatch') : t('table.empty')}</Typography>
              </Box>
            ) : null}
          </Box>
        ) : null}
      </Layouts.Content>

      {pending && layer ? (
        <AttributeForm title={t('form.newTitle', { layer: name(layer) })} attributes={attributes} saving={saving} error={formError} onSave={(p) => void saveNew(p)} onCancel={cancelNew} />
      ) : null}
      {editing && layer ? (
        <AttributeForm
          title={t('form.editTitle', { id: String(editing.id) })}
          attributes={attributes}
          initial={editing.properties}
          saving={saving}
          error={formError}
          onSave={(p) => void saveProperties(p)}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
      <Dialog.Root open={Boolean(deleting)} onOpenChange={(open: boolean) => (open ? undefined : setDeleting(undefined))}>
        <Dialog.Content>
          <Dialog.Header>{t('delete.title')}</Dialog.Header>
          <Dialog.Body>
            <Typography>{t('delete.body', { id: String(deleting?.id ?? '') })}</Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">{t('common.cancel')}</Button>
            </Dialog.Cancel>
            <Dialog.Action>
              <Button variant="danger" onClick={() => void (deleting && remove(deleting))}>
                {t('delete.confirm')}
              </Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Layouts.Root>
  );
};

export default MapEditorPage;
