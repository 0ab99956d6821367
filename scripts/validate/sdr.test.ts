import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { metadataOutputDir, sdrCheck } from './sdr';
import { apexClass, findingFiles, makeProject } from './test-project';

const FIELD = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
  <fullName>External_Order_Id__c</fullName>
  <externalId>true</externalId>
  <label>External Order Id</label>
  <length>64</length>
  <type>Text</type>
  <unique>true</unique>
</CustomField>
`;
const files = {
  ...apexClass('runtime', 'SwyRetry', 'public with sharing class SwyRetry {}\n'),
  'app/main/default/objects/Order/fields/External_Order_Id__c.field-meta.xml': FIELD,
  // Excluded by .forceignore: not expected to belong to a component.
  'app/main/default/lwc/jsconfig.json': '{}\n',
};

test('sdr converts every package directory to metadata format and writes package.xml', async (t) => {
  const project = makeProject(files, { packageDirs: ['runtime', 'app'] });
  t.after(project.remove);
  t.after(() => fs.rmSync(metadataOutputDir(project.root), { recursive: true, force: true }));
  const result = await sdrCheck(project.context());
  assert.deepEqual(result.findings, []);
  assert.equal(result.status, 'PASS');
  const out = metadataOutputDir(project.root);
  assert.deepEqual(result.notes, [`metadata format and package.xml: ${out}`]);
  const packageXml = fs.readFileSync(path.join(out, 'package.xml'), 'utf8');
  assert.match(packageXml, /<members>SwyRetry<\/members>\s*<name>ApexClass<\/name>/);
  assert.match(packageXml, /<members>Order.External_Order_Id__c<\/members>\s*<name>CustomField<\/name>/);
  assert.match(packageXml, /<version>66.0<\/version>/);
  assert.ok(fs.existsSync(path.join(out, 'classes/SwyRetry.cls')));
});

test('sdr fails files a deploy would silently leave out, naming each', async (t) => {
  const project = makeProject(
    {
      ...files,
      'runtime/classes/SwyNoMeta.cls': 'public with sharing class SwyNoMeta {}\n',
      'app/main/default/objects/Order/fields/Notes.txt': 'notes\n',
    },
    { packageDirs: ['runtime', 'app'] },
  );
  t.after(project.remove);
  t.after(() => fs.rmSync(metadataOutputDir(project.root), { recursive: true, force: true }));
  const ctx = project.context();
  const result = await sdrCheck(ctx);
  assert.equal(result.status, 'FAIL');
  assert.deepEqual(findingFiles(ctx, result.findings), [
    'app/main/default/objects/Order/fields/Notes.txt',
    'runtime/classes/SwyNoMeta.cls',
  ]);
});
