/**
 * The live-record configuration of ui-update operations (validate/uiUpdate.ts), each rule broken
 * once in one throwaway project built once. A combination the DSL types refuse (show beside a
 * component of one's own) is written with a cast, as a declaration that slips past tsc would be.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { assertError, buildRefused, type Expectation, type RefusedBuild } from './testProject';

const FILE = 'ts-src/integrations/live.ts';

const live = (name: string, body: string, cast = false) => `export const op${name} = operation({
  name: '${name}',
  description: 'Live.',
  pattern: 'ui-update',
  event: 'Shipment_Update__e',
  object: 'Shipment__c',
  recordIdField: 'Shipment_Id__c',
  ${body}
}${cast ? ' as unknown as OperationDeclaration' : ''});
`;

const DECLARATIONS = `import { customObject, field, operation, platformEvent, type OperationDeclaration } from '../dsl';

export const update = platformEvent({
  apiName: 'Shipment_Update__e',
  label: 'Shipment Update',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: {
    Shipment_Id__c: field.text({ length: 18, required: true }),
    Stage__c: field.text({ length: 40 }),
    Weight__c: field.number({ precision: 9, scale: 2 }),
  },
});

export const shipment = customObject({
  apiName: 'Shipment__c',
  label: 'Shipment',
  pluralLabel: 'Shipments',
  nameField: { type: 'Text', label: 'Shipment' },
  sharingModel: 'ReadWrite',
  fields: { Carrier__c: field.text({ length: 40 }) },
});

${live('UnknownShown', "show: ['Stage__c', 'Stge__c'],")}
${live('TwiceShown', "show: ['Stage__c', 'Weight__c', 'Stage__c'],")}
${live('NoneShown', 'show: [],')}
${live('NumberStatus', "show: ['Stage__c'],\n  statusField: 'Weight__c',")}
${live('UnknownStatus', "show: ['Stage__c'],\n  statusField: 'State__c',")}
${live('LongTitle', `show: ['Stage__c'],\n  title: '${'t'.repeat(81)}',`)}
${live('OwnAndShown', "component: 'shipmentTracker',\n  show: ['Stage__c'],", true)}
${live('NothingToShow', '', true)}
${live('ShippedNamed', "component: 'liveRecordFeed',", true)}
`;

const FILES = { [FILE]: DECLARATIONS };

const EXPECTED: Record<string, Expectation> = {
  'a shown field the event does not have': {
    rule: 'unknown-field',
    message:
      /show names "Stge__c", which is not a field of Shipment_Update__e.*fix: use one of: Shipment_Id__c, Stage__c, Weight__c/s,
    at: "'Stage__c', |'Stge__c'",
    file: FILE,
  },
  'a field shown twice': {
    rule: 'ui-update-show',
    message: /show lists "Stage__c" twice/,
    at: "'Weight__c', |'Stage__c'",
    file: FILE,
  },
  'an empty show': {
    rule: 'ui-update-show',
    message: /show of NoneShown lists 0 fields; the card shows 1-10/,
    at: 'show: |[]',
    file: FILE,
  },
  'a status field that is a number': {
    rule: 'ui-update-status-field',
    message:
      /statusField "Weight__c" of Shipment_Update__e is a Number field.*fix: use one of: Shipment_Id__c, Stage__c/s,
    at: "statusField: |'Weight__c'",
    file: FILE,
  },
  'a status field the event does not have': {
    rule: 'unknown-field',
    message: /statusField "State__c" is not a field of Shipment_Update__e/,
    at: "statusField: |'State__c'",
    file: FILE,
  },
  'a title longer than a card title': {
    rule: 'ui-update-title',
    message: /title of LongTitle is 81 characters long; a card title is 1-80/,
    at: "title: |'ttt",
    file: FILE,
  },
  'show beside a component of its own': {
    rule: 'ui-update-config',
    message: /OwnAndShown names its own component 'shipmentTracker', so show configures nothing/,
    at: "show: |['Stage__c'],\n}",
    file: FILE,
  },
  'neither a component nor show': {
    rule: 'ui-update-show',
    message: /NothingToShow names no component.*fix: add show: \['Shipment_Id__c', 'Stage__c'\]/s,
    at: "name: 'NothingToShow',\n  description: 'Live.',\n  pattern: |'ui-update'",
    file: FILE,
  },
  'the shipped component named as if it were its own': {
    rule: 'ui-update-config',
    message: /ShippedNamed names the shipped liveRecordFeed/,
    at: "component: |'liveRecordFeed'",
    file: FILE,
  },
};

describe('ui-update live-record configuration', () => {
  let result: RefusedBuild;
  before(async () => {
    result = await buildRefused(FILES);
  });
  after(() => fs.rmSync(result.root, { recursive: true, force: true }));

  test('the build is refused and force-app is left as it was', () => {
    assert.notEqual(result.code, 0);
    assert.ok(result.unchanged);
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    test(`refuses ${name}`, () => assertError(FILES, result, expected));
  }

  test('refuses nothing else: valid fields beside the broken ones draw no error', () => {
    const live = result.errors.filter((error) => /error \[(ui-update-[a-z-]+|unknown-field)\]/.test(error));
    assert.equal(live.length, Object.keys(EXPECTED).length, live.join('\n'));
  });
});
