/**
 * What the declarations say about a Platform Event beyond its fields: which field names the record
 * it is about, and which fields are redacted wherever its JSON is logged. The runtime's
 * SwyEventPublisher publishes any event; generated code hands it these two facts.
 */
import type { Model, PlatformEventModel } from '../../model/types';

/** The event field that holds the Salesforce record an event is about, if an operation names one. */
export function recordIdField(model: Model, event: PlatformEventModel): string | undefined {
  for (const operation of model.operations) {
    if (operation.pattern === 'fire-and-forget' && operation.event === event.apiName && operation.relatedRecordField) {
      return operation.relatedRecordField;
    }
    if (operation.pattern === 'ui-update' && operation.event === event.apiName) return operation.recordIdField;
  }
  return undefined;
}

/** Declared names of the fields redacted wherever the event's JSON is logged. */
export function sensitiveFieldsOf(event: PlatformEventModel): string[] {
  return event.fields.filter((f) => f.sensitive).map((f) => f.name);
}
