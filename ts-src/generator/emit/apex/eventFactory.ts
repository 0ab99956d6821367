/**
 * Test data for a Platform Event: a private factory method in the generated test class that builds
 * `count` valid events, each with its own value in every text field (so message keys differ).
 */
import type { FieldModel, PlatformEventModel } from '../../model/types';
import { apexType, camel, str } from './apex';
import { sampleText, sampleValue } from './samples';
import { apex } from './template';

export interface EventFactory {
  /** The factory method's source. */
  method: string;
  /** A call of it, such as `orderConfirmedEvents(3)`. */
  call(count: string): string;
}

/** Fields left empty by the factory: a test sets them when it needs them (the correlation id). */
const LEFT_EMPTY = new Set(['Correlation_Id__c']);

export function eventFactory(event: PlatformEventModel): EventFactory {
  const name = `${camel(event.apiName)}Events`;
  const type = event.apiName;
  const values = event.fields.filter((f) => !LEFT_EMPTY.has(f.name)).map((f) => `${f.name} = ${valueFor(f)}`);
  const method = apex`
    private static List<${type}> ${name}(Integer count) {
      List<${type}> events = new List<${type}>();
      for (Integer i = 0; i < count; i++) {
        events.add(new ${type}(
          ${values.join(',\n')}
        ));
      }
      return events;
    }
  `;
  return { method, call: (count) => `${name}(${count})` };
}

/** Text gets the loop index in front, cut to the field length, so each event's values differ. */
function valueFor(field: FieldModel): string {
  if (apexType(field) !== 'String' || field.kind === 'Picklist') return sampleValue(field);
  const max = field.length ?? 255;
  return `(String.valueOf(i) + ${str(sampleText(field))}).left(${max})`;
}
