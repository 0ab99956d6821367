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
