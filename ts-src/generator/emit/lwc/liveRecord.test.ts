/**
 * A ui-update operation on an object other than Order, with no component of its own: the shipped
 * liveRecordFeed lands on a generated record page of that object, configured from the declaration,
 * and the page is the object's page in the Switchyard app. The declarations are a throwaway project
 * (a custom object), the components the repository's own.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readComponentSources } from '../../load/components';
import { readDeclarations } from '../../load/declarations';
import { buildModel } from '../../model/build';
import { BuildFailure } from '../../model/errors';
import type { Model, UiUpdateModel } from '../../model/types';
import { CONSOLE_APP } from '../../model/naming';
import { project } from '../../validate/testProject';
import { validateDeclarations } from '../../validate';
import { compileComponents } from './compile';
import { emitEventTypes, emitSchemaTypes } from './componentTypes';
import { emitLiveRecordTypes, LIVE_RECORD_TYPES_PATH, liveRecordBundleMeta } from './liveRecord';
import { emitPages, pagePaths, recordPageName } from './pages';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const FILE = 'ts-src/integrations/shipments.ts';

const DECLARATIONS = `import { customObject, field, operation, platformEvent } from '../dsl';

export const update = platformEvent({
  apiName: 'Shipment_Update__e',
  label: 'Shipment Update',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: {
    Shipment_Id__c: field.text({ length: 18, required: true }),
    Stage__c: field.text({ length: 40, required: true }),
    Eta__c: field.dateTime({ label: 'Arrives' }),
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

export const shipmentLive = operation({
  name: 'ShipmentLive',
  description: 'The Shipment page shows where the shipment is.',
  pattern: 'ui-update',
  event: 'Shipment_Update__e',
  object: 'Shipment__c',
  recordIdField: 'Shipment_Id__c',
  show: ['Stage__c', 'Eta__c', 'Weight__c'],
  statusField: 'Stage__c',
  title: 'Where it is',
});
`;

function loadProject(root: string): Model {
  const { declarations, errors } = readDeclarations(root);
  assert.deepEqual(errors, []);
  assert.deepEqual(validateDeclarations(declarations), []);
  return buildModel(declarations, readComponentSources(REPO_ROOT));
}

function content(files: readonly { path: string; content: string }[], file: string): string {
  const found = files.find((candidate) => candidate.path === file);
  assert.ok(found, `no ${file} among ${files.map((f) => f.path).join(', ')}`);
  return found.content;
}

describe('a ui-update without a component of its own, on a custom object', () => {
  let root: string;
  let model: Model;
  before(() => {
    root = project({ [FILE]: DECLARATIONS });
    model = loadProject(root);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is modelled with the shipped liveRecordFeed and the declared configuration', () => {
    const operation = model.operations.find((candidate) => candidate.name === 'ShipmentLive') as UiUpdateModel;
    assert.equal(operation.component, 'liveRecordFeed');
    assert.deepEqual(operation.live, {
      show: ['Stage__c', 'Eta__c', 'Weight__c'],
      statusField: 'Stage__c',
      title: 'Where it is',
    });
  });

  it('puts liveRecordFeed, configured by its design attributes, on a record page of that object', () => {
    const page = content(emitPages(model), pagePaths.flexiPage(recordPageName('Shipment__c')));
    const fields = JSON.stringify([
      { name: 'Stage__c', label: 'Stage', kind: 'text' },
      { name: 'Eta__c', label: 'Arrives', kind: 'dateTime' },
      { name: 'Weight__c', label: 'Weight', kind: 'number' },
    ]).replace(/"/g, '&quot;');
    const properties = [
      ['cardTitle', 'Where it is'],
      ['channel', '/event/Shipment_Update__e'],
      ['fields', fields],
      ['recordIdField', 'Shipment_Id__c'],
      ['statusField', 'Stage__c'],
    ]
      .map(
        ([name, value]) =>
          `<componentInstanceProperties>\\s*<name>${name}</name>\\s*<value>${escapeRegExp(value)}</value>\\s*</componentInstanceProperties>`,
      )
      .join('\\s*');
    assert.match(
      page,
      new RegExp(
        `${properties}\\s*<componentName>liveRecordFeed</componentName>\\s*<identifier>c_liveRecordFeed_ShipmentLive</identifier>\\s*</componentInstance>\\s*</itemInstances>\\s*<name>sidebar</name>`,
      ),
    );
    assert.match(
      page,
      /<sobjectType>Shipment__c<\/sobjectType>\s*<template>\s*<name>flexipage:recordHomeTemplateDesktop/,
    );
    assert.match(page, /<type>RecordPage<\/type>/);
  });

  it("makes that page the object's record page in the Switchyard app, as the Order page is", () => {
    const app = content(emitPages(model), pagePaths.application(CONSOLE_APP));
    assert.match(
      app,
      /<actionName>View<\/actionName>\s*<content>Shipment_Record_Page<\/content>\s*<formFactor>Large<\/formFactor>\s*<skipRecordTypeSelect>false<\/skipRecordTypeSelect>\s*<type>Flexipage<\/type>\s*<pageOrSobjectType>Shipment__c<\/pageOrSobjectType>/,
    );
  });

  it("targets the record page of that object in the component's bundle metadata", () => {
    const bundle = model.components.find((component) => component.bundle === 'liveRecordFeed')!;
    const meta = liveRecordBundleMeta(
      model,
      bundle.bundle,
      'liveRecordFeed.js-meta.xml',
      bundle.files['liveRecordFeed.js-meta.xml'],
    );
    assert.match(
      meta,
      /<targetConfig targets="lightning__RecordPage">[\s\S]*<property name="cardTitle"[^>]*\/>\s*<objects>\s*<object>Shipment__c<\/object>\s*<\/objects>\s*<\/targetConfig>/,
    );
    assert.match(meta, /<target>lightning__RecordPage<\/target>/);
  });

  it('writes the configuration typed against the event payload', () => {
    const types = emitLiveRecordTypes(model);
    assert.equal(types.path, LIVE_RECORD_TYPES_PATH);
    assert.match(types.content, /^\/\/ Generated by Switchyard from ts-src\/integrations\/shipments\.ts\./);
    assert.match(
      types.content,
      /ShipmentLive: \{"channel":"\/event\/Shipment_Update__e",.*\} satisfies LiveRecordConfig<'\/event\/Shipment_Update__e'>,/,
    );
  });

  it('fails the component build when a shown field is not on the payload type', () => {
    const broken: Model = {
      ...model,
      // Only the console (pages need it) and the stream: the generated module is what is checked.
      components: model.components.filter((component) =>
        ['eventStream', 'integrationErrorConsole'].includes(component.bundle),
      ),
      operations: model.operations.map((operation) =>
        operation.pattern === 'ui-update' ? { ...operation, live: { show: ['Stage__c', 'Nope__c'] } } : operation,
      ),
    };
    const types = [emitEventTypes(broken), emitSchemaTypes(broken), emitLiveRecordTypes(broken)];
    assert.throws(
      () => compileComponents(broken, types),
      (error: unknown) =>
        error instanceof BuildFailure &&
        error.errors.some((e) => e.location.file === LIVE_RECORD_TYPES_PATH && /Nope__c/.test(e.message)),
    );
  });
});

const CASE_DECLARATIONS = `import { field, operation, platformEvent } from '../dsl';

export const caseUpdate = platformEvent({
  apiName: 'Case_Update__e',
  label: 'Case Update',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: {
    Case_Id__c: field.text({ length: 18, required: true }),
    Stage__c: field.text({ length: 40 }),
  },
});

export const caseLive = operation({
  name: 'CaseLive',
  description: 'The Case page shows what the field service says.',
  pattern: 'ui-update',
  event: 'Case_Update__e',
  object: 'Case',
  recordIdField: 'Case_Id__c',
  show: ['Stage__c'],
});
`;

describe('a ui-update without a component of its own, on a standard object (Case)', () => {
  let root: string;
  let model: Model;
  before(() => {
    root = project({ ['ts-src/integrations/cases.ts']: CASE_DECLARATIONS });
    model = loadProject(root);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('gets a Case record page with liveRecordFeed, the Case page of the app, and the Case tab', () => {
    const files = emitPages(model);
    const page = content(files, pagePaths.flexiPage('Case_Record_Page'));
    assert.match(
      page,
      /<componentName>liveRecordFeed<\/componentName>\s*<identifier>c_liveRecordFeed_CaseLive<\/identifier>/,
    );
    assert.match(
      page,
      /<name>cardTitle<\/name>\s*<value>Case Update<\/value>/,
      "the event's label is the default title",
    );
    assert.match(page, /<sobjectType>Case<\/sobjectType>/);
    const app = content(files, pagePaths.application(CONSOLE_APP));
    assert.match(app, /<content>Case_Record_Page<\/content>[\s\S]*?<pageOrSobjectType>Case<\/pageOrSobjectType>/);
    assert.match(app, /<tabs>standard-Case<\/tabs>/);
  });
});
