import { externalSystem, field, operation } from '../dsl';

export const creditBureau = externalSystem({
  name: 'Credit_API',
  label: 'Credit Bureau API',
  baseUrl: 'https://credit.example.com/v1',
  auth: { type: 'apiKeyHeader', headerName: 'X-Api-Key' },
  timeoutSeconds: 10,
  circuitBreaker: { failureThreshold: 3, coolDownSeconds: 120 },
});

export const checkCredit = operation({
  name: 'CheckCredit',
  description: 'Asks the credit bureau whether an account may order this amount before activation.',
  // One check per order activation above the auto-approve amount: about a quarter of orders.
  volume: { messagesPerDay: 800, peakPerHour: 150, payloadBytes: 400 },
  pattern: 'request-reply',
  system: 'Credit_API',
  method: 'POST',
  path: '/check',
  // A user waits for this answer: 10 s, never the 120 s maximum.
  timeoutSeconds: 10,
  request: {
    accountId: field.text({ length: 18, required: true }),
    requestedAmount: field.number({ precision: 16, scale: 2, required: true }),
    taxId: field.text({ length: 20, sensitive: true }),
  },
  response: {
    decision: field.picklist({ values: ['APPROVED', 'DECLINED', 'REVIEW'], required: true }),
    creditLimit: field.number({ precision: 16, scale: 2 }),
    reason: field.text({ length: 255 }),
  },
  // The bureau being down must not approve anything: route the order to manual review.
  fallback: { decision: 'REVIEW', reason: 'Credit bureau unavailable; manual review required.' },
});
