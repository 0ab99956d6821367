import { customObject, field } from '../dsl';

/**
 * The dead-letter store. Every message that failed for good, or is waiting for a retry that the
 * Queueable chain could not take, is one row here; the console reprocesses or resolves it.
 */
export const integrationErrorLog = customObject({
  apiName: 'Integration_Error_Log__c',
  label: 'Integration Error Log',
  pluralLabel: 'Integration Error Logs',
  description: 'Dead-letter log of integration messages that failed or wait for a retry (Switchyard).',
  nameField: { type: 'AutoNumber', label: 'Log Number', displayFormat: 'ERR-{0000000}' },
  sharingModel: 'ReadWrite',
  tab: { motif: 'Custom67: Gears' },
  fields: {
    Integration__c: field.text({ length: 80, required: true, description: 'External system name.' }),
    Operation__c: field.text({ length: 80, required: true, description: 'Operation name from the declarations.' }),
    Status__c: field.picklist({
      values: ['New', 'Retrying', 'Failed', 'Resolved', 'Reprocessed'],
      defaultValue: 'New',
      required: true,
      description: 'New and Retrying rows are picked up by the sweeper; Failed rows wait for a person.',
    }),
    Error_Category__c: field.picklist({
      values: ['Retryable', 'Permanent', 'Circuit_Open', 'Chain_Depth', 'Publish_Failed'],
      description: 'Why the message is here.',
    }),
    Payload__c: field.longTextArea({ length: 131072, description: 'Request body, sensitive fields redacted.' }),
    Retry_Payload__c: field.longTextArea({
      length: 131072,
      description:
        'Full request body the sweeper resends. Field-level security hides it from people (only the runtime permission set reads it); cleared when the row is resolved.',
    }),
    Response__c: field.longTextArea({ length: 32768, description: 'Last response body, truncated.' }),
    Error_Message__c: field.longTextArea({ length: 32768, description: 'Last error, truncated.' }),
    HTTP_Status__c: field.number({ precision: 3, scale: 0, label: 'HTTP Status' }),
    Attempts__c: field.number({ precision: 3, scale: 0, description: 'Attempts made so far.' }),
    Max_Attempts__c: field.number({ precision: 3, scale: 0 }),
    Next_Attempt_At__c: field.dateTime({ description: 'When the sweeper may try again.' }),
    Last_Attempt_At__c: field.dateTime(),
    Correlation_Id__c: field.text({ length: 64, description: 'Follows one message across systems.' }),
    Idempotency_Key__c: field.text({
      length: 255,
      externalId: true,
      unique: true,
      description: 'One row per message: a second failure of the same message updates the row.',
    }),
    Related_Record_Id__c: field.text({ length: 18, description: 'Salesforce record the message is about.' }),
  },
  listViews: [
    {
      name: 'All',
      label: 'All',
      columns: ['Name', 'Integration__c', 'Operation__c', 'Status__c', 'Attempts__c', 'Last_Attempt_At__c'],
    },
    {
      name: 'Failed',
      label: 'Failed',
      columns: ['Name', 'Integration__c', 'Operation__c', 'Error_Category__c', 'HTTP_Status__c', 'Last_Attempt_At__c'],
      filter: { field: 'Status__c', equals: 'Failed' },
    },
    {
      name: 'Waiting_For_Retry',
      label: 'Waiting for Retry',
      columns: ['Name', 'Integration__c', 'Operation__c', 'Attempts__c', 'Next_Attempt_At__c'],
      filter: { field: 'Status__c', equals: 'Retrying' },
    },
  ],
  layout: [
    {
      label: 'Message',
      fields: [
        'Integration__c',
        'Operation__c',
        'Status__c',
        'Error_Category__c',
        'Related_Record_Id__c',
        'Correlation_Id__c',
        'Idempotency_Key__c',
      ],
    },
    {
      label: 'Attempts',
      fields: ['Attempts__c', 'Max_Attempts__c', 'Last_Attempt_At__c', 'Next_Attempt_At__c', 'HTTP_Status__c'],
    },
    { label: 'Details', fields: ['Error_Message__c', 'Payload__c', 'Response__c'] },
  ],
});
