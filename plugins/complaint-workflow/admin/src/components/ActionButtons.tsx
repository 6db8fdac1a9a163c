import * as React from 'react';
import { Alert, Button, Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Action, Transition } from '../types/api';
import { useMeta } from '../hooks/useMeta';
import { toFormError, type FormError } from '../utils/errors';
import { useT } from '../utils/i18n';

interface Props {
  allowed: Action[];
  transitions: Transition[];
  /** Resolves when the case moved; rejects with the request's error. */
  onRun: (action: Action, reason?: string) => Promise<void>;
}

/** One button per action allowed now; actions whose reason the citizen is told ask for it first. */
export const ActionButtons = ({ allowed, transitions, onRun }: Props) => {
  const t = useT();
  const { locale } = useIntl();
  const { actionLabel, actionTone } = useMeta();
  const [busy, setBusy] = React.useState<Action>();
  const [asking, setAsking] = React.useState<Action>();
  const [reason, setReason] = React.useState('');
  const [error, setError] = React.useState<FormError>();

  const needsReason = (a: Action) => transitions.find((tr) => tr.action === a)?.reasonRequired ?? false;

  const run = async (action: Action, why?: string) => {
    setBusy(action);
    setError(undefined);
    try {
      await onRun(action, why);
      setAsking(undefined);
      setReason('');
    } catch (e) {
      setError(toFormError(e, locale, t('common.saveFailed')));
    } finally {
      setBusy(undefined);
    }
  };

  const click = (action: Action) => {
    setError(undefined);
    if (needsReason(action)) {
      setReason('');
      setAsking(action);
    } else void run(action);
  };

  if (allowed.length === 0) return <Typography textColor="neutral600">{t('case.noActions')}</Typography>;

  return (
    <>
      <Flex gap={2} wrap="wrap">
        {allowed.map((a) => (
          <Button key={a} variant={actionTone(a)} loading={busy === a} disabled={Boolean(busy)} onClick={() => click(a)}>
            {actionLabel(a)}
          </Button>
        ))}
      </Flex>
      {error && !asking ? (
        <Alert variant="danger" closeLabel={t('common.close')} title={t('common.error')} onClose={() => setError(undefined)}>
          {error.fields.action ?? error.message}
        </Alert>
      ) : null}

      <Modal.Root open={Boolean(asking)} onOpenChange={(open) => (open ? undefined : setAsking(undefined))}>
        <Modal.Content>
          {asking ? (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void run(asking, reason);
              }}
            >
              <Modal.Header closeLabel={t('common.close')}>
                <Modal.Title>{actionLabel(asking)}</Modal.Title>
              </Modal.Header>
              <Modal.Body>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  {error && !error.fields.reason ? (
                    <Alert variant="danger" closeLabel={t('common.close')} title={t('common.error')} onClose={() => setError(undefined)}>
                      {error.fields.action ?? error.message}
                    </Alert>
                  ) : null}
                  <Field.Root name="reason" required error={error?.fields.reason} hint={t('dialog.reason.hint')}>
                    <Field.Label>{t('dialog.reason')}</Field.Label>
                    <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Flex>
              </Modal.Body>
              <Modal.Footer>
                <Modal.Close>
                  <Button variant="tertiary" type="button">
                    {t('common.cancel')}
                  </Button>
                </Modal.Close>
                <Button type="submit" variant={actionTone(asking) === 'danger-light' ? 'danger' : 'default'} loading={busy === asking}>
                  {t('dialog.confirm', { action: actionLabel(asking) })}
                </Button>
              </Modal.Footer>
            </form>
          ) : null}
        </Modal.Content>
      </Modal.Root>
    </>
  );
};
