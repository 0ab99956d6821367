import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Model } from '../../model/types';
import {
  adminPermissionSet,
  callInPermissionSet,
  calloutUserPermissionSet,
  ERROR_LOG_OBJECT,
  liveUpdatesPermissionSet,
  permissionSetFiles,
  RETRY_PAYLOAD_FIELD,
  runtimePermissionSet,
  USER_EXTERNAL_CREDENTIAL,
} from './permissionSets';
import { testModel } from './testModel';

const model = testModel();
const admin = adminPermissionSet(model);
const runtime = runtimePermissionSet(model);
const fieldAccess = (set: typeof admin) =>
  Object.fromEntries((set.fieldPermissions ?? []).map((p) => [p.field, p.editable ? 'edit' : 'read']));
const objectAccess = (set: typeof admin, object: string) =>
  (set.objectPermissions ?? []).find((p) => p.object === object);

test('admin: no access at all to the retry payload, read/edit on the other error-log fields', () => {
  const access = fieldAccess(admin);
  assert.equal(access[`${ERROR_LOG_OBJECT}.${RETRY_PAYLOAD_FIELD}`], undefined);
  assert.equal(access[`${ERROR_LOG_OBJECT}.Payload__c`], 'edit');
  assert.equal(access[`${ERROR_LOG_OBJECT}.Next_Attempt_At__c`], 'edit');
});

test('admin: reads the circuit and the Order fields, edits neither', () => {
  const access = fieldAccess(admin);
  assert.equal(access['Integration_Circuit__c.Failure_Count__c'], 'read');
  assert.equal(access['Order.Fulfilment_Status__c'], 'read');
  assert.deepEqual(objectAccess(admin, 'Integration_Circuit__c'), {
    allowCreate: false,
    allowDelete: false,
    allowEdit: false,
    allowRead: true,
    modifyAllRecords: false,
    object: 'Integration_Circuit__c',
    viewAllRecords: false,
  });
  assert.equal(objectAccess(admin, ERROR_LOG_OBJECT)?.allowEdit, true);
  assert.equal(objectAccess(admin, ERROR_LOG_OBJECT)?.allowCreate, false);
});

test('admin: console app, console tab, error-log tab and console controller; no credential access', () => {
  assert.deepEqual(admin.applicationVisibilities, [{ application: 'Switchyard', visible: true }]);
  assert.deepEqual(admin.classAccesses, [{ apexClass: 'SwyErrorConsoleController', enabled: true }]);
  assert.deepEqual(admin.tabSettings, [
    { tab: 'Integration_Error_Console', visibility: 'Visible' },
    { tab: 'Integration_Error_Log__c', visibility: 'Visible' },
  ]);
  assert.equal(admin.externalCredentialPrincipalAccesses, undefined);
});

test('runtime: one enabled principal access per system, written <ExternalCredential>-<Principal>', () => {
  assert.deepEqual(runtime.externalCredentialPrincipalAccesses, [
    { enabled: true, externalCredentialPrincipal: 'Credit_API_Auth-Credit_API_Principal' },
    { enabled: true, externalCredentialPrincipal: 'ERP_API_Auth-ERP_API_Principal' },
    { enabled: true, externalCredentialPrincipal: 'Ledger_API_Auth-Ledger_API_Principal' },
    { enabled: true, externalCredentialPrincipal: 'Open_API_Auth-Open_API_Principal' },
  ]);
});

test('runtime: reads and writes the retry payload; create/read/edit, never delete, on runtime objects', () => {
  assert.equal(fieldAccess(runtime)[`${ERROR_LOG_OBJECT}.${RETRY_PAYLOAD_FIELD}`], 'edit');
  const log = objectAccess(runtime, ERROR_LOG_OBJECT)!;
  assert.deepEqual([log.allowCreate, log.allowRead, log.allowEdit, log.allowDelete], [true, true, true, false]);
});

test('runtime: Order fields the batch sync sends are readable; the call-in targets are not its to write', () => {
  const access = fieldAccess(runtime);
  assert.equal(access['Order.Synced_Total__c'], 'read');
  assert.equal(access['Order.External_Order_Id__c'], 'read', 'the batch sync key');
  assert.equal(access['Order.Fulfilment_Status__c'], 'read', 'sent by the batch sync, written only by the call-in');
  assert.equal(access['Order.Unused_Flag__c'], undefined);
  assert.equal(objectAccess(runtime, 'Order')?.allowEdit, false);
});

test('runtime: answers no REST resource (the inbound caller has its own set)', () => {
  assert.equal(runtime.classAccesses, undefined);
});

test('call-in: the REST resources and the fields they write, no credential, no Switchyard objects', () => {
  const callIn = callInPermissionSet(model)!;
  assert.deepEqual(callIn.classAccesses, [{ apexClass: 'ReceiveOrderStatusResource', enabled: true }]);
  assert.equal(callIn.externalCredentialPrincipalAccesses, undefined);
  const access = fieldAccess(callIn);
  assert.equal(access['Order.Fulfilment_Status__c'], 'edit');
  assert.equal(access['Order.External_Order_Id__c'], 'edit');
  assert.equal(access['Order.Synced_Total__c'], undefined);
  assert.equal(access[`${ERROR_LOG_OBJECT}.${RETRY_PAYLOAD_FIELD}`], undefined);
  assert.deepEqual(
    callIn.objectPermissions?.map((p) => `${p.object}:${p.allowRead}:${p.allowEdit}:${p.allowCreate}:${p.allowDelete}`),
    ['Account:true:false:false:false', 'Contract:true:false:false:false', 'Order:true:true:false:false'],
  );
});

test('call-in: not written when nothing calls in', () => {
  const quiet: Model = { ...model, operations: model.operations.filter((o) => o.pattern !== 'remote-call-in') };
  assert.equal(callInPermissionSet(quiet), undefined);
});

test('User External Credentials: Modify All for a set holding an OAuth principal, Read for API-key principals only', () => {
  assert.deepEqual(objectAccess(runtime, USER_EXTERNAL_CREDENTIAL), {
    allowCreate: false,
    allowDelete: true,
    allowEdit: true,
    allowRead: true,
    modifyAllRecords: true,
    object: USER_EXTERNAL_CREDENTIAL,
    viewAllRecords: true,
  });
  const callout = calloutUserPermissionSet(model)!;
  assert.deepEqual(
    callout.objectPermissions?.map((p) => [p.object, p.allowRead, p.allowEdit, p.modifyAllRecords]),
    [[USER_EXTERNAL_CREDENTIAL, true, false, false]],
    'the credit API takes an API key',
  );
  assert.equal(objectAccess(admin, USER_EXTERNAL_CREDENTIAL), undefined, 'the admin never calls out');
  assert.equal(objectAccess(callInPermissionSet(model)!, USER_EXTERNAL_CREDENTIAL), undefined);
});

test('no set lists a required field (deploy rejects it) or grants View All / Modify All on data', () => {
  const required = new Set(
    [...model.objects.flatMap((o) => o.fields.map((f) => ({ ...f, object: o.apiName })))]
      .filter((f) => f.required)
      .map((f) => `${f.object}.${f.name}`),
  );
  const sets = [
    admin,
    runtime,
    callInPermissionSet(model)!,
    calloutUserPermissionSet(model)!,
    liveUpdatesPermissionSet(model)!,
  ];
  for (const set of sets) {
    for (const permission of set.fieldPermissions ?? []) assert.ok(!required.has(permission.field), permission.field);
    // The token store is not data: OAuth callouts need Modify All on it (see the test above).
    for (const permission of (set.objectPermissions ?? []).filter((p) => p.object !== USER_EXTERNAL_CREDENTIAL)) {
      assert.equal(permission.modifyAllRecords, false);
      assert.equal(permission.viewAllRecords, false);
    }
  }
});

test('callout user: only the principals of request-reply systems and their service classes', () => {
  const callout = calloutUserPermissionSet(model)!;
  assert.deepEqual(callout.externalCredentialPrincipalAccesses, [
    { enabled: true, externalCredentialPrincipal: 'Credit_API_Auth-Credit_API_Principal' },
  ]);
  assert.deepEqual(callout.classAccesses, [{ apexClass: 'CheckCreditService', enabled: true }]);
  assert.equal(callout.fieldPermissions, undefined);
  assert.deepEqual(
    callout.objectPermissions?.map((p) => p.object),
    [USER_EXTERNAL_CREDENTIAL],
    'no data, only the token store',
  );
});

test('callout user: not written when nothing calls out synchronously', () => {
  const quiet: Model = { ...model, operations: model.operations.filter((o) => o.pattern !== 'request-reply') };
  assert.equal(calloutUserPermissionSet(quiet), undefined);
});

test('live updates: read on the event a page subscribes to and on the page object fields', () => {
  const live = liveUpdatesPermissionSet(model)!;
  assert.deepEqual(
    live.objectPermissions?.map((p) => `${p.object}:${p.allowRead}:${p.allowEdit}`),
    ['Account:true:false', 'Contract:true:false', 'Order:true:false', 'Order_Status_Update__e:true:false'],
  );
  assert.equal(fieldAccess(live)['Order.Fulfilment_Status__c'], 'read');
});

test('live updates: not written when no operation updates a page', () => {
  const quiet: Model = { ...model, operations: model.operations.filter((o) => o.pattern !== 'ui-update') };
  assert.equal(liveUpdatesPermissionSet(quiet), undefined);
  assert.equal(permissionSetFiles(quiet).length, 4);
});

test('files: permissionsets/<Name>.permissionset-meta.xml', () => {
  assert.deepEqual(
    permissionSetFiles(model).map((file) => file.path),
    [
      'force-app/main/default/permissionsets/Switchyard_Integration_Admin.permissionset-meta.xml',
      'force-app/main/default/permissionsets/Switchyard_Integration_Runtime.permissionset-meta.xml',
      'force-app/main/default/permissionsets/Switchyard_Call_In.permissionset-meta.xml',
      'force-app/main/default/permissionsets/Switchyard_Callout_User.permissionset-meta.xml',
      'force-app/main/default/permissionsets/Switchyard_Live_Updates.permissionset-meta.xml',
    ],
  );
});

test('the admin file never names the retry payload', () => {
  const [adminFile] = permissionSetFiles(model);
  assert.doesNotMatch(adminFile.content, /Retry_Payload__c/);
});

test('call-in: edit on Order, with Read on the objects Order access depends on; runtime reads them all', () => {
  for (const [set, orderEdit] of [
    [callInPermissionSet(model)!, true],
    [runtime, false],
  ] as const) {
    const objects = set.objectPermissions ?? [];
    const order = objects.find((permission) => permission.object === 'Order');
    assert.equal(order?.allowRead, true);
    assert.equal(order?.allowEdit, orderEdit);
    assert.equal(order?.allowDelete, false);
    for (const parent of ['Account', 'Contract']) {
      const dependency = objects.find((permission) => permission.object === parent);
      assert.equal(dependency?.allowRead, true, parent);
      assert.equal(dependency?.allowEdit, false, parent);
    }
    assert.equal(new Set(objects.map((permission) => permission.object)).size, objects.length, 'one entry per object');
  }
});

test('runtime: a pull sync into a standard object creates and edits it and edits the fields it writes', () => {
  const base = testModel();
  const pulled: Model = {
    ...base,
    operations: [
      ...base.operations,
      {
        name: 'PullOrders',
        description: 'Pull.',
        pattern: 'pull-sync',
        system: 'ERP_API',
        method: 'GET',
        path: '/orders',
        timeoutSeconds: 30,
        object: 'Order',
        idempotencyKey: 'External_Order_Id__c',
        record: [],
        mapping: { id: 'External_Order_Id__c', total: 'Synced_Total__c' },
        records: 'items',
        paging: { cursor: { param: 'cursor', next: 'next' } },
        pageSize: 200,
        pageSizeParam: 'limit',
        schedule: '0 0 3 * * ?',
        retry: base.operations.find((o) => o.pattern === 'batch-sync')!.retry,
        location: base.operations[0].location,
      } as Model['operations'][number],
    ],
  };
  const set = runtimePermissionSet(pulled);
  const orders = objectAccess(set, 'Order');
  assert.equal(orders?.allowCreate, true, 'upsert inserts');
  assert.equal(orders?.allowEdit, true, 'upsert updates');
  assert.equal((set.objectPermissions ?? []).filter((p) => p.object === 'Order').length, 1, 'one entry per object');
  const access = fieldAccess(set);
  assert.equal(
    access['Order.Synced_Total__c'],
    'edit',
    'a written field is editable, though the batch sync only reads it',
  );
  assert.equal(access['Order.Fulfilment_Status__c'], 'read', 'a field only the batch sync sends stays read');
});
