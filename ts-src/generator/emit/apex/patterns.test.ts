import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BuildFailure } from '../../model/errors';
import type { FireAndForgetModel, RemoteCallInModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { emitApex } from './index';
import { aloneOnItsEvent, exampleModel, operationNamed, withOperation } from './exampleModel';

const files = emitApex(exampleModel());

function source(className: string, from: readonly GeneratedFile[] = files): string {
  const file = from.find((f) => f.path.endsWith(`/${className}.cls`) || f.path.endsWith(`/${className}.trigger`));
  assert.ok(file, `${className} was not generated`);
  return file.content;
}

describe('request-reply (CheckCredit)', () => {
  const service = source('CheckCreditService');
  const request = source('CheckCreditRequest');
  const response = source('CheckCreditResponse');

  test('the service holds the declared Named Credential, method, path, 10 s timeout and breaker numbers', () => {
    assert.match(service, /NAMED_CREDENTIAL = 'Credit_API';/);
    assert.match(service, /HTTP_METHOD = 'POST';/);
    assert.match(service, /PATH = '\/check';/);
    assert.match(service, /TIMEOUT_SECONDS = 10;/);
    assert.match(service, /BREAKER_FAILURE_THRESHOLD = 3;/);
    assert.match(service, /BREAKER_COOL_DOWN_SECONDS = 120;/);
    assert.match(
      service,
      /new SwyRequestReply\.Config\(OPERATION_NAME, NAMED_CREDENTIAL, HTTP_METHOD, PATH, TIMEOUT_SECONDS\)\s*\.breaker\(BREAKER_FAILURE_THRESHOLD, BREAKER_COOL_DOWN_SECONDS\)\s*\.request\(CheckCreditRequest\.schema\(\)\)\s*\.response\(CheckCreditResponse\.schema\(\), CheckCreditResponse\.class, CheckCreditResponse\.fallback\(\)\);/,
    );
  });

  test('the service delegates the call to the runtime and keeps no call behaviour of its own', () => {
    assert.match(service, /@see SwyRequestReply/);
    assert.match(
      service,
      /for \(SwyRequestReply\.Result result : SwyRequestReply\.callAll\(config\(\), requests\)\) \{\n\s*answers\.add\(\(CheckCreditResponse\) result\.response\);/,
    );
    assert.match(service, /List<String> problems = SwyRequestReply\.problemsOf\(config\(\), request\);/);
    for (const behaviour of ['SwyCalloutClient', 'SwyCircuitBreaker', 'SwyErrorLog', 'Limits.', 'JSON.']) {
      assert.ok(!service.includes(behaviour), `the service does not use ${behaviour} itself`);
    }
  });

  test('offers an invocable method that may call out, and check() still throws its own InvalidRequestException', () => {
    assert.match(service, /@InvocableMethod\(label='Check Credit' [^)]*callout=true/);
    assert.match(
      service,
      /throw new InvalidRequestException\('Invalid CheckCreditRequest: ' \+ String\.join\(problems, '; '\)\);/,
    );
    assert.match(service, /public class InvalidRequestException extends Exception \{/);
  });

  test('the service offers the asynchronous path for requests past the budget, through the runtime', () => {
    assert.match(
      service,
      /public static Id checkAllLater\(List<CheckCreditRequest> requests, SwyRequestReply\.Callback callback\) \{\n\s*return SwyRequestReply\.enqueue\(config\(\), requests, callback\);/,
    );
    assert.match(service, /notSentForBudget = true/);
    assert.ok(!service.includes('System.enqueueJob'), 'the runtime enqueues, not the service');
    assert.match(source('CheckCreditServiceTest'), /static void sendsLaterThroughAJob\(\)/);
  });

  test('the response tells a flow which requests were not sent for lack of budget', () => {
    assert.match(
      response,
      /@InvocableVariable\(label='Not Sent For Budget' [^)]*\)\s*public Boolean notSentForBudget = false;/,
    );
  });

  test('the response carries the declared fallback, marked as one', () => {
    assert.match(response, /response\.decision = 'REVIEW';/);
    assert.match(response, /response\.reason = 'Credit bureau unavailable; manual review required\.';/);
    assert.match(response, /response\.isFallback = true;/);
  });

  test('typed properties follow the field kinds and schema() declares the rules, with no validation code', () => {
    assert.match(request, /public String accountId;/);
    assert.match(request, /public Decimal requestedAmount;/);
    assert.match(
      request,
      /\.text\('accountId', 18, true\)\s*\.numeric\('requestedAmount', 16, 2, true\)\s*\.text\('taxId', 20, false\)\s*\.sensitive\('taxId'\);/,
    );
    assert.match(response, /\.picklist\('decision', new List<String>\{ 'APPROVED', 'DECLINED', 'REVIEW' \}, true\)/);
    for (const shape of [request, response]) {
      assert.doesNotMatch(shape, /validate\(|FieldError|MAX_LENGTH/);
    }
  });

  test('the generated service test proves the wiring: declared values, one answer, one fallback', () => {
    const test = source('CheckCreditServiceTest');
    assert.match(test, /static void carriesTheDeclaredValues\(\)/);
    assert.match(test, /static void returnsTheAnswerOnSuccess\(\)/);
    assert.match(test, /Assert\.isTrue\(answer\.isFallback, 'A 500 gives the fallback'\);/);
    assert.match(test, /Assert\.areEqual\('REVIEW', answer\.decision, 'decision is the declared fallback'\);/);
  });
});

describe('fire-and-forget (SendOrderToErp on Order_Confirmed__e)', () => {
  // SendOrderToErp alone on its event: another operation the example app adds there changes the trigger.
  const alone = aloneOnItsEvent('SendOrderToErp');
  const aloneFiles = emitApex(alone);
  const operation = source('SendOrderToErpOperation', aloneFiles);
  const trigger = source('OrderConfirmedTrigger', aloneFiles);

  test('the operation carries the declared timeout, retry policy, breaker and sensitive fields', () => {
    assert.match(operation, /TIMEOUT_SECONDS = 20;/);
    assert.match(operation, /MAX_ATTEMPTS = 8;/);
    assert.match(operation, /BASE_DELAY_SECONDS = 60;/);
    assert.match(operation, /MAX_DELAY_SECONDS = 600;/);
    assert.match(operation, /JITTER = 'full';/);
    assert.match(operation, /MAX_CHAIN_DEPTH = 5;/);
    assert.match(operation, /BREAKER_FAILURE_THRESHOLD = 5;/);
    assert.match(operation, /BREAKER_COOL_DOWN_SECONDS = 300;/);
    assert.match(operation, /config\.sensitiveFields = new Set<String>\{ 'Customer_Email__c' \};/);
    assert.match(operation, /implements SwyOperation/);
    assert.match(operation, /@see SwyEventDelivery/, 'the reader is pointed at the behaviour');
  });

  test('the trigger hands every event to the runtime with the routes of the operations it serves', () => {
    assert.match(
      trigger,
      /trigger OrderConfirmedTrigger on Order_Confirmed__e\(after insert\) \{\n\s*SwyEventDelivery\.handle\(Trigger\.new, new List<SwyEventDelivery\.Route>\{ SendOrderToErpOperation\.route\(\) \}\);\n\}/,
    );
    assert.ok(!files.some((f) => /TriggerHandler/.test(f.path)), 'no generated handler class');
  });

  test('the route maps the declared event fields as tokens: body, key, correlation id, related record', () => {
    const route = operation.slice(operation.indexOf('public static SwyEventDelivery.Route route()'));
    assert.match(
      route,
      /return new SwyEventDelivery\.Route\(new SendOrderToErpOperation\(\)\.config\(\), Order_Confirmed__e\.SObjectType\)/,
    );
    assert.match(
      route,
      /\.payload\(new List<SObjectField>\{ Order_Confirmed__e\.Account_Id__c, Order_Confirmed__e\.Confirmed_At__c, Order_Confirmed__e\.Correlation_Id__c, Order_Confirmed__e\.Currency__c, Order_Confirmed__e\.Customer_Email__c, Order_Confirmed__e\.Order_Id__c, Order_Confirmed__e\.Order_Number__c, Order_Confirmed__e\.Total_Amount__c \}\)/,
    );
    assert.match(route, /\.key\(Order_Confirmed__e\.Order_Id__c\)/);
    assert.match(route, /\.correlation\(Order_Confirmed__e\.Correlation_Id__c\)/);
    assert.match(route, /\.relatedRecord\(Order_Confirmed__e\.Order_Id__c\);\n\s*\}/);
  });

  test("the generated code holds no delivery behaviour: chunks, checkpoints, retries and parking are the runtime's", () => {
    for (const text of [operation, trigger]) {
      assert.doesNotMatch(
        text,
        /SwyDeliveryJob\.enqueue|setResumeCheckpoint|RetryableException|SwyErrorLog\.add|Limits\./,
      );
    }
    assert.doesNotMatch(trigger, /Publisher/, 'the trigger does not depend on the generated publisher');
  });

  test('the trigger test publishes through the bus and proves one delivery with the declared key and one failure', () => {
    const test = source('OrderConfirmedTriggerTest', aloneFiles);
    assert.doesNotMatch(test, /OrderConfirmedPublisher/);
    assert.equal(test.match(/EventBus\.publish\(events\);\n\s*Test\.getEventBus\(\)\.deliver\(\);/g)?.length, 2);
    const success = test.slice(
      test.indexOf('deliversEachEventToEveryOperation'),
      test.indexOf('logsAnEventTheSystemRefuses'),
    );
    assert.match(success, /new SwyHttpCalloutMock\(\)\.ok\('\{\}'\)/);
    assert.match(
      success,
      /sent\.contains\('SendOrderToErp:' \+ String\.valueOf\(events\[0\]\.Order_Id__c\)\), 'SendOrderToErp keys by Order_Id__c and the body'/,
    );
    const failure = test.slice(test.indexOf('logsAnEventTheSystemRefuses'));
    assert.match(failure, /\.status\(400, /);
    assert.match(failure, /Assert\.areEqual\(SwyErrorLog\.STATUS_FAILED, row\.Status__c/);
    assert.match(failure, /'SendOrderToErp:' \+ String\.valueOf\(events\[0\]\.Order_Id__c\)/);
    assert.match(failure, /keys\.contains\(row\.Idempotency_Key__c\.substringBeforeLast\(':'\)\)/);
  });

  test('the operation test proves its route with the declared fields', () => {
    const test = source('SendOrderToErpOperationTest', aloneFiles);
    const method = test.slice(test.indexOf('routeMapsTheDeclaredEventFields'));
    assert.match(method, /SendOrderToErpOperation\.route\(\)\.messageOf\(event\)/);
    assert.match(
      method,
      /Assert\.areEqual\(SwyMessage\.keyFor\(OPERATION, String\.valueOf\(event\.Order_Id__c\), message\.payload\), message\.idempotencyKey/,
    );
    assert.match(method, /Assert\.areEqual\('correlation-from-the-publisher', message\.correlationId/);
    assert.match(method, /Assert\.areEqual\(String\.valueOf\(event\.Order_Id__c\), message\.relatedRecordId/);
    assert.match(method, /Assert\.areEqual\(8, body\.size\(\)/, 'every declared field of the event');
    assert.match(test, /private static List<Order_Confirmed__e> orderConfirmedEvents\(Integer count\)/);
  });

  test('stays near the size target: about 2,000 characters of Apex per operation, comments and indentation aside', () => {
    const code = (text: string) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/\s+/g, ' ');
    // The configuration class (about 1,300) plus the route (about 600) plus the trigger (about 180).
    const size = code(operation).length + code(trigger).length;
    assert.ok(size <= 2100, `${size} characters`);
  });

  test('two operations on one event share one trigger that names both routes', () => {
    const second: FireAndForgetModel = {
      ...operationNamed('fire-and-forget', 'SendOrderToErp'),
      name: 'SendOrderToWms',
      timeoutSeconds: 40,
    };
    const generated = emitApex({ ...alone, operations: [...alone.operations, second] });
    assert.equal(generated.filter((f) => f.path.endsWith('/OrderConfirmedTrigger.trigger')).length, 1);
    assert.match(
      source('OrderConfirmedTrigger', generated),
      /new List<SwyEventDelivery\.Route>\{ SendOrderToErpOperation\.route\(\), SendOrderToWmsOperation\.route\(\) \}/,
    );
    assert.match(
      source('OrderConfirmedTriggerTest', generated),
      /OPERATIONS = new Set<String>\{ 'SendOrderToErp', 'SendOrderToWms' \};/,
    );
    assert.match(source('SendOrderToWmsOperation', generated), /new SendOrderToWmsOperation\(\)\.config\(\)/);
  });

  test('an event without Correlation_Id__c and an operation without a related record get neither in the route', () => {
    const onStatus: FireAndForgetModel = {
      ...operationNamed('fire-and-forget', 'SendOrderToErp'),
      name: 'SendStatusToWms',
      event: 'Order_Status_Update__e',
      messageKey: 'External_Order_Id__c',
      relatedRecordField: undefined,
    };
    const generated = emitApex(withOperation(onStatus));
    const route = source('SendStatusToWmsOperation', generated);
    assert.match(route, /\.key\(Order_Status_Update__e\.External_Order_Id__c\);/);
    assert.doesNotMatch(route, /\.correlation\(|\.relatedRecord\(/);
    assert.match(route, /correlated by the event's EventUuid\./);
    assert.match(source('OrderStatusUpdateTrigger', generated), /SendStatusToWmsOperation\.route\(\)/);
  });
});

describe('publishers', () => {
  test('no event gets a generated publisher: SwyEventPublisher publishes any event', () => {
    assert.ok(!files.some((f) => /Publisher(Test)?\.cls$/.test(f.path)));
  });
});

describe('remote call-in (ReceiveOrderStatus)', () => {
  const resource = source('ReceiveOrderStatusResource');

  test('is a global with sharing REST resource at the declared URL mapping that hands each POST to SwyCallIn', () => {
    assert.match(resource, /@RestResource\(urlMapping='\/switchyard\/v1\/order-status\/\*'\)/);
    assert.match(resource, /global with sharing class ReceiveOrderStatusResource \{/);
    assert.match(
      resource,
      /@HttpPost\n\s*global static void receive\(\) \{\n\s*SwyCallIn\.receive\(config\(\), RestContext\.request, RestContext\.response\);\n\s*\}/,
    );
    assert.match(resource, /@see SwyCallIn/);
  });

  test('configures the declared source, object, key, mapping and orderedBy as tokens', () => {
    assert.match(resource, /new SwyCallIn\.Config\('WMS', Order\.SObjectType, body\)/);
    assert.match(resource, /\.key\('externalOrderId', Order\.External_Order_Id__c\)/);
    assert.match(resource, /\.write\('status', Order\.Fulfilment_Status__c\)/);
    assert.match(resource, /\.write\('changedAt', Order\.Fulfilment_Status_Changed_At__c\)/);
    assert.match(resource, /\.orderedBy\('changedAt'\)/);
    assert.match(resource, /\.picklist\('status', new List<String>\{ 'Received',/);
    assert.doesNotMatch(resource, /\.write\('externalOrderId'/, 'the key is looked up, not written');
  });

  test('resolves the event naming convention into explicit sources', () => {
    assert.match(
      resource,
      /\.publishes\(Order_Status_Update__e\.SObjectType, new Set<String>\(\), Order_Status_Update__e\.Order_Id__c\)/,
    );
    assert.match(resource, /\.eventRecordId\(Order_Status_Update__e\.Order_Id__c\)/);
    assert.match(
      resource,
      /\.eventFromPrevious\(Order_Status_Update__e\.Previous_Status__c, Order\.Fulfilment_Status__c\)/,
    );
    assert.match(resource, /\.eventSourceSystem\(Order_Status_Update__e\.Source_System__c\)/);
    assert.match(resource, /\.eventFromRequest\(Order_Status_Update__e\.Changed_At__c, 'changedAt'\)/);
    assert.match(resource, /\.eventFromRequest\(Order_Status_Update__e\.Message__c, 'message'\)/);
  });

  test('needs no typed request class: the schema validates the body', () => {
    assert.ok(!files.some((f) => f.path.endsWith('/ReceiveOrderStatusRequest.cls')));
  });

  test('a call-in whose key is not mapped, or whose event has an unbound required field, fails the build', () => {
    const base = operationNamed('remote-call-in', 'ReceiveOrderStatus');
    const unkeyed: RemoteCallInModel = { ...base, mapping: { status: 'Fulfilment_Status__c' } };
    assert.throws(
      () => emitApex(withOperation(unkeyed)),
      (e) => e instanceof BuildFailure && e.errors[0].rule === 'call-in-key',
    );
    const model = withOperation(base);
    const event = model.events.find((e) => e.apiName === 'Order_Status_Update__e')!;
    const unbound = {
      ...event,
      fields: [...event.fields, { ...event.fields[0], name: 'Carrier_Code__c', required: true }],
    };
    const broken = { ...model, events: model.events.map((e) => (e === event ? unbound : e)) };
    assert.throws(
      () => emitApex(broken),
      (e) => e instanceof BuildFailure && e.errors[0].rule === 'call-in-event',
    );
  });
});

describe('batch sync (NightlyOrderSync)', () => {
  const batch = source('NightlyOrderSyncBatch');
  const operation = source('NightlyOrderSyncOperation');
  const batchTest = source('NightlyOrderSyncBatchTest');

  test('is the stateful, callout-capable, schedulable entry point with the declared cron', () => {
    assert.match(
      batch,
      /implements Database\.Batchable<SObject>, Database\.AllowsCallouts, Database\.Stateful, Schedulable/,
    );
    assert.match(batch, /CRON_EXPRESSION = '0 0 2 \* \* \?';/);
    assert.match(batch, /@see SwyBatchSync/);
    assert.match(batch, /private SwyBatchSync\.Run run = new SwyBatchSync\.Run\(\);/);
  });

  test('delegates start, execute and finish to SwyBatchSync and holds no behaviour of its own', () => {
    assert.match(batch, /start\(Database\.BatchableContext context\) \{\n\s*return sync\(\)\.start\(\);\n\s*\}/);
    assert.match(batch, /sync\(\)\.execute\(context\.getJobId\(\), records\);/);
    assert.match(batch, /sync\(\)\.finish\(context\.getJobId\(\)\);/);
    assert.match(batch, /new SwyBatchSync\(operation\.config\(\), operation\.batchConfig\(\), run\)/);
    assert.match(
      batch,
      /Database\.executeBatch\(new NightlyOrderSyncBatch\(\), new NightlyOrderSyncOperation\(\)\.batchConfig\(\)\.batchSize\)/,
    );
    for (const behaviour of ['SwyCalloutClient', 'SwyErrorLog', 'Integration_Sync_State__c', 'SELECT ']) {
      assert.ok(!batch.includes(behaviour), `the batch class mentions ${behaviour}`);
    }
  });

  test('the operation class builds the sync config from tokens: object, key, delta field, batch size, fields in order', () => {
    assert.match(operation, /BATCH_SIZE = 200;/);
    assert.match(
      operation,
      /new SwyBatchSync\.Config\(Order\.SObjectType, Order\.External_Order_Id__c, Order\.SystemModstamp, BATCH_SIZE\)/,
    );
    const sends = [...operation.matchAll(/\.send\('(\w+)', Order\.(\w+)\)/g)].map((m) => [m[1], m[2]]);
    const fields = [
      'OrderNumber',
      'Status',
      'TotalAmount',
      'EffectiveDate',
      'External_Order_Id__c',
      'Fulfilment_Status__c',
    ];
    assert.deepEqual(
      sends,
      fields.map((f) => [f, f]),
    );
    assert.match(operation, /MAX_ATTEMPTS = 3;/);
  });

  test('a key not among the declared fields is still sent', () => {
    const sync = operationNamed('batch-sync', 'NightlyOrderSync');
    const narrowed = withOperation({ ...sync, fields: ['Status'] });
    const narrow = source('NightlyOrderSyncOperation', emitApex(narrowed));
    assert.match(
      narrow,
      /\.send\('Status', Order\.Status\)\s*\.send\('External_Order_Id__c', Order\.External_Order_Id__c\);/,
    );
  });

  test('its test proves the wiring: settings, query, one delivered and one failed chunk, the schedule', () => {
    assert.match(batchTest, /Assert\.areEqual\(200, config\.batchSize/);
    assert.match(batchTest, /new NightlyOrderSyncBatch\(\)\.start\(null\)\.iterator\(\)/);
    assert.equal(batchTest.match(/Database\.executeBatch\(new NightlyOrderSyncBatch\(\), 200\);/g)?.length, 2);
    assert.match(batchTest, /new SwyHttpCalloutMock\(\)\.ok\('\{\}'\);/);
    assert.match(batchTest, /new SwyHttpCalloutMock\(\)\.status\(500, 'down'\);/);
    assert.match(batchTest, /SwyErrorLog\.STATUS_RETRYING/);
    assert.match(batchTest, /Assert\.areEqual\(NightlyOrderSyncBatch\.CRON_EXPRESSION, scheduled\.CronExpression/);
  });
});

describe('monitoring (IntegrationHealth)', () => {
  const monitor = source('IntegrationHealthMonitor');

  test('runs the health check with the declared numbers', () => {
    assert.match(monitor, /FAILURE_RATE_THRESHOLD = 0\.2;/);
    assert.match(monitor, /WINDOW_MINUTES = 60;/);
    assert.match(monitor, /MINIMUM_VOLUME = 20;/);
    assert.match(monitor, /ALERT_EMAIL = 'integration-ops@example\.com';/);
    assert.match(monitor, /SwyHealthCheck\.run\(FAILURE_RATE_THRESHOLD, WINDOW_MINUTES, MINIMUM_VOLUME, ALERT_EMAIL\)/);
  });

  test('schedules one job per minute mark of 0 0,15,30,45 * * * ?', () => {
    assert.match(
      monitor,
      /CRON_EXPRESSIONS = new List<String>\{ '0 0 \* \* \* \?', '0 15 \* \* \* \?', '0 30 \* \* \* \?', '0 45 \* \* \* \?' \};/,
    );
  });
});
