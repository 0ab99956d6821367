/**
 * The delivery policy of one fire-and-forget operation, read from the validated model: the numbers
 * the Apex generator writes into `<Operation>Operation.config()`, so the simulation and the org run
 * the same policy.
 */
import type { FireAndForgetModel, Model } from '../generator/model/types';
import type { RetrySchedule } from './backoff';
import type { BreakerPolicy } from './breaker';
import { messagesPerJob } from './limits';

export interface DeliveryPolicy {
  operation: string;
  /** Named Credential of the external system. */
  system: string;
  timeoutSeconds: number;
  retry: RetrySchedule;
  breaker: BreakerPolicy;
  /** Messages per delivery job: floor(120 s / timeout), at most 100. */
  messagesPerJob: number;
}

export function deliveryPolicyFor(model: Model, operationName: string): DeliveryPolicy {
  const operation = model.operations.find((o) => o.name === operationName);
  if (!operation) throw new Error(`no operation named ${operationName} in the model`);
  if (operation.pattern !== 'fire-and-forget') {
    throw new Error(
      `${operationName} is ${operation.pattern}; only fire-and-forget operations retry through delivery jobs`,
    );
  }
  const { system, timeoutSeconds, retry } = operation as FireAndForgetModel;
  const declared = model.systems.find((s) => s.name === system);
  if (!declared) throw new Error(`${operationName} calls ${system}, which the model does not hold`);
  return {
    operation: operationName,
    system,
    timeoutSeconds,
    retry: {
      maxAttempts: retry.maxAttempts,
      baseDelaySeconds: retry.baseDelaySeconds,
      maxDelaySeconds: retry.maxDelaySeconds,
      jitter: retry.jitter,
      maxChainDepth: retry.maxChainDepth,
    },
    breaker: { ...declared.circuitBreaker },
    messagesPerJob: messagesPerJob(timeoutSeconds),
  };
}
