import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { transformSync } from '@lwc/compiler';
import ts from 'typescript';
import { BuildFailure, formatDeclarationError } from '../../model/errors';
import type { FieldModel, Model, PlatformEventModel, UiUpdateModel } from '../../model/types';
import { CONSOLE_APP, CONSOLE_TAB, ORDER_RECORD_PAGE } from '../../model/naming';
import type { GeneratedFile } from '../types';
import { compilerOptions } from './compile';
import { emitEventTypes, emitSchemaTypes } from './componentTypes';
import { emitLwc } from './index';
import { recordPageName } from './pages';

const ROOT = path.resolve(__dirname, '../../../..');
const at = (file: string, line: number) => ({ file, line, column: 3 });

function field(name: string, kind: FieldModel['kind'], required = false, extra: Partial<FieldModel> = {}): FieldModel {
  return {
    name,
    kind,
    label: name,
    required,
    sensitive: false,
    externalId: false,
    unique: false,
    location: at('ts-src/integrations/orders.ts', 60),
    ...extra,
  };
}

function statusEvent(statusField: string): PlatformEventModel {
  return {
    apiName: 'Order_Status_Update__e',
    layer: 'app',
    label: 'Order Status Update',
    pluralLabel: 'Order Status Updates',
    eventType: 'HighVolume',
    publishBehavior: 'PublishAfterCommit',
    fields: [
      field('Order_Id__c', 'Text', true, { length: 18 }),
      field(statusField, 'Text', true, { length: 40 }),
      field('Message__c', 'Text', false, { length: 255 }),
    ],
    location: at('ts-src/integrations/orders.ts', 49),
  };
}

const LIVE_STATUS: UiUpdateModel = {
  name: 'OrderStatusLive',
  description: 'live status',
  pattern: 'ui-update',
  event: 'Order_Status_Update__e',
  object: 'Order',
  recordIdField: 'Order_Id__c',
  component: 'statusProbe',
  location: at('ts-src/integrations/wms.ts', 28),
};

const META = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <isExposed>false</isExposed>
</LightningComponentBundle>
`;

/** Reads the status field of the event: `Status__c` is at line 9, column 49. */
const PROBE = `import { LightningElement, api } from 'lwc';
import type { OrderStatusUpdatePayload } from '../generated/platformEvents';

export default class StatusProbe extends LightningElement {
  @api recordId?: string;
  status = '';

  show(payload: OrderStatusUpdatePayload): void {
    this.status = payload.Order_Id__c + payload.Status__c;
  }
}
`;

const CONSOLE = `import { LightningElement } from 'lwc';
export default class IntegrationErrorConsole extends LightningElement {}
`;

function model(statusField = 'Status__c'): Model {
  const typings = ['empApi.d.ts', 'uiRecordApi.d.ts'];
  return {
    components: [
      {
        bundle: 'statusProbe',
        files: {
          'statusProbe.ts': PROBE,
          'statusProbe.html': '<template>{status}</template>\n',
          'statusProbe.js-meta.xml': META,
        },
      },
      {
        bundle: 'integrationErrorConsole',
        files: {
          'integrationErrorConsole.ts': CONSOLE,
          'integrationErrorConsole.html': '<template></template>\n',
          'integrationErrorConsole.js-meta.xml': META,
        },
      },
    ],
    componentTypings: Object.fromEntries(
      typings.map((name) => [name, fs.readFileSync(path.join(ROOT, 'ts-src/lwc/types', name), 'utf8')]),
    ),
    events: [statusEvent(statusField)],
    objects: [],
    extensions: [
      {
        object: 'Order',
        fields: [field('Fulfilment_Status__c', 'Picklist', false, { values: ['Received', 'Shipped'] })],
        location: at('ts-src/integrations/orders.ts', 6),
      },
    ],
    systems: [],
    operations: [LIVE_STATUS],
    monitoring: [],
  };
}

function file(files: readonly GeneratedFile[], suffix: string): GeneratedFile {
  const found = files.find((candidate) => candidate.path.endsWith(suffix));
  assert.ok(found, `no file ending in ${suffix} among ${files.map((f) => f.path).join(', ')}`);
  return found;
}

/** Compiling takes seconds (the DOM typings alone are 2 MB), so the tests share one build of the fixture. */
let built: GeneratedFile[] | undefined;
function emitted(): GeneratedFile[] {
  built ??= emitLwc(model());
  return built;
}

describe('emitLwc', () => {
  let files: GeneratedFile[];
  before(() => {
    files = emitted();
  });

  it('compiles each bundle to JavaScript beside its template and metadata', () => {
    const paths = files.map((generated) => generated.path).filter((p) => p.includes('/lwc/statusProbe/'));
    assert.deepEqual(paths.sort(), [
      'force-app/main/default/lwc/statusProbe/statusProbe.html',
      'force-app/main/default/lwc/statusProbe/statusProbe.js',
      'force-app/main/default/lwc/statusProbe/statusProbe.js-meta.xml',
    ]);
  });

  it('keeps decorators as written and erases type-only imports', () => {
    const js = file(files, 'statusProbe/statusProbe.js').content;
    assert.match(js, /@api\s+recordId;/);
    assert.doesNotMatch(js, /__decorate|generated\/platformEvents/);
  });

  it('emits JavaScript and templates the LWC compiler accepts', () => {
    for (const suffix of ['statusProbe/statusProbe.js', 'statusProbe/statusProbe.html']) {
      assert.doesNotThrow(() =>
        transformSync(file(files, suffix).content, path.basename(suffix), { name: 'statusProbe', namespace: 'c' }),
      );
    }
  });

  it('says which source each output comes from', () => {
    assert.match(
      file(files, 'statusProbe/statusProbe.js').content,
      /^\/\/ Generated by Switchyard from ts-src\/lwc\/statusProbe\/statusProbe\.ts\./,
    );
    assert.match(
      file(files, 'statusProbe/statusProbe.js-meta.xml').content,
      /^<\?xml[^>]*\?>\n<!-- Generated by Switchyard from ts-src\/lwc\/statusProbe\/statusProbe\.js-meta\.xml\./,
    );
  });

  it('is deterministic', () => {
    assert.deepEqual(emitLwc(model()), files);
  });
});

describe('a component reading an event field that is not declared', () => {
  it('fails the build at the file, line and column of the read, naming the declared fields', () => {
    assert.throws(
      () => emitLwc(model('State__c')),
      (error: unknown) => {
        assert.ok(error instanceof BuildFailure);
        assert.equal(error.errors.length, 1);
        const [failure] = error.errors;
        assert.deepEqual(failure.location, { file: 'ts-src/lwc/statusProbe/statusProbe.ts', line: 9, column: 49 });
        assert.equal(failure.rule, 'lwc-type');
        assert.match(failure.message, /Property 'Status__c' does not exist on type 'OrderStatusUpdatePayload'/);
        assert.match(failure.fix, /declared in ts-src\/integrations\/orders\.ts:49.*Order_Id__c, State__c, Message__c/);
        assert.match(
          formatDeclarationError(failure),
          /^ts-src\/lwc\/statusProbe\/statusProbe\.ts:9:49: error \[lwc-type\]/,
        );
        return true;
      },
    );
  });
});

describe('emitEventTypes', () => {
  const types = emitEventTypes(model()).content;

  it('makes required fields non-optional and the others optional and nullable', () => {
    assert.match(types, /\n  Status__c: string;/);
    assert.match(types, /\n  Message__c\?: string \| null;/);
  });

  it('maps each declared channel to its payload type', () => {
    assert.match(types, /'\/event\/Order_Status_Update__e': OrderStatusUpdatePayload;/);
  });

  it('is marked generated, naming its declaration files', () => {
    assert.match(types, /^\/\/ Generated by Switchyard from ts-src\/integrations\/orders\.ts\. Do not edit by hand/);
  });
});

describe('emitSchemaTypes', () => {
  it('declares an @salesforce/schema module for each declared field', () => {
    assert.match(emitSchemaTypes(model()).content, /declare module '@salesforce\/schema\/Order\.Fulfilment_Status__c'/);
  });
});

describe('pages', () => {
  let files: GeneratedFile[];
  before(() => {
    files = emitted();
  });

  it('names the Order record page as the permission sets expect', () => {
    assert.equal(recordPageName('Order'), ORDER_RECORD_PAGE);
  });

  it('places the live component in the sidebar of an Order record page', () => {
    const page = file(files, `flexipages/${ORDER_RECORD_PAGE}.flexipage-meta.xml`).content;
    assert.match(
      page,
      /<componentName>statusProbe<\/componentName>\s*<identifier>c_statusProbe<\/identifier>\s*<\/componentInstance>\s*<\/itemInstances>\s*<name>sidebar<\/name>/,
    );
    assert.match(
      page,
      /<sobjectType>Order<\/sobjectType>\s*<template>\s*<name>flexipage:recordHomeTemplateDesktop<\/name>\s*<\/template>\s*<type>RecordPage<\/type>/,
    );
  });

  it('opens the console component from its tab', () => {
    assert.match(
      file(files, `tabs/${CONSOLE_TAB}.tab-meta.xml`).content,
      /<lwcComponent>integrationErrorConsole<\/lwcComponent>/,
    );
  });

  it('makes the record page the Order page of the app', () => {
    const app = file(files, `applications/${CONSOLE_APP}.app-meta.xml`).content;
    assert.match(
      app,
      /<actionName>View<\/actionName>\s*<content>Order_Record_Page<\/content>\s*<formFactor>Large<\/formFactor>\s*<skipRecordTypeSelect>false<\/skipRecordTypeSelect>\s*<type>Flexipage<\/type>\s*<pageOrSobjectType>Order<\/pageOrSobjectType>/,
    );
    assert.match(app, /<tabs>Integration_Error_Console<\/tabs>\s*<tabs>standard-Order<\/tabs>/);
  });

  it('refuses a live-update operation whose component does not exist', () => {
    const broken = { ...model(), operations: [{ ...LIVE_STATUS, component: 'missingTracker' }] };
    assert.throws(
      () => emitLwc(broken),
      (error: unknown) =>
        error instanceof BuildFailure &&
        error.errors.some((e) => e.rule === 'lwc-component' && e.location.file === 'ts-src/integrations/wms.ts'),
    );
  });
});

describe('ts-src/lwc/tsconfig.json', () => {
  it('type-checks with the options the build compiles with', () => {
    const text = fs.readFileSync(path.join(ROOT, 'ts-src/lwc/tsconfig.json'), 'utf8');
    const { config } = ts.parseConfigFileTextToJson('tsconfig.json', text);
    const editor = ts.convertCompilerOptionsFromJson(config.compilerOptions, path.join(ROOT, 'ts-src/lwc')).options;
    const build = compilerOptions([]);
    for (const option of [
      'target',
      'module',
      'moduleResolution',
      'experimentalDecorators',
      'useDefineForClassFields',
      'strict',
      'noUnusedLocals',
      'noUnusedParameters',
      'noImplicitReturns',
      'verbatimModuleSyntax',
      'isolatedModules',
    ] as const) {
      assert.equal(editor[option], build[option], option);
    }
  });
});
