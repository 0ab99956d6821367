/** A delivery policy for tests, shaped like the example app's SendOrderToErp. */
import type { DeliveryPolicy } from './policy';

export function testPolicy(overrides: Partial<DeliveryPolicy> = {}): DeliveryPolicy {
  return {
    operation: 'SendOrderToErp',
    system: 'ERP_API',
    timeoutSeconds: 20,
    retry: { maxAttempts: 8, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full', maxChainDepth: 5 },
    breaker: { failureThreshold: 5, coolDownSeconds: 300 },
    messagesPerJob: 6,
    ...overrides,
  };
}
