/**
 * The part of `lightning/uiRecordApi` (Lightning Data Service) the components use.
 * https://developer.salesforce.com/docs/platform/lwc/guide/reference-lightning-ui-api-record.html
 */
declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';

  export interface FieldValueRepresentation {
    value: unknown;
    displayValue: string | null;
  }

  export interface RecordRepresentation {
    id: string;
    apiName: string;
    fields: Record<string, FieldValueRepresentation>;
  }

  /** A field reference from `@salesforce/schema/Object.Field`. */
  export interface FieldId {
    objectApiName: string;
    fieldApiName: string;
  }

  export interface GetRecordConfig {
    recordId?: string;
    fields?: readonly (FieldId | string)[];
    optionalFields?: readonly (FieldId | string)[];
  }

  export interface WireResult<T> {
    data?: T;
    error?: unknown;
  }

  export const getRecord: WireAdapterConstructor<GetRecordConfig, WireResult<RecordRepresentation>>;

  export function getFieldValue(record: RecordRepresentation, field: FieldId | string): unknown;

  /**
   * Tells LDS that these records changed on the server, so every component showing them
   * refetches (replaces the deprecated getRecordNotifyChange).
   */
  export function notifyRecordUpdateAvailable(recordIds: readonly { recordId: string }[]): Promise<void>;
}

/** `import FIELD from '@salesforce/schema/Order.Fulfilment_Status__c'`: a field or object reference. */
declare module '@salesforce/schema/*' {
  const reference: import('lightning/uiRecordApi').FieldId;
  export default reference;
}
