import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { makeSchemaCheck, SCHEMA_SCRIPT, schemaCheck } from './schema';
import { findingFiles, makeProject } from './test-project';
import { exec, REPO_ROOT } from './tools';

const FIELD_FILE = 'app/objects/Order/fields/External_Order_Id__c.field-meta.xml';
const field = (label: string) => `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
  <fullName>External_Order_Id__c</fullName>
  <externalId>true</externalId>
  ${label}
  <length>64</length>
  <type>Text</type>
  <unique>true</unique>
</CustomField>
`;
const noSchemas = !fs.existsSync(path.resolve(REPO_ROOT, SCHEMA_SCRIPT))
  ? `${path.dirname(SCHEMA_SCRIPT)} is not beside this repository`
  : false;

test('schema is skipped, not failed, where ../shared/schemas does not exist, saying where it looked', async (t) => {
  const project = makeProject({ [FIELD_FILE]: field('<label>External Order Id</label>') });
  t.after(project.remove);
  const nowhere = path.join(path.dirname(project.root), 'tool');
  const result = await makeSchemaCheck(nowhere)(project.context());
  assert.equal(result.status, 'SKIP');
  assert.equal(result.summary, `../shared/schemas not found beside ${project.root} or ${nowhere} (runs in CI)`);
});

test(
  "schema uses the tool's own ../shared/schemas for a project made elsewhere, and names it",
  { skip: noSchemas },
  async (t) => {
    const project = makeProject({ [FIELD_FILE]: field('<label>External Order Id</label>') });
    t.after(project.remove);
    const result = await schemaCheck(project.context());
    assert.deepEqual(result.findings, []);
    assert.equal(result.status, 'PASS');
    assert.ok(result.summary.endsWith(`(${path.resolve(REPO_ROOT, '../shared/schemas')})`), result.summary);
  },
);

test('schema passes metadata that matches the Metadata API schema', { skip: noSchemas }, async (t) => {
  const project = makeProject(
    { [FIELD_FILE]: field('<label>External Order Id</label>') },
    { besideSharedSchemas: true },
  );
  t.after(project.remove);
  const result = await schemaCheck(project.context());
  assert.deepEqual(result.findings, []);
  assert.equal(result.status, 'PASS');
});

test('schema fails a misspelt element, naming the file and line', { skip: noSchemas }, async (t) => {
  const project = makeProject(
    { [FIELD_FILE]: field('<lable>External Order Id</lable>') },
    { besideSharedSchemas: true },
  );
  t.after(project.remove);
  const ctx = project.context();
  const result = await schemaCheck(ctx);
  assert.equal(result.status, 'FAIL');
  assert.deepEqual(findingFiles(ctx, result.findings), [FIELD_FILE]);
  assert.match(result.findings[0].message, /^Element 'lable': This element is not expected/);
});

test('schema fails with the install hint when xmllint is missing', { skip: noSchemas }, async (t) => {
  const project = makeProject(
    { [FIELD_FILE]: field('<label>External Order Id</label>') },
    { besideSharedSchemas: true },
  );
  t.after(project.remove);
  // A PATH with bash and python3 but no xmllint.
  const bin = path.join(project.root, '..', 'bin');
  fs.mkdirSync(bin);
  for (const tool of ['bash', 'python3']) {
    const real = ['/usr/bin', '/bin', '/usr/local/bin'].map((d) => path.join(d, tool)).find(fs.existsSync);
    fs.symlinkSync(real!, path.join(bin, tool));
  }
  const savedPath = process.env.PATH;
  process.env.PATH = bin;
  t.after(() => (process.env.PATH = savedPath));
  const result = await schemaCheck(project.context());
  assert.equal(result.status, 'FAIL');
  assert.equal(result.summary, 'xmllint not found: apt-get install -y libxml2-utils');
});

test(
  'schema ignores a false alarm listed in ../shared/schemas/README.md and says so',
  { skip: noSchemas },
  async (t) => {
    const permission = 'app/customPermissions/Reprocess_Failed_Messages.customPermission-meta.xml';
    const project = makeProject(
      {
        [permission]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomPermission xmlns="http://soap.sforce.com/2006/04/metadata">
  <label>Reprocess failed messages</label>
</CustomPermission>
`,
      },
      { besideSharedSchemas: true },
    );
    t.after(project.remove);
    const result = await schemaCheck(project.context());
    assert.equal(result.status, 'PASS');
    assert.match(
      result.notes?.[0] ?? '',
      /^app\/customPermissions\/.*:3 known false alarm \(CustomPermission without isLicensed\)/,
    );
  },
);

test(
  'schema-batch.sh prints what validate-metadata.sh prints, line for line (valid, misspelt, malformed, CustomMetadata)',
  { skip: noSchemas },
  async (t) => {
    const project = makeProject({
      [FIELD_FILE]: field('<lable>External Order Id</lable>'),
      'app/objects/Order/fields/Broken__c.field-meta.xml': '<CustomField><oops>\n',
      'app/objects/Order/fields/Fine__c.field-meta.xml': field('<label>Fine</label>').replaceAll(
        'External_Order_Id__c',
        'Fine__c',
      ),
      'app/customMetadata/Setting.Default.md-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <label>Default</label>
  <protected>false</protected>
  <values>
    <field>Value__c</field>
    <value xsi:type="xsd:string">v</value>
  </values>
</CustomMetadata>
`,
    });
    t.after(project.remove);
    const schemas = path.resolve(REPO_ROOT, '../shared/schemas');
    const shared = await exec('bash', [path.join(schemas, 'validate-metadata.sh'), 'app'], project.root);
    const batch = await exec('bash', [path.join(__dirname, 'schema-batch.sh'), schemas, 'app'], project.root);
    assert.equal(batch.code, shared.code, 'exit code');
    assert.ok(shared.stdout.includes('fails to validate') && shared.stdout.includes('not well-formed'));
    assert.equal(batch.stdout, shared.stdout);
  },
);
