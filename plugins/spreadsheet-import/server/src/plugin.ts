import type { Core } from '@strapi/strapi';
import type { JobsService } from './services/jobs';
import type { TargetsService } from './services/targets';
import { PLUGIN_ID } from './types';

/** The plugin's services, typed: how its own modules reach them through Strapi. */
export const targetsOf = (strapi: Core.Strapi) => strapi.plugin(PLUGIN_ID).service<TargetsService>('targets');
export const jobsOf = (strapi: Core.Strapi) => strapi.plugin(PLUGIN_ID).service<JobsService>('jobs');
