import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BuildFailure } from '../../model/errors';
import type { FireAndForgetModel, RemoteCallInModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { emitApex } from './index';
import { exampleModel, operationNamed, withOperation } from './exampleModel';

const files = emitApex(exampleModel());

function source(className: string, from: readonly GeneratedFile[] = files): string {
  const file = from.find((f) => f.path.endsWith(`/${className}.cls`) || f.path.endsWith(`/${className}.trigger`));
  assert.ok(file, `${className} was not generated`);
  return file.content;
}

describe('request-reply (CheckCredit)', () => {
  const service = source('CheckCreditService');

  test('calls the declared Named Credential, method and path with the declared 10 s timeout', () => {
    assert.match(service, /NAMED_CREDENTIAL = 'Credit_API';/);
    assert.match(service, /HTTP_METHOD = 'POST';/);
    assert.match(service, /PATH = '\/check';/);
    assert.match(service, /TIMEOUT_SECONDS = 10;/);
    assert.match(service, /new SwyCalloutRequest\(NAMED_CREDENTIAL, HTTP_METHOD, PATH, TIMEOUT_SECONDS\)/);
  });

  test('uses the breaker numbers of the system and writes breaker and log after the callouts', () => {
    assert.match(service, /BREAKER_FAILURE_THRESHOLD = 3;/);
    assert.match(service, /BREAKER_COOL_DOWN_SECONDS = 120;/);
    const send = service.indexOf('SwyCalloutClient.send');
    const flush = service.indexOf('SwyCircuitBreaker.flush();');
    assert.ok(send > 0 && flush > 0);
    assert.match(
      service.slice(service.indexOf('checkAll(List')),
      /for \([\s\S]*call\(breaker, request\)[\s\S]*\}\n[\s\S]*SwyCircuitBreaker\.flush\(\);\n\s*SwyErrorLog\.flush\(\);/,
    );
  });

  test('offers an invocable method that may call out, and logs the fallback with the request redacted', () => {
    assert.match(service, /@InvocableMethod\(label='Check Credit' [^)]*callout=true/);
    assert.match(service, /entry\.sensitiveFields = CheckCreditRequest\.SENSITIVE_FIELDS;/);
    assert.match(source('CheckCreditRequest'), /SENSITIVE_FIELDS = new Set<String>\{ 'taxId' \};/);
  });

  test('the response carries the declared fallback, marked as one', () => {
    const response = source('CheckCreditResponse');
    assert.match(response, /response\.decision = 'REVIEW';/);
    assert.match(response, /response\.reason = 'Credit bureau unavailable; manual review required\.';/);
    assert.match(response, /response\.isFallback = true;/);
  });

  test('typed properties follow the field kinds and validate() enforces the declared rules', () => {
    const request = source('CheckCreditRequest');
    assert.match(request, /public String accountId;/);
    assert.match(request, /public Decimal requestedAmount;/);
    assert.match(request, /ACCOUNT_ID_MAX_LENGTH = 18;/);
    assert.match(request, /REQUESTED_AMOUNT_MAX_SCALE = 2;/);
    assert.match(request, /if \(String\.isBlank\(this\.accountId\)\)/);
    assert.match(
      source('CheckCreditResponse'),
      /DECISION_VALUES = new List<String>\{ 'APPROVED', 'DECLINED', 'REVIEW' \};/,
    );
  });
});

describe('fire-and-forget (SendOrderToErp on Order_Confirmed__e)', () => {
  const operation = source('SendOrderToErpOperation');
  const handler = source('OrderConfirmedTriggerHandler');

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
  });

  test('the trigger delegates every event to the handler after insert', () => {
    assert.match(
      source('OrderConfirmedTrigger'),
      /trigger OrderConfirmedTrigger on Order_Confirmed__e\(after insert\) \{\n\s*OrderConfirmedTriggerHandler\.handle\(Trigger\.new\);/,
    );
  });

  test('chunks fit one job transaction: floor(120 s / 20 s) = 6 events per job', () => {
    assert.match(handler, /EVENTS_PER_JOB = 6;/);
  });

  test('enqueues per chunk within the Queueable limit, checkpoints, and retries below the platform cap of 9', () => {
    assert.match(handler, /Limits\.getLimitQueueableJobs\(\) - Limits\.getQueueableJobs\(\) < JOBS_PER_CHUNK/);
    assert.match(handler, /context\.setResumeCheckpoint\(chunk\[chunk\.size\(\) - 1\]\.ReplayId\);/);
    assert.match(handler, /throw new EventBus\.RetryableException/);
    const retries = Number(/MAX_RETRIES = (\d+);/.exec(handler)?.[1]);
    assert.ok(retries >= 1 && retries < 9, `MAX_RETRIES ${retries}`);
    assert.match(handler, /entry\.status = SwyErrorLog\.STATUS_RETRYING;/);
    // The enqueue happens once per chunk, never inside the loop over events.
    const messages = handler.slice(handler.indexOf('private static List<SwyMessage> sendOrderToErpMessages'));
    assert.doesNotMatch(messages, /SwyDeliveryJob\.enqueue/);
  });

  test('reads the circuit once per trigger execution and parks while it is open instead of enqueuing', () => {
    const handle = handler.slice(
      handler.indexOf('public static void handle('),
      handler.indexOf('private static String handOver('),
    );
    assert.equal(handle.match(/openCircuits\(\)/g)?.length, 1, 'once, before the chunk loop');
    assert.ok(handle.indexOf('openCircuits()') < handle.indexOf('for (List<Order_Confirmed__e> chunk'));
    assert.match(
      handler,
      /if \(sendOrderToErpBreaker\.isOpen\(\)\) \{\s*openUntil\.put\(SEND_ORDER_TO_ERP, sendOrderToErpBreaker\.retryAfter\(\)\);/,
    );
    const handOver = handler.slice(
      handler.indexOf('private static String handOver('),
      handler.indexOf('private static Map<String, Datetime> openCircuits('),
    );
    assert.match(
      handOver,
      /if \(openUntil\.containsKey\(SEND_ORDER_TO_ERP\)\) \{\s*logRetrying\([\s\S]*?SwyErrorLog\.CATEGORY_CIRCUIT_OPEN,\s*openUntil\.get\(SEND_ORDER_TO_ERP\),[\s\S]*?\} else \{\s*SwyDeliveryJob\.enqueue\(/,
    );
    assert.match(handOver, /< JOBS_PER_CHUNK - openUntil\.size\(\)/, 'an open operation needs no job slot');
    assert.match(handle, /SwyErrorLog\.flush\(\);/, 'the parked messages are written');
  });

  test('the generated test parks while the circuit is open and asserts no job and no callout', () => {
    const test = source('OrderConfirmedTriggerHandlerTest');
    const method = test.slice(test.indexOf('parksWhileTheCircuitIsOpenInsteadOfStartingJobs'));
    assert.match(method, /System__c = 'ERP_API',\s*State__c = SwyCircuitBreaker\.OPEN,\s*Failure_Count__c = 5/);
    assert.match(method, /Assert\.areEqual\(\s*0,\s*\[\s*SELECT COUNT\(\)\s*FROM AsyncApexJob/);
    assert.match(method, /SwyErrorLog\.CATEGORY_CIRCUIT_OPEN,\s*row\.Error_Category__c/);
    assert.match(method, /row\.Next_Attempt_At__c > Datetime\.now\(\)/);
  });

  test('messages are keyed by the message key and correlated by Correlation_Id__c or EventUuid', () => {
    assert.match(
      handler,
      /new SwyMessage\(\s*SEND_ORDER_TO_ERP,\s*JSON\.serialize\(OrderConfirmedPublisher\.payloadOf\(event\), true\),\s*event\.Order_Id__c\s*\)/,
    );
    assert.match(
      handler,
      /String\.isNotBlank\(event\.Correlation_Id__c\) \? event\.Correlation_Id__c : event\.EventUuid/,
    );
    assert.match(handler, /message\.relatedRecordId = event\.Order_Id__c;/);
  });

  test('two operations on one event share one trigger and one handler that serves both', () => {
    const second: FireAndForgetModel = {
      ...operationNamed('fire-and-forget', 'SendOrderToErp'),
      name: 'SendOrderToWms',
      timeoutSeconds: 40,
    };
    const generated = emitApex(withOperation(second));
    assert.equal(generated.filter((f) => f.path.endsWith('/OrderConfirmedTrigger.trigger')).length, 1);
    const both = source('OrderConfirmedTriggerHandler', generated);
    assert.match(both, /JOBS_PER_CHUNK = 2;/);
    assert.match(both, /EVENTS_PER_JOB = 3;/, 'the slower operation sets the chunk size: floor(120 / 40)');
    assert.match(both, /SwyDeliveryJob\.enqueue\(SEND_ORDER_TO_ERP,/);
    assert.match(both, /SwyDeliveryJob\.enqueue\(SEND_ORDER_TO_WMS,/);
    assert.match(both, /openUntil\.containsKey\(SEND_ORDER_TO_WMS\)/, 'each operation checks its own circuit');
    assert.ok(generated.some((f) => f.path.endsWith('/SendOrderToWmsOperation.cls')));
  });
});

describe('publishers', () => {
  test('an event a fire-and-forget operation consumes gets a typed publisher that hands its declared values to SwyEventPublisher', () => {
    const publisher = source('OrderConfirmedPublisher');
    assert.match(publisher, /SENSITIVE_FIELDS = new Set<String>\{ 'Customer_Email__c' \};/);
    assert.match(
      publisher,
      /return SwyEventPublisher\.publish\(events, SENSITIVE_FIELDS, Order_Confirmed__e\.Order_Id__c\);/,
    );
    assert.match(publisher, /return SwyEventPublisher\.payloadOf\(event\);/);
    assert.doesNotMatch(publisher, /EventBus\.publish\(/, 'the runtime publishes');
  });

  test('an event only a call-in publishes gets no class of its own', () => {
    assert.ok(!files.some((f) => f.path.endsWith('/OrderStatusUpdatePublisher.cls')));
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

  test('is a stateful, callout-capable, schedulable batch with the declared size and cron', () => {
    assert.match(
      batch,
      /implements Database\.Batchable<SObject>, Database\.AllowsCallouts, Database\.Stateful, Schedulable/,
    );
    assert.match(batch, /BATCH_SIZE = 200;/);
    assert.match(batch, /CRON_EXPRESSION = '0 0 2 \* \* \?';/);
    assert.match(batch, /Database\.executeBatch\(new NightlyOrderSyncBatch\(\), BATCH_SIZE\)/);
  });

  test('selects the declared fields changed since the watermark, and makes one callout per chunk', () => {
    assert.match(
      batch,
      /SELECT Id, OrderNumber, Status, TotalAmount, EffectiveDate, External_Order_Id__c, Fulfilment_Status__c FROM Order WHERE External_Order_Id__c != NULL AND SystemModstamp >= :since WITH USER_MODE/,
    );
    assert.equal(batch.match(/SwyCalloutClient\.send\(/g)?.length, 1);
  });

  test('moves the watermark only when no chunk failed, and upserts without allOrNone', () => {
    assert.match(batch, /if \(!chunkFailed\) \{\n\s*state\.Last_Success_At__c = runStartedAt;/);
    assert.match(
      batch,
      /Database\.upsert\(state, Integration_Sync_State__c\.Operation__c, false, AccessLevel\.USER_MODE\)/,
    );
    assert.match(source('NightlyOrderSyncOperation'), /MAX_ATTEMPTS = 3;/);
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
