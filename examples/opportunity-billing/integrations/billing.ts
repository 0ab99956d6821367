import { externalSystem, field, operation, platformEvent } from '../dsl';

export const billing = externalSystem({
  name: 'Billing_API',
  label: 'Billing API',
  baseUrl: 'https://billing.example.com/api/v1',
  auth: {
    type: 'oauthClientCredentials',
    tokenUrl: 'https://billing.example.com/oauth/token',
    scope: 'invoices.write',
  },
  timeoutSeconds: 20,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});

/** A won deal, as billing needs it; published only when the save that won it commits. */
export const opportunityWon = platformEvent({
  apiName: 'Opportunity_Won__e',
  label: 'Opportunity Won',
  pluralLabel: 'Opportunities Won',
  description: 'An opportunity was closed won and must be invoiced.',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: {
    Opportunity_Id__c: field.text({ length: 18, required: true }),
    Account_Id__c: field.text({ length: 18 }),
    Name__c: field.text({ length: 120 }),
    Amount__c: field.number({ precision: 16, scale: 2 }),
    Close_Date__c: field.date(),
  },
});

export const publishOpportunityWon = operation({
  name: 'PublishOpportunityWon',
  description: 'Publishes Opportunity_Won__e when an opportunity is closed won.',
  volume: { messagesPerDay: 400, peakPerHour: 80, payloadBytes: 400 },
  pattern: 'record-event',
  object: 'Opportunity',
  event: 'Opportunity_Won__e',
  // An opportunity created already won counts too: an insert is a change of every field it sets.
  whenChanged: ['StageName'],
  when: { field: 'StageName', equals: 'Closed Won' },
  mapping: {
    Opportunity_Id__c: 'Id',
    Account_Id__c: 'AccountId',
    Name__c: 'Name',
    Amount__c: 'Amount',
    Close_Date__c: 'CloseDate',
  },
});

export const sendWonOpportunityToBilling = operation({
  name: 'SendWonOpportunityToBilling',
  description: 'Asks the billing system to invoice a won opportunity.',
  volume: { messagesPerDay: 400, peakPerHour: 80, payloadBytes: 400 },
  pattern: 'fire-and-forget',
  event: 'Opportunity_Won__e',
  messageKey: 'Opportunity_Id__c',
  relatedRecordField: 'Opportunity_Id__c',
  system: 'Billing_API',
  method: 'POST',
  path: '/invoices',
  retry: {
    maxAttempts: 6,
    baseDelaySeconds: 60,
    maxDelaySeconds: 600,
    jitter: 'full',
  },
});
