import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { loadModel } from './load';
import { BuildFailure } from './model/errors';
import { checkApexReferences, readRuntimeApex } from './verify';

const REPO_ROOT = path.resolve(__dirname, '../..');
const model = loadModel(REPO_ROOT);

test('the hand-written runtime is read from ts-src/apex and its references hold', () => {
  const runtime = readRuntimeApex(REPO_ROOT);
  assert.ok(runtime.some((source) => source.path === 'ts-src/apex/classes/SwyCalloutClient.cls'));
  assert.doesNotThrow(() => checkApexReferences(model, [], runtime));
});

test('a runtime class querying an undeclared field stops the build at its line', () => {
  const runtime = [
    {
      path: 'ts-src/apex/classes/SwyBroken.cls',
      content:
        'public with sharing class SwyBroken {\n  void f() {\n    List<Integration_Error_Log__c> rows = [SELECT Id, Colour__c FROM Integration_Error_Log__c];\n  }\n}\n',
    },
  ];
  assert.throws(
    () => checkApexReferences(model, [], runtime),
    (error: unknown) =>
      error instanceof BuildFailure &&
      error.errors.some(
        (e) =>
          e.location.file === 'ts-src/apex/classes/SwyBroken.cls' &&
          e.location.line === 3 &&
          /Colour__c/.test(e.message),
      ),
  );
});

test('a generated class calling an undeclared Named Credential stops the build', () => {
  const generated = [
    {
      path: 'force-app/main/default/classes/Broken.cls',
      content: "public with sharing class Broken {\n  String endpoint = 'callout:Nowhere_API/orders';\n}\n",
    },
  ];
  assert.throws(
    () => checkApexReferences(model, generated, []),
    (error: unknown) => error instanceof BuildFailure && error.errors.some((e) => /Nowhere_API/.test(e.message)),
  );
});
