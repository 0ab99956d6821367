import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apexClass, findingFiles, makeProject } from './test-project';
import { xmlCheck } from './xml';

const FIELD = 'app/objects/Order/fields/Status__c.field-meta.xml';
const field = (label: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField>\n  ${label}\n</CustomField>\n`;

test('xml passes well-formed metadata', async (t) => {
  const project = makeProject({
    ...apexClass('app', 'Swy', 'public with sharing class Swy {}\n'),
    [FIELD]: field('<label>Status</label>'),
  });
  t.after(project.remove);
  const result = await xmlCheck(project.context());
  assert.equal(result.status, 'PASS');
  assert.match(result.summary, /^2 files well-formed/);
});

test('xml fails a malformed file, naming it and its line', async (t) => {
  const project = makeProject({ [FIELD]: field('<label>Status</lable>') });
  t.after(project.remove);
  const ctx = project.context();
  const result = await xmlCheck(ctx);
  assert.equal(result.status, 'FAIL');
  assert.deepEqual(findingFiles(ctx, result.findings), [FIELD]);
  assert.equal(result.findings[0].line, 3);
});
