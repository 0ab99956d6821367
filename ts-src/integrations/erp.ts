import { externalSystem, operation } from '../dsl';

export const erp = externalSystem({
  name: 'ERP_API',
  label: 'ERP API',
  baseUrl: 'https://erp.example.com/api/v2',
  auth: { type: 'oauthClientCredentials', tokenUrl: 'https://erp.example.com/oauth/token', scope: 'orders.write' },
  timeoutSeconds: 20,
  // The ERP has a 30-minute maintenance window: after 5 straight failures stop calling it and
  // probe once every 5 minutes instead of burning callouts and async jobs.
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});

export const sendOrderToErp = operation({
  name: 'SendOrderToErp',
  description: 'Hands a confirmed order to the ERP without blocking the save.',
  // About 3,000 orders are confirmed on a normal day, 600 in the busiest hour (the end-of-day
  // push of the sales team); an order as JSON is about 2 KB.
  volume: { messagesPerDay: 3000, peakPerHour: 600, payloadBytes: 2048 },
  pattern: 'fire-and-forget',
  event: 'Order_Confirmed__e',
  messageKey: 'Order_Id__c',
  relatedRecordField: 'Order_Id__c',
  system: 'ERP_API',
  method: 'POST',
  path: '/orders',
  timeoutSeconds: 20,
  // 1 + 7 retries at 1, 2, 4, 8, 10, 10, 10 minutes span about 45 minutes: longer than the
  // maintenance window. Past the scratch-org chain depth of 5 the rest is parked for the sweeper.
  retry: { maxAttempts: 8, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full', maxChainDepth: 5 },
});

export const nightlyOrderSync = operation({
  name: 'NightlyOrderSync',
  description: 'Sends every order changed since the last successful run to the ERP.',
  // The orders changed in a day: the 3,000 new ones and the status changes of older ones.
  volume: { messagesPerDay: 5000, payloadBytes: 600 },
  pattern: 'batch-sync',
  object: 'Order',
  fields: ['OrderNumber', 'Status', 'TotalAmount', 'EffectiveDate', 'External_Order_Id__c', 'Fulfilment_Status__c'],
  idempotencyKey: 'External_Order_Id__c',
  system: 'ERP_API',
  method: 'POST',
  path: '/orders/bulk',
  timeoutSeconds: 60,
  schedule: '0 0 2 * * ?',
  batchSize: 200,
  retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full' },
});
