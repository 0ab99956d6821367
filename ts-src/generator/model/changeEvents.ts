/**
 * Names and defaults of Change Data Capture, shared by the validation (names.ts predicts the
 * trigger), the metadata emitter (the channel member) and the Apex emitter (the trigger).
 */
import type { ChangeType } from '../../dsl';
import { apexStem } from './naming';

/** Every change type an operation can declare, in the order the platform documents them. */
export const ALL_CHANGE_TYPES: readonly ChangeType[] = ['CREATE', 'UPDATE', 'DELETE', 'UNDELETE'];

/** The standard channel of every entity selected for Change Data Capture in Setup. */
export const CHANGE_EVENTS_CHANNEL = 'ChangeEvents';

/**
 * The change event of an object: `<Object>ChangeEvent` for a standard object, `<Name>__ChangeEvent`
 * for a custom one (`Invoice__c` -> `Invoice__ChangeEvent`).
 * https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields.htm
 */
export function changeEventName(object: string): string {
  return object.endsWith('__c') ? `${object.slice(0, -3)}__ChangeEvent` : `${object}ChangeEvent`;
}

/** `ContactChangeEventTrigger`, `InvoiceChangeEventTrigger`: the one trigger per captured object. */
export function changeEventTriggerName(object: string): string {
  return `${apexStem(object)}ChangeEventTrigger`;
}
