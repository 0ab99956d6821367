import { field, platformEvent } from '../dsl';

/** Raised by the health check when an integration fails too often; published even on rollback. */
export const integrationAlert = platformEvent({
  apiName: 'Integration_Alert__e',
  label: 'Integration Alert',
  pluralLabel: 'Integration Alerts',
  description: 'Failure rate of an integration passed its threshold (Switchyard).',
  eventType: 'HighVolume',
  publishBehavior: 'PublishImmediately',
  fields: {
    Integration__c: field.text({ length: 80, required: true }),
    Failure_Rate__c: field.number({ precision: 5, scale: 4, description: 'Failed share, 0-1.' }),
    Failed_Count__c: field.number({ precision: 9, scale: 0 }),
    Total_Count__c: field.number({ precision: 9, scale: 0 }),
    Window_Minutes__c: field.number({ precision: 5, scale: 0 }),
    Message__c: field.text({ length: 255 }),
  },
});

/** Published by the error-log writer for each row it writes, so the console updates live. */
export const integrationLogEvent = platformEvent({
  apiName: 'Integration_Log_Event__e',
  label: 'Integration Log Event',
  pluralLabel: 'Integration Log Events',
  description: 'An error-log row was written or changed status (Switchyard).',
  eventType: 'HighVolume',
  publishBehavior: 'PublishImmediately',
  fields: {
    Integration__c: field.text({ length: 80 }),
    Operation__c: field.text({ length: 80 }),
    Status__c: field.text({ length: 40 }),
    Count__c: field.number({ precision: 9, scale: 0, description: 'Rows in this change.' }),
  },
});

/**
 * Request-reply's deferred writes: the error-log entries and breaker answers of one call, applied by
 * the runtime's `SwyIntegrationOutcomeTrigger` in a later transaction. Published immediately, so it
 * is not uncommitted work and the caller may call out again after it.
 */
export const integrationOutcome = platformEvent({
  apiName: 'Integration_Outcome__e',
  label: 'Integration Outcome',
  pluralLabel: 'Integration Outcomes',
  description: 'Error-log rows and breaker answers a request-reply call defers to a later transaction (Switchyard).',
  eventType: 'HighVolume',
  publishBehavior: 'PublishImmediately',
  fields: {
    Operation__c: field.text({ length: 80, description: 'Operation whose call this is.' }),
    Payload__c: field.longTextArea({
      length: 131072,
      description: 'JSON: log entries (request already redacted) and breaker answers per system.',
    }),
  },
});
