import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { href, t } from '../i18n';
import { PREVIEW_ROWS, isNumeric, previewParams, previewQuery, shownFields, type CkanAnswer, type DatastorePage, type PreviewState } from '../open-data';

/** A table preview as the page shows it first: its state from the address, and that page of rows (null: none could be read). */
export interface Preview {
  state: PreviewState;
  page: DatastorePage | null;
}

/** How the island reads another page (the site's `api`); the server never calls it. */
export type ReadPage = (params: Record<string, string | number>) => Promise<CkanAnswer<DatastorePage>>;

/** Characters of a text cell kept on one line. */
const SHORT = 24;
const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

/**
 * A resource's rows from the data store, ten at a time, sortable by any column. Every control is a
 * link to the same page with the preview's state in the address, so it works without script; the
 * dataset island hydrates it and then reads the next page in place through datastore_search.
 */
export function TablePreview({ resourceId, name, datasetPath, initial, read }: { resourceId: string; name: string; datasetPath: string; initial: Preview; read?: ReadPage }): JSX.Element {
  const [shown, setShown] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const region = useRef<HTMLDivElement>(null);
  const { state, page } = shown;
  const regionId = `preview-${resourceId}`;
  if (!page) return <p class="hint">{t('data.preview.failed')}</p>;
  const fields = shownFields(page.fields);
  const pageCount = Math.max(1, Math.ceil(page.total / PREVIEW_ROWS));
  const from = page.total ? (state.page - 1) * PREVIEW_ROWS + 1 : 0;
  const to = Math.min(page.total, state.page * PREVIEW_ROWS);
  const rowsText = t('data.preview.rows', { from, to, total: page.total });
  const link = (s: PreviewState) => `${href(datasetPath)}?${previewQuery(resourceId, s)}#${regionId}`;

  /** With script: read the page in place, keep the address in step (a reload shows the same), say what changed. */
  const go = (next: PreviewState, focusTable: boolean) => (e: Event) => {
    if (!read) return; // no script: the link loads the page with this state
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setStatus(t('loading'));
    read(previewParams(resourceId, next))
      .then((answer) => {
        if (!answer.result) throw new Error('no result');
        const result = answer.result;
        setShown({ state: next, page: result });
        history.replaceState(history.state, '', link(next));
        const sortText = next.sort ? t(next.dir === 'desc' ? 'data.preview.sortedDesc' : 'data.preview.sortedAsc', { field: next.sort }) : '';
        const first = result.total ? (next.page - 1) * PREVIEW_ROWS + 1 : 0;
        setStatus([t('data.preview.rows', { from: first, to: Math.min(result.total, next.page * PREVIEW_ROWS), total: result.total }), sortText].filter(Boolean).join(' '));
        if (focusTable) region.current?.focus();
      })
      .catch(() => setStatus(t('data.preview.failed')))
      .finally(() => setBusy(false));
  };

  return (
    <div class="preview" aria-busy={busy ? 'true' : undefined}>
      {/* Above the scrolling box, not a <caption>: a caption is as wide as the table and scrolls away with it. */}
      <p class="preview-caption" id={`${regionId}-caption`}>
        {t('data.preview.caption', { name })} <span class="meta">{rowsText}</span>
      </p>
      <div class="table-scroll" tabindex={0} role="region" aria-labelledby={`${regionId}-caption`} id={regionId} ref={region}>
        <table class="table data-table" aria-labelledby={`${regionId}-caption`}>
          <thead>
            <tr>
              {fields.map((f) => {
                const sorted = state.sort === f.id;
                const next: PreviewState = { sort: f.id, dir: sorted && state.dir === 'asc' ? 'desc' : 'asc', page: 1 };
                return (
                  <th scope="col" aria-sort={sorted ? (state.dir === 'desc' ? 'descending' : 'ascending') : undefined} class={isNumeric(f) ? 'num' : undefined}>
                    <a href={link(next)} onClick={go(next, false)} data-sort={f.id}>
                      {f.id}
                      <span class="sr-only">{next.dir === 'desc' ? t('data.preview.sortDesc') : t('data.preview.sortAsc')}</span>
                      <span aria-hidden="true" class="sort-mark">
                        {sorted ? (state.dir === 'desc' ? '▼' : '▲') : '↕'}
                      </span>
                    </a>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {page.records.map((r) => (
              <tr>
                {fields.map((f) => {
                  const value = cell(r[f.id]);
                  if (isNumeric(f)) return <td class="num">{value}</td>;
                  // A short value (a code, a name, a date) stays on one line; a long text wraps within a readable width.
                  return value.length <= SHORT ? <td class="nowrap">{value}</td> : <td><span class="long">{value}</span></td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav class="pager" aria-label={t('data.preview.pages', { name })}>
          {state.page > 1 ? (
            <a rel="prev" href={link({ ...state, page: state.page - 1 })} onClick={go({ ...state, page: state.page - 1 }, true)}>
              {t('data.preview.prev')}
            </a>
          ) : null}
          <span>{t('news.page', { page: state.page, count: pageCount })}</span>
          {state.page < pageCount ? (
            <a rel="next" href={link({ ...state, page: state.page + 1 })} onClick={go({ ...state, page: state.page + 1 }, true)}>
              {t('data.preview.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
      <p class="hint" role="status">
        {status}
      </p>
    </div>
  );
}
