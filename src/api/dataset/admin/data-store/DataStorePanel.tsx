import * as React from 'react';
import { Badge, Box, Button, Flex, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

interface Field {
  id: string;
  type: 'int' | 'numeric' | 'date' | 'text';
}
interface TableState {
  key: string;
  name: string;
  fileName: string;
  state: 'waiting' | 'loading' | 'ready' | 'failed';
  rowCount: number;
  done: number;
  fields: Field[];
  issues: Array<{ row: number; code: string }>;
  error: string | null;
  records: Array<Record<string, string | number | null>>;
}

interface PanelProps {
  model: string;
  documentId?: string;
}

function useT() {
  const intl = useIntl();
  return React.useCallback((id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `nokok.dataStore.${id}`, defaultMessage: id }, values), [intl]);
}

const BADGE: Record<TableState['state'], 'secondary' | 'success' | 'danger' | 'warning'> = { waiting: 'secondary', loading: 'warning', ready: 'success', failed: 'danger' };

/** One table: its state, and a preview of its first rows with each column's type as it was read. */
const TableItem = ({ table }: { table: TableState }) => {
  const t = useT();
  const intl = useIntl();
  const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? intl.formatNumber(v) : v);
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-table={table.key}>
      <Typography fontWeight="bold">{table.name}</Typography>
      <Typography variant="pi" textColor="neutral600">{table.fileName}</Typography>
      <Flex gap={2}>
        <Badge active={table.state === 'ready'} backgroundColor={`${BADGE[table.state]}100`} textColor={`${BADGE[table.state]}700`}>
          {t(`state.${table.state}`, { total: intl.formatNumber(table.rowCount), done: intl.formatNumber(table.done) })}
        </Badge>
      </Flex>
      {table.error ? <Typography variant="pi" textColor="danger600">{t('error', { error: table.error })}</Typography> : null}
      {table.issues.length ? <Typography variant="pi" textColor="warning600">{t('issues', { rows: table.issues.map((i) => i.row).join(', ') })}</Typography> : null}
      {table.state === 'ready' ? (
        <Modal.Root>
          <Modal.Trigger>
            <Button variant="secondary" size="S">{t('preview')}</Button>
          </Modal.Trigger>
          <Modal.Content style={{ maxWidth: '90vw', width: '90vw' }}>
            <Modal.Header>
              <Modal.Title>{table.name}</Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Typography variant="pi">{t('firstRows', { shown: table.records.length, total: intl.formatNumber(table.rowCount) })}</Typography>
              <Box paddingTop={2} style={{ overflowX: 'auto' }}>
                <Table colCount={table.fields.length} rowCount={table.records.length + 1}>
                  <Thead>
                    <Tr>
                      {table.fields.map((f) => (
                        <Th key={f.id}>
                          <Flex direction="column" alignItems="flex-start">
                            <Typography variant="sigma">{f.id}</Typography>
                            <Typography variant="pi" textColor="neutral500">{t(`type.${f.type}`)}</Typography>
                          </Flex>
                        </Th>
                      ))}
                    </Tr>
                  </Thead>
                  <Tbody>
                    {table.records.map((r) => (
                      <Tr key={String(r._id)}>
                        {table.fields.map((f) => (
                          <Td key={f.id}>
                            <Typography>{cell(r[f.id] ?? null)}</Typography>
                          </Td>
                        ))}
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Box>
            </Modal.Body>
            <Modal.Footer>
              <Modal.Close>
                <Button variant="tertiary">{t('close')}</Button>
              </Modal.Close>
            </Modal.Footer>
          </Modal.Content>
        </Modal.Root>
      ) : null}
    </Flex>
  );
};

const Tables = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { get } = useFetchClient();
  const [tables, setTables] = React.useState<TableState[]>();
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      get<{ results: TableState[] }>(`/open-data/datasets/${documentId}/data-store`)
        .then(({ data }) => {
          if (stop) return;
          setTables(data.results);
          // Loading runs after the save: ask again until every table is settled.
          if (data.results.some((x) => x.state === 'loading' || x.state === 'waiting')) timer = setTimeout(() => void load(), 1500);
        })
        .catch(() => !stop && setFailed(true));
    void load();
    return () => {
      stop = true;
      if (timer) clearTimeout(timer);
    };
  }, [get, documentId]);
  if (failed) return <Typography textColor="danger600">{t('loadFailed')}</Typography>;
  if (!tables) return null;
  if (!tables.length) return <Typography variant="pi">{t('none')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {tables.map((table) => (
        <TableItem key={table.key} table={table} />
      ))}
    </Flex>
  );
};

/** The dataset edit view's side panel: how each uploaded CSV/XLSX was read into the data store. */
const DataStorePanel = ({ model, documentId }: PanelProps) => {
  const t = useT();
  if (model !== 'api::dataset.dataset') return null;
  return {
    title: t('title'),
    content: documentId ? <Tables documentId={documentId} /> : <Typography variant="pi">{t('unsaved')}</Typography>,
  };
};

export default DataStorePanel;
