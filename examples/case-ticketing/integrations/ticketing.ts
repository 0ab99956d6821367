/**
 * Cases pushed to an external ticketing system, and the ticket's status called back in.
 * Patterns: batch-sync (Salesforce -> ticketing, every hour) and remote-call-in (ticketing ->
 * Salesforce, one REST call per status change, updating the Case found by its ticket key).
 */
import { externalSystem, field, objectExtension, operation } from '../dsl';

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
  // The ticketing system retries and may deliver two changes out of order: the newer one wins.
  orderedBy: 'changedAt',
});
