/**
 * The idempotency key the runtime sends and stores (`SwyMessage.keyFor`, `SwyMessage.fitKey`):
 * `<operation>:<declared key>:<version>`, the version being the SHA-256 (hex) of the body exactly as
 * sent. An exact duplicate delivery (the same event again, a resend of a logged row, a finalizer's
 * re-enqueue) carries the same key, so the receiver drops it; changed content has another key, so a
 * changed re-confirmation is not dropped; two operations never share a key, so they never share an
 * error-log row (`SwyErrorLog` upserts by it). A key never exceeds the 255 characters of
 * `Integration_Error_Log__c.Idempotency_Key__c`: a longer one keeps its first 120 characters, `#`
 * and the SHA-256 of the whole key, so it is never cut into another message's key.
 */
import { createHash } from 'node:crypto';

/** `SwyMessage.MAX_KEY_LENGTH`: the length of Idempotency_Key__c. */
export const MAX_KEY_LENGTH = 255;
/** Characters a too-long key keeps before `#` and its hash (`SwyMessage.fitKey`). */
export const FITTED_KEY_PREFIX = 120;

/** SHA-256 of the UTF-8 text, lower-case hex (`EncodingUtil.convertToHex(Crypto.generateDigest(...))`). */
export function versionOf(payload: string | null | undefined): string {
  return createHash('sha256')
    .update(payload ?? '', 'utf8')
    .digest('hex');
}

/** The key itself when it fits, else its first 120 characters, `#` and the hash of the whole key. */
export function fitKey(key: string): string {
  return key.length <= MAX_KEY_LENGTH ? key : `${key.slice(0, FITTED_KEY_PREFIX)}#${versionOf(key)}`;
}

/** The key of one message of one operation. */
export function messageKey(operation: string, declaredKey: string, payload: string): string {
  return fitKey(`${operation}:${declaredKey}:${versionOf(payload)}`);
}
