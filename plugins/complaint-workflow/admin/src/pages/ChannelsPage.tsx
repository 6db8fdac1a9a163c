import * as React from 'react';
import { Badge, Box, Button, Field, Flex, Link, Radio, Textarea, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { BotText } from '../types/api';
import { toFormError, type FormError } from '../utils/errors';
import { isThai, useT } from '../utils/i18n';

const MANAGE = [{ action: 'plugin::complaint-workflow.channels.manage', subject: null }];

/** The languages the bot answers in: a citizen hears the language their case was filed in. */
const TEXT_LANGUAGES = ['th', 'en'] as const;
type TextLanguage = (typeof TEXT_LANGUAGES)[number];

interface Channel {
  id: string;
  name: { th: string; en: string };
  webhookUrl: string;
  configured: boolean;
  missing: string[];
}

/** Each chat channel's webhook URL to paste into the LINE or Meta console, and whether it is on. */
const ChannelsPage = () => {
  const t = useT();
  const { locale } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions: can, isLoading: loadingPermissions } = useRBAC(MANAGE);
  const canManage = !loadingPermissions && Boolean(can.canManage);
  const [channels, setChannels] = React.useState<Channel[] | null>(null);
  const [texts, setTexts] = React.useState<BotText[]>([]);
  const [language, setLanguage] = React.useState<TextLanguage>('th');
  const [draft, setDraft] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<FormError>();
  const [failed, setFailed] = React.useState(false);

  const show = (next: BotText[]) => {
    setTexts(next);
    setDraft(Object.fromEntries(next.map((x) => [x.key, x.value])));
  };

  React.useEffect(() => {
    setError(undefined);
    get<{ channels: Channel[]; texts: BotText[] }>(`/complaint-workflow/channels?language=${language}`)
      .then(({ data }) => {
        setChannels(data.channels);
        show(data.texts ?? []);
      })
      .catch(() => setFailed(true));
  }, [get, language]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      const { data } = await put<{ texts: BotText[] }>('/complaint-workflow/channels/texts', { texts: draft, language });
      show(data.texts);
      toggleNotification({ type: 'success', message: t('texts.saved') });
    } catch (err) {
      setError(toFormError(err, locale, t('common.saveFailed')));
    } finally {
      setSaving(false);
    }
  };

  if (failed) return <Page.Error />;
  if (!channels) return <Page.Loading />;
  return (
    <Layouts.Root>
      <Page.Title>{t('channels.title')}</Page.Title>
      <Layouts.Header
        title={t('channels.title')}
        subtitle={t('channels.subtitle')}
        navigationAction={
          <Link tag={NavLink} to=".." startIcon={<ArrowLeft />}>
            {t('case.back')}
          </Link>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {channels.map((c) => (
            <Box key={c.id} tag="section" aria-labelledby={`channel-${c.id}`} background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Flex gap={3}>
                  <Typography id={`channel-${c.id}`} variant="delta" tag="h2">
                    {isThai(locale) ? c.name.th : c.name.en}
                  </Typography>
                  <Badge active={c.configured}>{c.configured ? t('channels.on') : t('channels.off')}</Badge>
                </Flex>
                <Typography variant="pi" fontWeight="bold">
                  {t('channels.webhook')}
                </Typography>
                <Box background="neutral100" padding={3} hasRadius>
                  <Typography tag="code" style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                    {c.webhookUrl}
                  </Typography>
                </Box>
                {c.configured ? (
                  <Typography textColor="neutral600">{t('channels.ready')}</Typography>
                ) : (
                  <Typography textColor="danger600">{t('channels.missing', { vars: c.missing.join(', ') })}</Typography>
                )}
              </Flex>
            </Box>
          ))}

          {texts.length ? (
            <Box tag="section" aria-labelledby="cw-texts" background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <form noValidate onSubmit={(e) => void save(e)}>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <Typography id="cw-texts" variant="delta" tag="h2">
                    {t('texts.title')}
                  </Typography>
                  <Typography textColor="neutral600">{t('texts.subtitle')}</Typography>
                  <Radio.Group
                    aria-label={t('texts.language')}
                    value={language}
                    onValueChange={(v: string) => setLanguage(v === 'en' ? 'en' : 'th')}
                  >
                    <Flex gap={4}>
                      {TEXT_LANGUAGES.map((l) => (
                        <Radio.Item key={l} value={l}>
                          {t(`texts.language.${l}`)}
                        </Radio.Item>
                      ))}
                    </Flex>
                  </Radio.Group>
                  {texts.map((x) => (
                    <Field.Root
                      key={x.key}
                      name={`text-${x.key}`}
                      error={error?.fields[`texts.${x.key}`]}
                      hint={x.vars.length ? t('texts.vars', { vars: x.vars.map((v) => `{${v}}`).join(' ') }) : t('texts.noVars')}
                    >
                      <Flex gap={2}>
                        <Field.Label>{isThai(locale) ? x.label.th : x.label.en}</Field.Label>
                        {x.edited ? <Badge>{t('texts.edited')}</Badge> : null}
                      </Flex>
                      <Textarea
                        value={draft[x.key] ?? ''}
                        disabled={!canManage}
                        onChange={(ev: React.ChangeEvent<HTMLTextAreaElement>) => setDraft((d) => ({ ...d, [x.key]: ev.target.value }))}
                      />
                      <Field.Hint />
                      <Field.Error />
                      {canManage && draft[x.key] !== x.default ? (
                        <Box paddingTop={1}>
                          <Button size="S" variant="tertiary" type="button" onClick={() => setDraft((d) => ({ ...d, [x.key]: x.default }))}>
                            {t('texts.reset')}
                          </Button>
                        </Box>
                      ) : null}
                    </Field.Root>
                  ))}
                  {error && !Object.keys(error.fields).length ? <Typography textColor="danger600">{error.message}</Typography> : null}
                  {canManage ? (
                    <Flex justifyContent="flex-end">
                      <Button type="submit" loading={saving}>
                        {t('texts.save')}
                      </Button>
                    </Flex>
                  ) : null}
                </Flex>
              </form>
            </Box>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};

export default ChannelsPage;
