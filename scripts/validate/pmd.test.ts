import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pmdCheck } from './pmd';
import { apexClass, findingFiles, makeProject } from './test-project';

const GOOD = `public with sharing class OrderReader {
  public static List<Order> byIds(Set<Id> ids) {
    return [SELECT Id, Status FROM Order WHERE Id IN :ids WITH USER_MODE];
  }
}
`;
const SOQL_IN_LOOP = `public class OrderReader {
  public static List<Order> byIds(Set<Id> ids) {
    List<Order> orders = new List<Order>();
    for (Id i : ids) {
      orders.add([SELECT Id FROM Order WHERE Id = :i WITH USER_MODE]);
    }
    return orders;
  }
}
`;

test('pmd passes a bulkified class with sharing and user-mode SOQL, using config/pmd-ruleset.xml', async (t) => {
  const project = makeProject(apexClass('app', 'OrderReader', GOOD));
  t.after(project.remove);
  const result = await pmdCheck(project.context());
  assert.deepEqual(result.findings, []);
  assert.equal(result.status, 'PASS');
});

test('pmd fails a class without sharing that queries in a loop, naming file, line and rule', async (t) => {
  const project = makeProject(apexClass('app', 'OrderReader', SOQL_IN_LOOP));
  t.after(project.remove);
  const ctx = project.context();
  const result = await pmdCheck(ctx);
  assert.equal(result.status, 'FAIL');
  assert.deepEqual(new Set(findingFiles(ctx, result.findings)), new Set(['app/classes/OrderReader.cls']));
  const rules = result.findings.map((f) => `${f.line} ${f.rule}`);
  assert.ok(rules.includes('1 ApexSharingViolations'), rules.join(', '));
  assert.ok(rules.includes('5 OperationWithLimitsInLoop'), rules.join(', '));
});

test('pmd fails rather than pass when the ruleset runs no rule', async (t) => {
  const project = makeProject({
    ...apexClass('app', 'OrderReader', SOQL_IN_LOOP),
    'config/pmd-ruleset.xml': '<ruleset name="typo"><rule ref="category/apex/securty.xml" /></ruleset>\n',
  });
  t.after(project.remove);
  const result = await pmdCheck(project.context());
  assert.equal(result.status, 'FAIL');
  assert.equal(result.summary, 'no rule ran');
});
