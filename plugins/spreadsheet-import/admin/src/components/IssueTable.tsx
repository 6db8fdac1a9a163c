import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useLang, useT } from '../utils/i18n';
import type { Failure, FieldDef } from '../types';

/** Refused rows with their reasons, in the admin's language; fields named by the target's labels. */
export const IssueTable = ({ rows, fields, caption }: { rows: Failure[]; fields: FieldDef[]; caption: string }) => {
  const t = useT();
  const lang = useLang();
  const label = (key: string) => {
    const f = fields.find((x) => x.key === key);
    return f ? lang(f) : key;
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
                <Td><Typography>{lang(i)}</Typography></Td>
              </Tr>
            ))
          )}
        </Tbody>
      </Table>
    </Box>
  );
};
