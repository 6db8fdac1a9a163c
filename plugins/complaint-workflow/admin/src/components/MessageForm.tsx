import * as React from 'react';
import { Alert, Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { Earth, Lock } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { toFormError, type FormError } from '../utils/errors';
import { useT } from '../utils/i18n';

interface Props {
  kind: 'reply' | 'note';
  onSend: (message: string) => Promise<void>;
}

/**
 * The public reply and the internal note look different on purpose (colour, icon, wording), so
 * nobody sends the citizen what was meant for colleagues.
 */
export const MessageForm = ({ kind, onSend }: Props) => {
  const t = useT();
  const { locale } = useIntl();
  const [text, setText] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<FormError>();
  const isReply = kind === 'reply';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSend(text);
      setText('');
    } catch (err) {
      setError(toFormError(err, locale, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  const headingId = `complaint-workflow-${kind}-heading`;
  return (
    <Box
      tag="section"
      aria-labelledby={headingId}
      padding={4}
      hasRadius
      background={isReply ? 'primary100' : 'warning100'}
      borderColor={isReply ? 'primary200' : 'warning200'}
      borderStyle="solid"
      borderWidth="1px"
    >
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Flex gap={2}>
            {isReply ? <Earth aria-hidden /> : <Lock aria-hidden />}
            <Typography variant="delta" tag="h2" id={headingId}>
              {t(`${kind}.title`)}
            </Typography>
          </Flex>
          {error && !error.fields.message ? (
            <Alert variant="danger" closeLabel={t('common.close')} title={t('common.error')} onClose={() => setError(undefined)}>
              {error.message}
            </Alert>
          ) : null}
          <Field.Root name={`${kind}-message`} error={error?.fields.message} hint={t(`${kind}.hint`)}>
            <Field.Label>{t(`${kind}.label`)}</Field.Label>
            <Textarea value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          <Flex justifyContent="flex-end">
            <Button type="submit" variant={isReply ? 'default' : 'secondary'} loading={busy}>
              {t(`${kind}.submit`)}
            </Button>
          </Flex>
        </Flex>
      </form>
    </Box>
  );
};
