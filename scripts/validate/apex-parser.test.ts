import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apexParserCheck } from './apex-parser';
import { apexClass, findingFiles, makeProject } from './test-project';

test('apex-parser passes a valid class and trigger', async (t) => {
  const project = makeProject({
    ...apexClass(
      'app',
      'Good',
      'public with sharing class Good {\n  public Integer twice(Integer n) {\n    return n * 2;\n  }\n}\n',
    ),
    'app/triggers/OrderTrigger.trigger':
      'trigger OrderTrigger on Order(after update) {\n  System.debug(Trigger.new.size());\n}\n',
  });
  t.after(project.remove);
  const result = await apexParserCheck(project.context());
  assert.equal(result.status, 'PASS');
  assert.match(result.summary, /^2 files parsed/);
});

test('apex-parser fails a syntax error, naming the file, line and column', async (t) => {
  const project = makeProject(
    apexClass(
      'app',
      'Bad',
      'public with sharing class Bad {\n  public Integer twice(Integer n) {\n    return n * ;\n  }\n}\n',
    ),
  );
  t.after(project.remove);
  const ctx = project.context();
  const result = await apexParserCheck(ctx);
  assert.equal(result.status, 'FAIL');
  assert.deepEqual(findingFiles(ctx, result.findings), ['app/classes/Bad.cls']);
  assert.deepEqual([result.findings[0].line, result.findings[0].col], [3, 16]);
});
