/**
 * The committed catalog (ts-src/generator/catalog/sobjects.json) is what `npm run catalog` derives
 * from the pinned sobject-types jar: a new PMD engine pin (a new jar) or a hand edit fails here.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  extensionRefusal,
  isStandardObject,
  referenceTo,
  standardFields,
  standardFieldType,
  standardObject,
  unknownObjectHint,
} from '../../ts-src/generator/catalog';
import { CATALOG_FILE, catalogText } from './derive';
import { readSObjects } from './jar';

test('the committed catalog is what npm run catalog derives from the jar', () => {
  assert.ok(
    fs.readFileSync(CATALOG_FILE, 'utf8') === catalogText(),
    'ts-src/generator/catalog/sobjects.json differs from the jar: run npm run catalog and commit the result',
  );
});

test('every field the jar gives an object is read back with its type, companions left out', () => {
  const jar = readSObjects();
  const types: Record<string, string> = {
    'System.Id': 'Id',
    'System.String': 'String',
    'System.Boolean': 'Boolean',
    'System.Datetime': 'Datetime',
    'System.Decimal': 'Decimal',
    'System.Date': 'Date',
  };
  for (const name of ['Account', 'Contact', 'Lead', 'Case', 'Opportunity', 'Product2', 'Asset', 'Order', 'User']) {
    for (const field of jar.get(name)!) {
      if (types[field.type])
        assert.equal(standardFieldType(name, field.name), types[field.type], `${name}.${field.name}`);
    }
  }
  assert.equal(isStandardObject('AccountShare'), false);
  assert.equal(isStandardObject('CaseHistory'), false);
  assert.equal(isStandardObject('LoginHistory'), true, 'no Login object: LoginHistory is an object of its own');
});

test('the catalog answers what validation asks', () => {
  assert.ok(isStandardObject('WorkOrder') && isStandardObject('Quote') && isStandardObject('Contract'));
  assert.equal(isStandardObject('account'), false, 'names are matched as the platform spells them');
  assert.ok(standardFields('Account')?.has('AccountNumber'));
  assert.ok(standardFields('Account')?.has('OwnerId'));
  assert.equal(standardFields('Account')?.has('Owner'), false, 'relationship names are no fields');
  assert.equal(standardFieldType('Case', 'ClosedDate'), 'Datetime');
  assert.equal(referenceTo('Contact', 'AccountId'), 'Account');
  assert.equal(referenceTo('Order', 'OwnerId'), '*', 'an Order is owned by a user or a queue');
  assert.equal(standardObject('AsyncApexJob')?.relationships.get('ApexClass'), 'ApexClass');
  assert.match(unknownObjectHint('Acount'), /did you mean "Account"/);
  assert.match(unknownObjectHint('AccountHistory'), /History record of Account/);
  assert.equal(extensionRefusal('Account'), undefined);
  assert.match(extensionRefusal('BatchApexErrorEvent') ?? '', /Platform Event/);
});
