import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apexLsCheck } from './apex-ls';
import { apexClass, findingFiles, makeProject } from './test-project';

// Two package directories, as in sfdx-project.json here: a runtime library and generated code
// that calls it and uses a custom field of its own.
const OBJECT = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
  <deploymentStatus>Deployed</deploymentStatus>
  <label>Shipment</label>
  <nameField><label>Name</label><type>Text</type></nameField>
  <pluralLabel>Shipments</pluralLabel>
  <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`;
const FIELD = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
  <fullName>Carrier__c</fullName>
  <label>Carrier</label>
  <length>40</length>
  <type>Text</type>
</CustomField>
`;

function project(runtimeBody: string, generatedBody: string) {
  return makeProject(
    {
      ...apexClass('runtime', 'SwyMath', runtimeBody),
      ...apexClass('app/main/default', 'ShipmentService', generatedBody),
      'app/main/default/objects/Shipment__c/Shipment__c.object-meta.xml': OBJECT,
      'app/main/default/objects/Shipment__c/fields/Carrier__c.field-meta.xml': FIELD,
    },
    { packageDirs: ['runtime', 'app'] },
  );
}

const RUNTIME =
  'public with sharing class SwyMath {\n  public static Integer twice(Integer n) {\n    return n * 2;\n  }\n}\n';

test('apex-ls passes code that uses a class of the other package directory and a custom field', async (t) => {
  const p = project(
    RUNTIME,
    `public with sharing class ShipmentService {
  public static Integer label(Shipment__c s) {
    s.Carrier__c = 'DHL';
    return SwyMath.twice(2);
  }
}
`,
  );
  t.after(p.remove);
  const result = await apexLsCheck(p.context());
  assert.deepEqual(result.findings, []);
  assert.equal(result.status, 'PASS');
});

test('apex-ls fails unknown fields, methods and variables in either package directory', async (t) => {
  const p = project(
    RUNTIME.replace('return n * 2;', 'return n * factor;'),
    `public with sharing class ShipmentService {
  public static Integer label(Shipment__c s) {
    s.Carrrier__c = 'DHL';
    return SwyMath.thrice(2);
  }
}
`,
  );
  t.after(p.remove);
  const ctx = p.context();
  const result = await apexLsCheck(ctx);
  assert.equal(result.status, 'FAIL');
  assert.deepEqual(findingFiles(ctx, result.findings).sort(), [
    'app/main/default/classes/ShipmentService.cls',
    'app/main/default/classes/ShipmentService.cls',
    'runtime/classes/SwyMath.cls',
  ]);
  const messages = result.findings.map((f) => `${f.line}: ${f.message}`).join('\n');
  assert.match(messages, /^3: Unknown field 'Carrrier__c'/m);
  assert.match(messages, /^4: No matching method found for 'thrice'/m);
  assert.match(messages, /^3: No variable or type found for 'factor'/m);
});

test('a change-event trigger on a declared custom object passes; one on an undeclared object fails', async (t) => {
  const trigger = (name: string, event: string) => ({
    [`app/main/default/triggers/${name}.trigger`]: `trigger ${name} on ${event}(after insert) {\n  System.debug(Trigger.new.size());\n}\n`,
    [`app/main/default/triggers/${name}.trigger-meta.xml`]:
      '<?xml version="1.0" encoding="UTF-8"?>\n<ApexTrigger xmlns="http://soap.sforce.com/2006/04/metadata">\n  <apiVersion>66.0</apiVersion>\n  <status>Active</status>\n</ApexTrigger>\n',
  });
  const p = makeProject(
    {
      ...apexClass('runtime', 'SwyMath', RUNTIME),
      'app/main/default/objects/Shipment__c/Shipment__c.object-meta.xml': OBJECT,
      ...trigger('ShipmentChangeEventTrigger', 'Shipment__ChangeEvent'),
      ...trigger('ParcelChangeEventTrigger', 'Parcel__ChangeEvent'),
    },
    { packageDirs: ['runtime', 'app'] },
  );
  t.after(p.remove);
  const ctx = p.context();
  const result = await apexLsCheck(ctx);
  assert.deepEqual(findingFiles(ctx, result.findings), ['app/main/default/triggers/ParcelChangeEventTrigger.trigger']);
  assert.match(result.findings[0].message, /Parcel__ChangeEvent/);
});
