/** A message waiting to be sent (or sent): the outbox written in the same transaction as its cause. */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'workflow_outbox_messages',
    info: { singularName: 'outbox-message', pluralName: 'outbox-messages', displayName: 'Outbox message' },
    options: { draftAndPublish: false },
    pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
    attributes: {
      channel: { type: 'string', required: true, maxLength: 20 },
      recipient: { type: 'string', required: true, maxLength: 300, private: true },
      subject: { type: 'string', maxLength: 250 },
      body: { type: 'text', private: true },
      state: { type: 'enumeration', enum: ['pending', 'sent', 'skipped', 'failed'], default: 'pending', required: true },
      attempts: { type: 'integer', default: 0, required: true },
      nextAttemptAt: { type: 'datetime' },
      sentAt: { type: 'datetime' },
      lastError: { type: 'text' },
      // Which case the message is about, so its page can show whether it arrived.
      caseType: { type: 'string', maxLength: 60 },
      caseId: { type: 'integer' },
    },
  },
};
