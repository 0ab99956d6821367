/**
 * Credit check before an order on credit: Salesforce asks, the bureau answers within seconds.
 * Pattern: request-reply (synchronous callout with timeout, circuit breaker and fallback).
 */
import { externalSystem, field, operation } from '../dsl';

export const creditBureau = externalSystem({
  name: 'Credit_Bureau_API',
  label: 'Credit Bureau API',
  baseUrl: 'https://bureau.example.com/v1',
  auth: {
    type: 'oauthClientCredentials',
    tokenUrl: 'https://bureau.example.com/oauth/token',
  },
  timeoutSeconds: 10,
  circuitBreaker: { failureThreshold: 3, coolDownSeconds: 120 },
});

export const checkAccountCredit = operation({
  name: 'CheckAccountCredit',
  description: 'Asks the bureau for a credit decision on an account before an order on credit.',
  pattern: 'request-reply',
  system: 'Credit_Bureau_API',
  method: 'POST',
  path: '/decisions',
  timeoutSeconds: 10,
  request: {
    accountId: field.text({ length: 18, required: true }),
    amount: field.number({ precision: 16, scale: 2, required: true }),
    currencyCode: field.text({ length: 3 }),
  },
  response: {
    decision: field.picklist({
      values: ['APPROVED', 'DECLINED', 'REVIEW'],
      required: true,
    }),
    creditLimit: field.number({ precision: 16, scale: 2 }),
    reason: field.text({ length: 255 }),
  },
  // When the bureau is down nothing is approved: a person reviews the order.
  fallback: {
    decision: 'REVIEW',
    reason: 'Credit bureau unavailable; manual review required.',
  },
});
