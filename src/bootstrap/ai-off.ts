import type { Core } from '@strapi/strapi';

type Handler = (ctx: { body?: unknown }) => unknown;

/** Replaces a controller action while a condition holds; Strapi's own action answers otherwise. */
function answerWhile(controller: Record<string, Handler> | undefined, action: string, off: () => Promise<boolean> | boolean, body: unknown) {
  const original = controller?.[action];
  if (!controller || !original) return;
  controller[action] = async (ctx) => {
    if (!(await off())) return original(ctx);
    ctx.body = body;
    return undefined;
  };
}

/**
 * Every edit screen of the Content Manager asks whether Strapi's AI features are set up
 * (GET /admin/ai-feature-config, GET /i18n/ai-localization-jobs/…), and Strapi answers 404 while
 * they are off (always, for us): an error in every officer's console. The answer those requests
 * mean, "nothing set up, no job", is given instead; with AI on, Strapi's own actions answer.
 */
export function answerAiOff(strapi: Core.Strapi): void {
  const ai = (strapi as unknown as { ai?: { admin?: { isEnabled(): boolean } } }).ai;
  answerWhile(strapi.controller('admin::ai') as unknown as Record<string, Handler> | undefined, 'getAiFeatureConfig', () => !ai?.admin?.isEnabled(), {
    data: { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false },
  });
  const i18n = strapi.plugin('i18n');
  const jobs = i18n.controller('ai-localization-jobs') as unknown as Record<string, Handler> | undefined;
  const localizationsOff = async () => !(await i18n.service<{ isEnabled(): Promise<boolean> | boolean }>('ai-localizations').isEnabled());
  for (const action of ['getJobForSingleType', 'getJobForCollectionType']) answerWhile(jobs, action, localizationsOff, { data: null });
}
