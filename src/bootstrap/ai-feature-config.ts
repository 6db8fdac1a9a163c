import type { Core } from '@strapi/strapi';

type Handler = (ctx: { body?: unknown }) => unknown;

/**
 * The Content Manager asks GET /admin/ai-feature-config on every edit screen, and Strapi answers 404
 * when its AI features are off (always, for us): an error in every officer's console. The answer it
 * means, "nothing is configured", is given instead; with AI on, Strapi's own handler answers.
 */
export function answerAiFeatureConfig(strapi: Core.Strapi): void {
  const controller = strapi.controller('admin::ai') as unknown as Record<string, Handler> | undefined;
  const original = controller?.getAiFeatureConfig;
  if (!controller || !original) return;
  const ai = (strapi as unknown as { ai?: { admin?: { isEnabled(): boolean } } }).ai;
  controller.getAiFeatureConfig = (ctx) => {
    if (ai?.admin?.isEnabled()) return original(ctx);
    ctx.body = { data: { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false } };
    return undefined;
  };
}
