/**
 * How the runtime's `SwyCalloutClient` classifies a `CalloutException` by its message: the same
 * fragments as `CONFIGURATION_ERRORS` there. A fragment the platform is known to use for a callout it
 * refuses on the caller's side is a configuration error (not retried, not counted by the breaker);
 * every other message stays retryable, so an unknown wording costs retries, never a message.
 */
import type { CalloutResultKind } from './breaker';

export const CONFIGURATION_ERROR_FRAGMENTS: readonly string[] = [
  'uncommitted work pending',
  'callout from triggers',
  'callout not allowed from this future method',
  'access the credential',
  'access the endpoint',
];

export function classifyCalloutException(
  message: string | undefined,
): Extract<CalloutResultKind, 'retryable' | 'configuration'> {
  const lower = (message ?? '').toLowerCase();
  return CONFIGURATION_ERROR_FRAGMENTS.some((fragment) => lower.includes(fragment)) ? 'configuration' : 'retryable';
}
