import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, Modal, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AttributeDef } from '../types/api';
import type { FormError } from '../utils/errors';
import { attributeLabel, fromFormValues, toFormValues } from '../utils/features';
import { useT } from '../utils/i18n';

export interface AttributeFormProps {
  title: string;
  attributes: AttributeDef[];
  initial?: Record<string, unknown>;
  saving: boolean;
  /** The server's refusal, shown above the fields and under the field it names. */
  error?: FormError;
  onSave(properties: Record<string, unknown>): void;
  onCancel(): void;
}

/** The form a layer's attribute schema describes: one field per attribute, in the schema's order. */
export const AttributeForm = ({ title, attributes, initial, saving, error, onSave, onCancel }: AttributeFormProps) => {
  const t = useT();
  const { locale } = useIntl();
  const [values, setValues] = React.useState(() => toFormValues(attributes, initial));
  const [local, setLocal] = React.useState<Record<string, string>>({});
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const { properties, problems } = fromFormValues(attributes, values);
    const messages = Object.fromEntries(Object.entries(problems).map(([name, p]) => [name, t(p === 'required' ? 'form.required' : 'form.notNumber')]));
    setLocal(messages);
    if (!Object.keys(messages).length) onSave(properties);
  };

  return (
    <Modal.Root open onOpenChange={(open) => (open ? undefined : onCancel())}>
      <Modal.Content>
        <form onSubmit={submit} noValidate aria-label={title}>
          <Modal.Header closeLabel={t('common.close')}>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {error?.message ? (
                <Box role="alert" padding={3} background="danger100" hasRadius>
                  <Typography textColor="danger700">{error.message}</Typography>
                </Box>
              ) : null}
              {!attributes.length ? <Typography textColor="neutral600">{t('form.noAttributes')}</Typography> : null}
              {attributes.map((a) => {
                const label = attributeLabel(a, locale);
                const fieldError = local[a.name] ?? error?.fields[a.name];
                const value = values[a.name];
                if (a.type === 'boolean')
                  return (
                    <Field.Root key={a.name} name={a.name} error={fieldError}>
                      <Checkbox name={a.name} checked={value === true} onCheckedChange={(c: boolean | 'indeterminate') => set(a.name, c === true)}>
                        {label}
                      </Checkbox>
                      <Field.Error />
                    </Field.Root>
                  );
                if (a.type === 'choice')
                  return (
                    <Field.Root key={a.name} name={a.name} required={a.required} error={fieldError}>
                      <Field.Label>{label}</Field.Label>
                      <SingleSelect
                        name={a.name}
                        aria-label={label}
                        placeholder={t('form.choose')}
                        value={typeof value === 'string' && value ? value : undefined}
                        onChange={(v: string | number) => set(a.name, String(v))}
                        onClear={a.required ? undefined : () => set(a.name, '')}
                      >
                        {(a.options ?? []).map((o) => (
                          <SingleSelectOption key={o} value={o}>
                            {o}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                      <Field.Error />
                    </Field.Root>
                  );
                return (
                  <Field.Root key={a.name} name={a.name} required={a.required} error={fieldError} hint={a.type === 'number' ? t('form.numberHint') : undefined}>
                    <Field.Label>{label}</Field.Label>
                    <TextInput
                      name={a.name}
                      type={a.type === 'date' ? 'date' : 'text'}
                      inputMode={a.type === 'number' ? 'decimal' : undefined}
                      value={typeof value === 'string' ? value : ''}
                      onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(a.name, e.target.value)}
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                );
              })}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="tertiary" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('common.save')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
