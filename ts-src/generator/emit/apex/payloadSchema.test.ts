import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FieldModel } from '../../model/types';
import { operationNamed } from './exampleModel';
import { maxLength, payloadSchemaExpression } from './payloadSchema';

const location = { file: 'ts-src/integrations/test.ts', line: 1, column: 1 };
const field = (name: string, kind: FieldModel['kind'], extra: Partial<FieldModel> = {}): FieldModel => ({
  name,
  kind,
  label: name,
  required: false,
  sensitive: false,
  externalId: false,
  unique: false,
  location,
  ...extra,
});

test('the credit check request becomes a chained builder with its lengths, digits and sensitive key', () => {
  assert.equal(
    payloadSchemaExpression(operationNamed('request-reply', 'CheckCredit').request),
    [
      'new SwyPayloadSchema()',
      "    .text('accountId', 18, true)",
      "    .numeric('requestedAmount', 16, 2, true)",
      "    .text('taxId', 20, false)",
      "    .sensitive('taxId')",
    ].join('\n'),
  );
});

test('every field kind maps to its builder method', () => {
  const expression = payloadSchemaExpression([
    field('note', 'LongTextArea', { length: 32768 }),
    field('summary', 'TextArea'),
    field('site', 'Url'),
    field('contact', 'Email', { required: true }),
    field('status', 'Picklist', { values: ['Packed', "Won't ship"] }),
    field('count', 'Number', { precision: 5, scale: 0 }),
    field('rush', 'Checkbox'),
    field('shipOn', 'Date'),
    field('changedAt', 'DateTime', { required: true }),
  ]);
  assert.deepEqual(expression.split('\n').slice(1), [
    "    .text('note', 32768, false)",
    "    .text('summary', 255, false)",
    "    .text('site', 255, false)",
    "    .email('contact', 255, true)",
    "    .picklist('status', new List<String>{ 'Packed', 'Won\\'t ship' }, false)",
    "    .numeric('count', 5, 0, false)",
    "    .checkbox('rush', false)",
    "    .dateValue('shipOn', false)",
    "    .datetimeValue('changedAt', true)",
  ]);
});

test('a text without a declared length has no limit, and a shape without fields is an empty schema', () => {
  assert.equal(maxLength(field('free', 'Text')), undefined);
  assert.equal(payloadSchemaExpression([field('free', 'Text')]).split('\n')[1], "    .text('free', null, false)");
  assert.equal(payloadSchemaExpression([]), 'new SwyPayloadSchema()');
});
