import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { makeProject } from './test-project';
import { REPO_ROOT } from './tools';

const validate = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/validate.ts'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });

test('validate --only runs the named checks on --project and exits 0 when they pass', (t) => {
  const project = makeProject({ 'app/objects/A__c/A__c.object-meta.xml': '<CustomObject/>\n' });
  t.after(project.remove);
  const run = validate('--only', 'xml,apex-parser', '--project', project.root);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^PASS xml {10}1 file well-formed/m);
  assert.match(run.stdout, /^PASS apex-parser {2}0 files parsed/m);
  assert.doesNotMatch(run.stdout, /^\w+ (pmd|sdr) /m);
});

test('validate exits 1 when a check fails and prints the finding', (t) => {
  const project = makeProject({ 'app/objects/A__c/A__c.object-meta.xml': '<CustomObject>\n' });
  t.after(project.remove);
  const run = validate('--only=xml', `--project=${project.root}`);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /^FAIL xml {2}1 malformed file/m);
  assert.match(run.stdout, /^ {5}app\/objects\/A__c\/A__c\.object-meta\.xml:\d+/m);
  assert.match(run.stdout, /^validate: FAILED xml/m);
});

test('validate exits 2 on an unknown check name', () => {
  const run = validate('--only', 'xml,lint');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /unknown check lint; checks: xml, apex-parser, apex-ls, pmd, lwc, sdr, prettier, schema/);
});
