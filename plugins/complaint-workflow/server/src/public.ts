/**
 * The plugin's public entry for app code: the types of a case-type registration and the pure rules
 * of a workflow definition. Anything else in this plugin is internal (see the dependency rules in
 * `npm run lint`); at run time the app reaches the plugin through `strapi.plugin('complaint-workflow')`.
 */
export type { ActorRef, AdminUser, CaseFile, CasePhotoFile, CasePhotoSize, CaseRecord, CaseUpload, CaseTypeRegistration, Happening, Notice, NoticeLinks } from './types';
export type { Actor, ActionTone, Label, StateDefinition, StateTone, TransitionDefinition, WorkflowDefinition, Decision, Refusal } from './engine/workflow';
export { activeStates, allowedActions, checkDefinition, decide, dueDate, isActive, isOverdue, isState, meaningOf, stateKeys, stateOf } from './engine/workflow';
export { newTrackingCode, TRACKING_CODE_PATTERN } from './engine/tracking-code';
export { permanentError } from './services/outbox';
export type { CaseEngine, NoticeSource } from './services/engine';
export type { ChannelsService, ChannelInfo, TextDef, TextLanguage } from './services/channels';
export type { OutboxService, Sender } from './services/outbox';
export { caseEngine, channelsOf, outboxOf, pluginConfig } from './plugin';
export { fieldRefused, refused, type FieldRefusal } from './errors';
export { publicHistory, type StoredEvent } from './engine/public-history';
