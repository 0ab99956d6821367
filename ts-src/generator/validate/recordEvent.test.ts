/**
 * Record-event operations: every rule at its file:line:col (one refused build with one broken
 * property per operation), the class names predicted, and what a valid declaration generates.
 * Throwaway projects only: nothing here depends on the example app.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, describe, test } from 'node:test';
import { emitApex } from '../emit/apex';
import { loadModel } from '../load';
import type { RecordEventModel } from '../model/types';
import { assertError, buildRefused, project, type RefusedBuild } from './testProject';

const DECLARATIONS = `import { customObject, field, objectExtension, operation, platformEvent } from '../dsl';

export const won = platformEvent({
  apiName: 'Deal_Won__e',
  label: 'Deal Won',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: {
    Record_Id__c: field.text({ length: 18, required: true }),
    Amount__c: field.number({ precision: 16, scale: 2 }),
    Code__c: field.text({ length: 10 }),
    Flag__c: field.checkbox(),
  },
});

export const alert = platformEvent({
  apiName: 'Deal_Alert__e',
  label: 'Deal Alert',
  eventType: 'HighVolume',
  publishBehavior: 'PublishImmediately',
  fields: { Record_Id__c: field.text({ length: 18 }) },
});

export const deal = customObject({
  apiName: 'Deal__c',
  label: 'Deal',
  pluralLabel: 'Deals',
  nameField: { type: 'Text', label: 'Deal' },
  sharingModel: 'ReadWrite',
  fields: {
    Stage__c: field.picklist({ values: ['Open', 'Won', 'Lost'] }),
    Amount__c: field.number({ precision: 16, scale: 2 }),
    Long_Code__c: field.text({ length: 40 }),
    Won__c: field.checkbox(),
  },
});

export const orderFields = objectExtension({
  object: 'Order',
  fields: { Score__c: field.number({ precision: 3, scale: 0 }) },
});
`;

const op = (name: string, body: string) => `
export const ${name[0].toLowerCase()}${name.slice(1)} = operation({
  name: '${name}',
  description: 'A record event.',
  pattern: 'record-event',
  ${body}
});
`;

const VALID =
  DECLARATIONS +
  op(
    'PublishDealWon',
    `object: 'Deal__c',
  event: 'Deal_Won__e',
  on: ['update'],
  whenChanged: ['Stage__c'],
  when: { field: 'Stage__c', equals: 'Won' },
  mapping: { Record_Id__c: 'Id', Amount__c: 'Amount__c', Flag__c: 'Won__c' },`,
  ) +
  op(
    'PublishDealAudit',
    `object: 'Deal__c',
  event: 'Deal_Won__e',
  mapping: { Record_Id__c: 'Id' },`,
  ) +
  op(
    'PublishOpportunityWon',
    `object: 'Opportunity',
  event: 'Deal_Won__e',
  whenChanged: ['StageName'],
  when: { field: 'StageName', equals: 'Closed Won' },
  mapping: { Record_Id__c: 'Id', Amount__c: 'Amount', Flag__c: 'IsWon' },`,
  ) +
  op(
    'PublishOrderScored',
    `object: 'Order',
  event: 'Deal_Won__e',
  whenChanged: ['Score__c', 'Status'],
  mapping: { Record_Id__c: 'Id', Amount__c: 'TotalAmount' },`,
  );

const BROKEN =
  DECLARATIONS +
  op('BadObject', `object: 'Deel__c', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id' },`) +
  op('BadEvent', `object: 'Deal__c', event: 'Deal_Wonn__e', mapping: { Record_Id__c: 'Id' },`) +
  op('Immediate', `object: 'Deal__c', event: 'Deal_Alert__e', mapping: { Record_Id__c: 'Id' },`) +
  op(
    'BadEventField',
    `object: 'Deal__c', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id', Amout__c: 'Amount__c' },`,
  ) +
  op(
    'BadRecordField',
    `object: 'Deal__c', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id', Amount__c: 'Amont__c' },`,
  ) +
  op('BadKind', `object: 'Deal__c', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id', Flag__c: 'Amount__c' },`) +
  op('TooLong', `object: 'Deal__c', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id', Code__c: 'Long_Code__c' },`) +
  op('IdInNumber', `object: 'Deal__c', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id', Amount__c: 'Id' },`) +
  op('Unfilled', `object: 'Deal__c', event: 'Deal_Won__e', mapping: { Amount__c: 'Amount__c' },`) +
  op('NoSave', `object: 'Deal__c', event: 'Deal_Won__e', on: [], mapping: { Record_Id__c: 'Id' },`) +
  op(
    'BadChanged',
    `object: 'Deal__c', event: 'Deal_Won__e', whenChanged: ['Stagee__c'], mapping: { Record_Id__c: 'Id' },`,
  ) +
  op(
    'BadValue',
    `object: 'Deal__c', event: 'Deal_Won__e', when: { field: 'Stage__c', equals: 'Wonn' }, mapping: { Record_Id__c: 'Id' },`,
  ) +
  op(
    'BadValueType',
    `object: 'Deal__c', event: 'Deal_Won__e', when: { field: 'Won__c', equals: 'yes' }, mapping: { Record_Id__c: 'Id' },`,
  ) +
  op(
    'LongName',
    `object: 'Abcdefghij_Abcdefghij_Abcdefgh__c', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id' },`,
  ) +
  op(
    'Compound',
    `object: 'Account', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id', Code__c: 'BillingAddress' },`,
  ) +
  op('ShortId', `object: 'Account', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id', Code__c: 'ParentId' },`) +
  op('NoRecords', `object: 'AccountChangeEvent', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id' },`) +
  op(
    'BadStandard',
    `object: 'Order', event: 'Deal_Won__e', mapping: { Record_Id__c: 'Id', Amount__c: 'TotalAmonut' },`,
  );

const FILE = 'ts-src/integrations/app.ts';
const workspaces: string[] = [];
after(() => workspaces.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('record-event rules stop the build at the property that breaks them', () => {
  let result: RefusedBuild;
  const files = { [FILE]: BROKEN };
  const expect = (rule: string, message: RegExp, at: string) => () =>
    assertError(files, result, { rule, message, at, file: FILE });

  test('the broken project is refused and force-app left as it was', async () => {
    result = await buildRefused(files);
    workspaces.push(result.root);
    assert.equal(result.code, 1);
    assert.ok(result.unchanged);
  });
  test(
    'an unknown object, with the nearest name',
    expect('unknown-object', /"Deel__c"[\s\S]*did you mean "Deal__c"/, "'Deel__c'"),
  );
  test(
    'an unknown event, with the nearest name',
    expect('unknown-event', /"Deal_Wonn__e".*did you mean "Deal_Won__e"/, "'Deal_Wonn__e'"),
  );
  test(
    'an event published immediately: a rolled-back save would still publish',
    expect('record-event-publish-behavior', /rolled back/, "event: 'Deal_Alert__e'".replace("event: '", "event: |'")),
  );
  test(
    'an event field the event does not declare',
    expect('unknown-field', /"Amout__c".*did you mean "Amount__c"/, "'Amount__c' },"),
  );
  test(
    'a record field the object does not declare',
    expect('unknown-field', /"Amont__c".*did you mean "Amount__c"/, "'Amont__c'"),
  );
  test(
    'a record field of a kind the event field cannot hold',
    expect(
      'record-event-mapping-type',
      /Deal__c\.Amount__c \(Number\) into Deal_Won__e\.Flag__c \(Checkbox\)/,
      "Flag__c: |'Amount__c'",
    ),
  );
  test(
    'a text longer than the event field',
    expect('record-event-mapping-length', /up to 40 characters/, "'Long_Code__c'"),
  );
  test(
    'the record Id into a field that cannot hold it',
    expect('record-id-field', /cannot hold a record id/, "Amount__c: |'Id'"),
  );
  test(
    'a required event field left unfilled',
    expect('record-event-required', /Record_Id__c is required/, "mapping: |{ Amount__c: 'Amount__c' }"),
  );
  test('an empty `on`', expect('record-event-on', /names no save/, '[]'));
  test(
    'a whenChanged field the object does not have',
    expect('unknown-field', /"Stagee__c".*did you mean "Stage__c"/, "'Stagee__c'"),
  );
  test(
    'a condition value the picklist does not have',
    expect('record-event-condition', /"Wonn" is not a value/, "'Wonn'"),
  );
  test(
    'a condition value of the wrong type',
    expect('record-event-condition', /when\.equals is a string.*Checkbox/, "'yes'"),
  );
  test(
    'a generated class name past 40 characters, predicted at the object',
    expect('apex-name-length', /AbcdefghijAbcdefghijAbcdefghRecordEventsTest/, "'Abcdefghij_Abcdefghij_Abcdefgh__c'"),
  );
  test(
    'a compound standard field',
    expect('record-event-mapping-type', /Account\.BillingAddress is a Address field/, "'BillingAddress'"),
  );
  test('a standard lookup Id into a short text', expect('record-id-field', /Account\.ParentId/, "'ParentId'"));
  test('an object that holds no records', expect('unknown-object', /AccountChangeEvent/, "'AccountChangeEvent'"));
  test(
    'a standard field misspelt',
    expect('unknown-field', /"TotalAmonut".*did you mean "TotalAmount"/, "'TotalAmonut'"),
  );
});

describe('a valid record-event project', () => {
  const root = project({ [FILE]: VALID });
  workspaces.push(root);
  const model = loadModel(root);
  const apex = emitApex(model);
  const source = (name: string) => {
    const file = apex.find((f) => f.path.endsWith(`/${name}.cls`) || f.path.endsWith(`/${name}.trigger`));
    assert.ok(file, `${name} was not generated`);
    return file.content;
  };

  test('the model applies the defaults: both saves, no changed fields, mapping in event-field order', () => {
    const audit = model.operations.find((o) => o.name === 'PublishDealAudit') as RecordEventModel;
    assert.deepEqual(audit.on, ['insert', 'update']);
    assert.deepEqual(audit.whenChanged, []);
    const won = model.operations.find((o) => o.name === 'PublishDealWon') as RecordEventModel;
    assert.deepEqual(Object.keys(won.mapping), ['Amount__c', 'Flag__c', 'Record_Id__c']);
  });

  test('one trigger per object, after the saves its operations declare, delegating in one line', () => {
    const deal = source('DealSwyRecordEvents');
    assert.match(
      deal,
      /trigger DealSwyRecordEvents on Deal__c\(after insert, after update\) \{\n\s*SwyRecordEvents\.handle\(DealRecordEvents\.configs\(\)\);\n\}/,
    );
    assert.match(source('OrderSwyRecordEvents'), /on Order\(after insert, after update\)/);
    assert.equal(apex.filter((f) => f.path.endsWith('.trigger')).length, 3, 'three objects, three triggers');
    assert.match(source('OpportunityRecordEvents'), /\.whenEquals\(Opportunity\.StageName, 'Closed Won'\)/);
  });

  test('the configuration lists each operation with its saves, conditions and field tokens', () => {
    const config = source('DealRecordEvents');
    assert.match(
      config,
      /public static List<SwyRecordEvents\.Config> configs\(\) \{\n\s*return new List<SwyRecordEvents\.Config>\{\n?\s*publishDealAuditConfig\(\),\n?\s*publishDealWonConfig\(\)/,
    );
    assert.match(
      config,
      /new SwyRecordEvents\.Config\(\s*'PublishDealWon',\s*Deal_Won__e\.SObjectType\s*\)\s*\.saves\(false, true\)\s*\.whenChanged\(new List<Schema\.SObjectField>\{ Deal__c\.Stage__c \}\)\s*\.whenEquals\(Deal__c\.Stage__c, 'Won'\)\s*\.copy\(Deal_Won__e\.Amount__c, Deal__c\.Amount__c\)/,
    );
    assert.match(config, /\.copy\(Deal_Won__e\.Record_Id__c, Deal__c\.Id\)/);
    assert.doesNotMatch(source('OrderRecordEvents'), /\.saves\(/, 'both saves is the runtime default');
  });

  test('the generated test saves a record through the trigger and checks the bypass and the mapping', () => {
    const test = source('DealRecordEventsTest');
    assert.match(test, /insert record;/);
    assert.match(test, /SwyRecordEvents\.bypass\('Deal__c'\);/);
    assert.match(test, /static void publishDealWonConfigCopiesTheMappedFields\(\)/);
    assert.match(test, /event\.get\('Amount__c'\)/);
  });
});
