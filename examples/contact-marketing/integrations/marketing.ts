/**
 * Contact changes captured by Change Data Capture and sent to a marketing platform: every create,
 * update, delete and undelete of a Contact becomes one POST to the platform's contact endpoint,
 * with retries, the platform's circuit breaker, an Idempotency-Key per change and the error log.
 */
import { externalSystem, operation } from '../dsl';

export const marketingPlatform = externalSystem({
  name: 'Marketing_API',
  label: 'Marketing Platform',
  baseUrl: 'https://api.marketing.example.com',
  auth: {
    type: 'oauthClientCredentials',
    tokenUrl: 'https://auth.marketing.example.com/oauth/token',
    scope: 'contacts.write',
  },
  timeoutSeconds: 10,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});

export const syncContactsToMarketing = operation({
  name: 'SyncContactsToMarketing',
  description: 'Keeps the marketing platform audience in step with Salesforce contacts.',
  pattern: 'change-capture',
  system: 'Marketing_API',
  method: 'POST',
  path: '/v2/contacts/changes',
  object: 'Contact',
  fields: ['Email', 'FirstName', 'LastName', 'HasOptedOutOfEmail', 'AccountId'],
  retry: {
    maxAttempts: 6,
    baseDelaySeconds: 30,
    maxDelaySeconds: 600,
    jitter: 'full',
  },
  volume: { messagesPerDay: 5000, peakPerHour: 800, payloadBytes: 400 },
});
