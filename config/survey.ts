import type { Core } from '@strapi/strapi';

/**
 * Surveys (src/api/survey), read as strapi.config.get('survey'): the secret that signs each case's
 * one-time satisfaction link (generated into .env on the first start, like the other secrets).
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  secret: env('SURVEY_SECRET', ''),
});

export default config;
