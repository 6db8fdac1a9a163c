import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, IconButton, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useT } from '../utils/i18n';

type AttributeType = 'text' | 'number' | 'date' | 'boolean' | 'choice';
const TYPES: AttributeType[] = ['text', 'number', 'date', 'boolean', 'choice'];

interface Row {
  name: string;
  labelTh: string;
  labelEn: string;
  type: AttributeType;
  options?: string[];
  required?: boolean;
}

/** What the Content Manager passes a custom field's Input in Strapi 5. */
export interface AttributeSchemaInputProps {
  name: string;
  value?: unknown;
  onChange(name: string, value: Row[]): void;
  disabled?: boolean;
  required?: boolean;
  label?: React.ReactNode;
  labelAction?: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
}

// The same rule the server keeps (attributes.ts): an entry with another name is skipped there.
const NAME = /^[a-z][a-z0-9_]{0,39}$/;

/** A stored value may arrive as an array or, from the JSON column, a string. */
function readRows(value: unknown): Row[] {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(v)) return [];
  return v
    .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object')
    .map((r) => ({
      name: typeof r.name === 'string' ? r.name : '',
      labelTh: typeof r.labelTh === 'string' ? r.labelTh : '',
      labelEn: typeof r.labelEn === 'string' ? r.labelEn : '',
      type: TYPES.includes(r.type as AttributeType) ? (r.type as AttributeType) : 'text',
      ...(Array.isArray(r.options) ? { options: r.options.filter((o): o is string => typeof o === 'string') } : {}),
      ...(r.required ? { required: true } : {}),
    }));
}

/** A free name for a new row, so an officer who types only the labels still gets a valid key. */
function freeName(rows: Row[]): string {
  for (let i = rows.length + 1; ; i += 1) if (!rows.some((r) => r.name === `field_${i}`)) return `field_${i}`;
}

/**
 * The attribute schema of a map layer as a form (one row per attribute: key, Thai and English
 * labels, type, choices, required) instead of raw JSON: the map editor builds its form from it.
 */
const AttributeSchemaInput = React.forwardRef<HTMLDivElement, AttributeSchemaInputProps>(({ name, value, onChange, disabled, required, label, labelAction, hint, error }, ref) => {
  const t = useT();
  const rows = readRows(value);
  const set = (next: Row[]) => onChange(name, next);
  const update = (i: number, patch: Partial<Row>) => set(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const badName = rows.findIndex((r, i) => !NAME.test(r.name) || rows.findIndex((o) => o.name === r.name) !== i);

  return (
    <Field.Root name={name} required={required} hint={hint} error={error ?? (badName >= 0 ? t('schema.badName', { row: badName + 1 }) : undefined)} ref={ref}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <Flex direction="column" alignItems="stretch" gap={3}>
        {rows.length === 0 && <Typography textColor="neutral600">{t('schema.empty')}</Typography>}
        {rows.map((row, i) => (
          <Box key={i} padding={3} hasRadius borderColor="neutral200" background="neutral0" data-schema-row={i}>
            <Flex gap={2} wrap="wrap" alignItems="flex-end">
              <Box minWidth="160px">
                <Field.Root name={`${name}.${i}.labelTh`} required>
                  <Field.Label>{t('schema.labelTh')}</Field.Label>
                  <TextInput value={row.labelTh} disabled={disabled} onChange={(e: React.ChangeEvent<HTMLInputElement>) => update(i, { labelTh: e.target.value })} />
                </Field.Root>
              </Box>
              <Box minWidth="160px">
                <Field.Root name={`${name}.${i}.labelEn`}>
                  <Field.Label>{t('schema.labelEn')}</Field.Label>
                  <TextInput value={row.labelEn} disabled={disabled} onChange={(e: React.ChangeEvent<HTMLInputElement>) => update(i, { labelEn: e.target.value })} />
                </Field.Root>
              </Box>
              <Box minWidth="140px">
                <Field.Root name={`${name}.${i}.name`} hint={t('schema.nameHint')} error={NAME.test(row.name) ? undefined : t('schema.nameRule')}>
                  <Field.Label>{t('schema.name')}</Field.Label>
                  <TextInput value={row.name} disabled={disabled} onChange={(e: React.ChangeEvent<HTMLInputElement>) => update(i, { name: e.target.value.trim().toLowerCase() })} />
                  <Field.Error />
                </Field.Root>
              </Box>
              <Box minWidth="150px">
                <Field.Root name={`${name}.${i}.type`}>
                  <Field.Label>{t('schema.type')}</Field.Label>
                  <SingleSelect
                    value={row.type}
                    disabled={disabled}
                    onChange={(v: string | number) => {
                      const type = String(v) as AttributeType;
                      update(i, { type, options: type === 'choice' ? row.options ?? [] : undefined });
                    }}
                  >
                    {TYPES.map((type) => (
                      <SingleSelectOption key={type} value={type}>
                        {t(`schema.type.${type}`)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              <Box paddingBottom={2}>
                <Checkbox checked={!!row.required} disabled={disabled} onCheckedChange={(c: boolean | 'indeterminate') => update(i, { required: c === true || undefined })}>
                  {t('schema.required')}
                </Checkbox>
              </Box>
              <IconButton label={t('schema.remove', { row: row.labelTh || row.name })} disabled={disabled} onClick={() => set(rows.filter((_, j) => j !== i))} variant="ghost">
                <Trash />
              </IconButton>
            </Flex>
            {row.type === 'choice' && (
              <Box paddingTop={2}>
                <Field.Root name={`${name}.${i}.options`} hint={t('schema.optionsHint')}>
                  <Field.Label>{t('schema.options')}</Field.Label>
                  <TextInput
                    value={(row.options ?? []).join(', ')}
                    disabled={disabled}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => update(i, { options: e.target.value.split(',').map((o) => o.trim()).filter((o, k, all) => o !== '' || k === all.length - 1) })}
                  />
                  <Field.Hint />
                </Field.Root>
              </Box>
            )}
          </Box>
        ))}
        <Box>
          <Button variant="secondary" startIcon={<Plus />} disabled={disabled} onClick={() => set([...rows, { name: freeName(rows), labelTh: '', labelEn: '', type: 'text' }])}>
            {t('schema.add')}
          </Button>
        </Box>
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});

export default AttributeSchemaInput;
