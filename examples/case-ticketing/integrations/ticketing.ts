/**
 * Cases pushed to an external ticketing system, and the ticket's status called back in.
 * Patterns: batch-sync (Salesforce -> ticketing, every hour), remote-call-in (ticketing ->
 * Salesforce, one REST call per status change, updating the Case found by its ticket key), and
 * ui-update (the Case record page shows each status change live, with the shipped component).
 */
import { externalSystem, field, objectExtension, operation, platformEvent } from '../dsl';

export const TICKET_STATUSES = ['New', 'Assigned', 'In_Progress', 'Waiting', 'Resolved', 'Closed'] as const;

export const caseFields = objectExtension({
  object: 'Case',
  fields: {
    Ticket_Key__c: field.text({
      length: 40,
      externalId: true,
      unique: true,
      label: 'Ticket Key',
      description: 'The key Salesforce and the ticketing system both use for this case.',
    }),
    Ticket_Status__c: field.picklist({
      values: TICKET_STATUSES,
      label: 'Ticket Status',
    }),
    Ticket_Status_Changed_At__c: field.dateTime({
      label: 'Ticket Status Changed At',
    }),
  },
});

export const ticketing = externalSystem({
  name: 'Ticketing_API',
  label: 'Ticketing API',
  baseUrl: 'https://tickets.example.com/api/v1',
  auth: {
    type: 'oauthClientCredentials',
    tokenUrl: 'https://tickets.example.com/oauth/token',
  },
  timeoutSeconds: 30,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});

export const syncCasesToTicketing = operation({
  name: 'SyncCasesToTicketing',
  description: 'Sends every case changed since the last successful run to the ticketing system.',
  pattern: 'batch-sync',
  object: 'Case',
  fields: ['CaseNumber', 'Subject', 'Status', 'Priority', 'Ticket_Key__c'],
  idempotencyKey: 'Ticket_Key__c',
  system: 'Ticketing_API',
  method: 'POST',
  path: '/tickets/bulk',
  timeoutSeconds: 60,
  schedule: '0 0 * * * ?',
  batchSize: 200,
  retry: {
    maxAttempts: 3,
    baseDelaySeconds: 60,
    maxDelaySeconds: 600,
    jitter: 'full',
  },
});

export const receiveTicketStatus = operation({
  name: 'ReceiveTicketStatus',
  description: 'The ticketing system pushes a ticket status change onto its case.',
  pattern: 'remote-call-in',
  source: 'Ticketing',
  object: 'Case',
  urlMapping: '/switchyard/v1/ticket-status',
  idempotencyKey: 'Ticket_Key__c',
  request: {
    ticketKey: field.text({ length: 40, required: true }),
    status: field.picklist({ values: TICKET_STATUSES, required: true }),
    changedAt: field.dateTime({ required: true }),
  },
  mapping: {
    ticketKey: 'Ticket_Key__c',
    status: 'Ticket_Status__c',
    changedAt: 'Ticket_Status_Changed_At__c',
  },
  publishes: 'Ticket_Status_Changed__e',
  // The ticketing system retries and may deliver two changes out of order: the newer one wins.
  orderedBy: 'changedAt',
});

/** Published by the call-in for every status change it applies; the Case page listens to it. */
export const ticketStatusChanged = platformEvent({
  apiName: 'Ticket_Status_Changed__e',
  label: 'Ticket Status Changed',
  pluralLabel: 'Ticket Status Changes',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: {
    // Filled by the call-in by name: the Case's id, the request's status and time, the status before.
    Case_Id__c: field.text({ length: 18, required: true }),
    Status__c: field.text({ length: 40, required: true }),
    Previous_Status__c: field.text({ length: 40 }),
    Changed_At__c: field.dateTime(),
  },
});

export const ticketStatusLive = operation({
  name: 'TicketStatusLive',
  description: 'The Case record page shows ticket status changes as they arrive.',
  pattern: 'ui-update',
  event: 'Ticket_Status_Changed__e',
  object: 'Case',
  recordIdField: 'Case_Id__c',
  // No component of our own: the shipped liveRecordFeed shows these fields on a generated Case page.
  show: ['Status__c', 'Previous_Status__c', 'Changed_At__c'],
  statusField: 'Status__c',
  title: 'Ticket status',
});
