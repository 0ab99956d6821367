/**
 * A hand-built model close to the example app, for the metadata tests: two events, the error log
 * with list views, tab and layout, a state object, the Order extension, one system per auth type,
 * and the operations that drive permissions. Extra fields cover every field kind.
 */
import type { FieldModel, Model, SourceLocation } from '../../model/types';

const at = (file: string): SourceLocation => ({ file, line: 1, column: 1 });

export function field(name: string, kind: FieldModel['kind'], extra: Partial<FieldModel> = {}): FieldModel {
  return {
    name,
    kind,
    label: name.replace(/__c$/, '').replace(/_/g, ' '),
    required: false,
    sensitive: false,
    externalId: false,
    unique: false,
    location: at('ts-src/test.ts'),
    ...extra,
  };
}

const retry = { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full', maxChainDepth: 5 } as const;

export function testModel(): Model {
  return {
    components: [],
    componentTypings: {},
    events: [
      {
        apiName: 'Order_Confirmed__e',
        label: 'Order Confirmed',
        pluralLabel: 'Orders Confirmed',
        description: 'An order was confirmed.',
        eventType: 'HighVolume',
        publishBehavior: 'PublishAfterCommit',
        fields: [
          field('Order_Id__c', 'Text', { length: 18, required: true }),
          field('Total_Amount__c', 'Number', { precision: 16, scale: 2 }),
          field('Confirmed_At__c', 'DateTime'),
          field('Is_Rush__c', 'Checkbox', { defaultValue: false }),
          field('Notes__c', 'LongTextArea', { length: 1000, visibleLines: 3 }),
          field('Ship_Date__c', 'Date'),
          field('Key__c', 'Text', { length: 64, externalId: true, unique: true }),
        ],
        location: at('ts-src/integrations/orders.ts'),
      },
      {
        apiName: 'Order_Status_Update__e',
        label: 'Order Status Update',
        pluralLabel: 'Order Status Updates',
        eventType: 'HighVolume',
        publishBehavior: 'PublishImmediately',
        fields: [field('Order_Id__c', 'Text', { length: 18, required: true })],
        location: at('ts-src/integrations/orders.ts'),
      },
    ],
    objects: [
      {
        apiName: 'Integration_Error_Log__c',
        label: 'Integration Error Log',
        pluralLabel: 'Integration Error Logs',
        description: 'Dead-letter log.',
        nameField: { type: 'AutoNumber', label: 'Log Number', displayFormat: 'ERR-{0000000}' },
        sharingModel: 'ReadWrite',
        tab: { motif: 'Custom67: Gears' },
        fields: [
          field('Integration__c', 'Text', { length: 80, required: true, description: 'External system name.' }),
          field('Status__c', 'Picklist', {
            values: ['New', 'Retrying', 'Failed', 'On_Hold'],
            restricted: true,
            defaultValue: 'New',
            required: true,
          }),
          field('Payload__c', 'LongTextArea', { length: 131072, visibleLines: 5 }),
          field('Retry_Payload__c', 'LongTextArea', { length: 131072, visibleLines: 5 }),
          field('Attempts__c', 'Number', { precision: 3, scale: 0, helpText: 'Attempts made so far.' }),
          field('Next_Attempt_At__c', 'DateTime'),
          field('Idempotency_Key__c', 'Text', { length: 255, externalId: true, unique: true }),
          field('Is_Test__c', 'Checkbox', { defaultValue: true }),
          field('Contact_Email__c', 'Email'),
          field('Docs_Url__c', 'Url'),
          field('Summary__c', 'TextArea'),
          field('Due_On__c', 'Date'),
        ],
        listViews: [
          { name: 'All', label: 'All', columns: ['Name', 'Integration__c', 'Status__c'] },
          {
            name: 'Failed',
            label: 'Failed',
            columns: ['Name', 'Attempts__c'],
            filter: { field: 'Status__c', equals: 'Failed' },
          },
        ],
        layout: [
          { label: 'Message', fields: ['Integration__c', 'Status__c', 'Attempts__c'] },
          { label: 'Details', fields: ['Payload__c', 'Summary__c'] },
        ],
        location: at('ts-src/platform/errorLog.ts'),
      },
      {
        apiName: 'Integration_Circuit__c',
        label: 'Integration Circuit',
        pluralLabel: 'Integration Circuits',
        nameField: { type: 'Text', label: 'System' },
        sharingModel: 'ReadWrite',
        fields: [
          field('System__c', 'Text', { length: 80, required: true, externalId: true, unique: true }),
          field('Failure_Count__c', 'Number', { precision: 5, scale: 0 }),
        ],
        listViews: [],
        layout: [{ label: 'Information', fields: ['System__c', 'Failure_Count__c'] }],
        location: at('ts-src/platform/circuitState.ts'),
      },
    ],
    extensions: [
      {
        object: 'Order',
        fields: [
          field('External_Order_Id__c', 'Text', { length: 64, externalId: true, unique: true }),
          field('Fulfilment_Status__c', 'Picklist', { values: ['Received', 'Shipped'], restricted: true }),
          field('Unused_Flag__c', 'Checkbox', { defaultValue: false }),
          field('Synced_Total__c', 'Number', { precision: 16, scale: 2 }),
        ],
        location: at('ts-src/integrations/orders.ts'),
      },
    ],
    systems: [
      {
        name: 'ERP_API',
        label: 'ERP API',
        baseUrl: 'https://erp.example.com/api/v2',
        auth: {
          type: 'oauthClientCredentials',
          tokenUrl: 'https://erp.example.com/oauth/token',
          scope: 'orders.write',
        },
        timeoutSeconds: 20,
        circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
        externalCredential: 'ERP_API_Auth',
        principal: 'ERP_API_Principal',
        location: at('ts-src/integrations/erp.ts'),
      },
      {
        name: 'Credit_API',
        label: 'Credit Bureau API',
        baseUrl: 'https://credit.example.com/v1',
        auth: { type: 'apiKeyHeader', headerName: 'X-Api-Key' },
        timeoutSeconds: 10,
        circuitBreaker: { failureThreshold: 3, coolDownSeconds: 120 },
        externalCredential: 'Credit_API_Auth',
        principal: 'Credit_API_Principal',
        location: at('ts-src/integrations/credit.ts'),
      },
      {
        name: 'Ledger_API',
        label: 'Ledger',
        baseUrl: 'https://ledger.example.com',
        auth: {
          type: 'jwtBearer',
          tokenUrl: 'https://login.ledger.example.com/token',
          issuer: 'salesforce-client',
          subject: 'integration@example.com',
          audience: 'https://login.ledger.example.com',
          signingCertificate: 'Ledger_Signing',
        },
        timeoutSeconds: 30,
        circuitBreaker: { failureThreshold: 5, coolDownSeconds: 60 },
        externalCredential: 'Ledger_API_Auth',
        principal: 'Ledger_API_Principal',
        location: at('ts-src/integrations/ledger.ts'),
      },
      {
        name: 'Open_API',
        label: 'Open Data',
        baseUrl: 'https://open.example.com',
        auth: { type: 'none' },
        timeoutSeconds: 5,
        circuitBreaker: { failureThreshold: 5, coolDownSeconds: 60 },
        externalCredential: 'Open_API_Auth',
        principal: 'Open_API_Principal',
        location: at('ts-src/integrations/open.ts'),
      },
    ],
    operations: [
      {
        name: 'NightlyOrderSync',
        description: 'Sync orders.',
        pattern: 'batch-sync',
        object: 'Order',
        fields: ['OrderNumber', 'Synced_Total__c', 'Fulfilment_Status__c'],
        idempotencyKey: 'External_Order_Id__c',
        system: 'ERP_API',
        method: 'POST',
        path: '/orders/bulk',
        timeoutSeconds: 60,
        schedule: '0 0 2 * * ?',
        batchSize: 200,
        retry,
        location: at('ts-src/integrations/erp.ts'),
      },
      {
        name: 'ReceiveOrderStatus',
        description: 'Status call-in.',
        pattern: 'remote-call-in',
        source: 'WMS',
        object: 'Order',
        urlMapping: '/switchyard/v1/order-status',
        idempotencyKey: 'External_Order_Id__c',
        request: [],
        mapping: { externalOrderId: 'External_Order_Id__c', status: 'Fulfilment_Status__c' },
        publishes: 'Order_Status_Update__e',
        location: at('ts-src/integrations/wms.ts'),
      },
      {
        name: 'OrderStatusLive',
        description: 'Live status.',
        pattern: 'ui-update',
        event: 'Order_Status_Update__e',
        object: 'Order',
        recordIdField: 'Order_Id__c',
        component: 'orderStatusTracker',
        location: at('ts-src/integrations/wms.ts'),
      },
    ],
    monitoring: [],
  };
}
