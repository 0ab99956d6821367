/** The model of a record-event operation: its defaults applied, its mapping in event-field order. */
import type { RecordEventOperation } from '../../dsl';
import type { RecordEventModel, SourceLocation } from './types';

export function recordEventModel(operation: RecordEventOperation, location: SourceLocation): RecordEventModel {
  const mapping = Object.fromEntries(Object.entries(operation.mapping).sort(([a], [b]) => a.localeCompare(b)));
  return {
    name: operation.name,
    description: operation.description,
    pattern: 'record-event',
    ...(operation.volume && { volume: operation.volume }),
    object: operation.object,
    event: operation.event,
    on: operation.on && operation.on.length > 0 ? [...new Set(operation.on)].sort() : ['insert', 'update'],
    whenChanged: [...new Set(operation.whenChanged ?? [])],
    ...(operation.when && { when: { field: operation.when.field, equals: operation.when.equals } }),
    mapping,
    location,
  };
}
