import { customObject, field } from '../dsl';

/** Persisted circuit-breaker state, one row per external system, so it survives transactions. */
export const circuitState = customObject({
  apiName: 'Integration_Circuit__c',
  label: 'Integration Circuit',
  pluralLabel: 'Integration Circuits',
  description: 'Circuit-breaker state per external system (Switchyard runtime).',
  nameField: { type: 'Text', label: 'System' },
  sharingModel: 'ReadWrite',
  fields: {
    System__c: field.text({ length: 80, required: true, externalId: true, unique: true }),
    State__c: field.picklist({ values: ['Closed', 'Open', 'Half_Open'], defaultValue: 'Closed', required: true }),
    Failure_Count__c: field.number({ precision: 5, scale: 0, description: 'Consecutive failures.' }),
    Opened_At__c: field.dateTime(),
    Last_Failure_At__c: field.dateTime(),
    Probe_Until__c: field.dateTime({
      description: 'While Half_Open: the one probe is leased to the job holding Probe_Token__c until then.',
    }),
    Probe_Token__c: field.text({ length: 36, description: 'Token of the job that holds the probe lease.' }),
  },
});

/**
 * When each batch sync last finished without a system-wide failure: the start of its next delta.
 * Pull syncs keep their paging position and their one-run-at-a-time lock on the same row.
 */
export const syncState = customObject({
  apiName: 'Integration_Sync_State__c',
  label: 'Integration Sync State',
  pluralLabel: 'Integration Sync States',
  description: 'Watermark of each batch sync, paging position and run lock of each pull sync (Switchyard runtime).',
  nameField: { type: 'Text', label: 'Operation' },
  sharingModel: 'ReadWrite',
  fields: {
    Operation__c: field.text({ length: 80, required: true, externalId: true, unique: true }),
    Last_Success_At__c: field.dateTime({ description: 'Start time of the last successful run.' }),
    Last_Run_At__c: field.dateTime(),
    Last_Run_Failures__c: field.number({ precision: 9, scale: 0 }),
    Pull_Cursor__c: field.longTextArea({
      length: 4096,
      description: 'Pull sync, cursor paging: the cursor of the next page to fetch; blank = the first page.',
    }),
    Pull_Since__c: field.dateTime({
      description: 'Pull sync, since paging: the greatest change time of the records applied so far.',
    }),
    Pull_Run_Token__c: field.text({
      length: 36,
      description: 'Pull sync: the run that holds this operation (one run at a time).',
    }),
    Pull_Run_Until__c: field.dateTime({
      description: 'Pull sync: the lease of Pull_Run_Token__c; a run that died is taken over after it.',
    }),
  },
});
