import { customObject, field } from '../dsl';

/**
 * The open breach of each integration, so the health check e-mails once per breach: when a breach
 * opens, not on every run while it lasts, and again only after a recovery and a new breach.
 */
export const alertState = customObject({
  apiName: 'Integration_Alert_State__c',
  label: 'Integration Alert State',
  pluralLabel: 'Integration Alert States',
  description: 'Open failure-rate breach per integration, so alerts go out once per breach (Switchyard runtime).',
  nameField: { type: 'Text', label: 'Integration' },
  sharingModel: 'ReadWrite',
  fields: {
    Integration__c: field.text({ length: 80, required: true, externalId: true, unique: true }),
    Breached_Since__c: field.dateTime({ description: 'When the open breach began; empty while none is open.' }),
    Alerted_At__c: field.dateTime({ description: 'When the alert e-mail for the open breach went out.' }),
    Recovered_At__c: field.dateTime({ description: 'When the last breach ended.' }),
    Failure_Rate__c: field.number({ precision: 5, scale: 4, description: 'Failed share when the breach opened, 0-1.' }),
  },
});
