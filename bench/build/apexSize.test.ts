import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isTestClass, measureApex, withoutComments } from './apexSize';

describe('Apex size', () => {
  test('drops line, block and ApexDoc comments but keeps strings that look like them', () => {
    const code =
      "/** Doc. */\npublic class A { // note\n  String s = '// not a comment /* nor this */'; /* gone */ }\n";
    assert.equal(withoutComments(code), "\npublic class A { \n  String s = '// not a comment /* nor this */';  }\n");
  });

  test('an escaped quote does not end a string', () => {
    assert.equal(withoutComments("String s = 'it\\'s // here';"), "String s = 'it\\'s // here';");
  });

  test('a class annotated @isTest is a test class; one that only mentions it is not', () => {
    assert.equal(isTestClass('/** x */\n@isTest\nprivate class ATest {}'), true);
    assert.equal(isTestClass('@IsTest(SeeAllData=false)\nprivate class ATest {}'), true);
    assert.equal(isTestClass('/** @isTest? no */\npublic class A { @TestVisible static Integer n; }'), false);
  });

  test('counts non-test classes and triggers only, per operation', () => {
    const size = measureApex(
      [
        { path: 'force-app/main/default/classes/A.cls', content: 'public class A {} // x' },
        { path: 'force-app/main/default/classes/ATest.cls', content: '@isTest\nprivate class ATest {}' },
        { path: 'force-app/main/default/triggers/T.trigger', content: 'trigger T on E (after insert) {}' },
        { path: 'force-app/main/default/classes/A.cls-meta.xml', content: '<ApexClass/>' },
      ],
      2,
    );
    assert.deepEqual(size, { operations: 2, files: 2, characters: 50, perOperation: 25 });
  });
});
