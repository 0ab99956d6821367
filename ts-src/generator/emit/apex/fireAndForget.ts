/**
 * Fire-and-forget: a Platform Event trigger whose handler turns each batch of events (up to 2,000)
 * into a few delivery jobs, one per chunk and operation, never one per event, and never more than
 * the transaction may enqueue. The jobs (runtime SwyDeliveryJob) make the callouts, retry and log.
 */
import { apexClassName } from '../../model/naming';
import type { FireAndForgetModel, Model, PlatformEventModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { constantName, doc, indent, members, str } from './apex';
import { eventFactory } from './eventFactory';
import { apexClassFiles, apexTriggerFiles, type DeclarationSource } from './files';
import {
  messagesPerJob,
  EVENT_BATCH_DOC,
  EVENT_RETRY_DOC,
  GOVERNOR_LIMITS_DOC,
  PLATFORM_EVENT_MAX_RETRIES,
} from './limits';
import { emitOperationConfig, systemOf } from './operationConfig';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

/**
 * Trigger retries before the handler parks the batch for the sweeper: below the platform's nine,
 * so the handler, not the platform, has the last word and can log what it gives up.
 */
export const TRIGGER_MAX_RETRIES = 4;

/** The field an event's correlation id is read from when the event declares it. */
const CORRELATION_FIELD = 'Correlation_Id__c';

export function emitFireAndForget(model: Model): GeneratedFile[] {
  const operations = model.operations.filter((o): o is FireAndForgetModel => o.pattern === 'fire-and-forget');
  const files: GeneratedFile[] = [];
  for (const operation of operations) {
    const event = eventOf(model, operation.event);
    files.push(
      ...emitOperationConfig({
        operation,
        system: systemOf(model, operation.system),
        sensitiveFields: event.fields.filter((f) => f.sensitive).map((f) => f.name),
        samplePayload: '\'{"test":true}\'',
        messageIs: `one ${event.apiName} event as JSON (its declared fields keyed by API name), keyed by ${operation.messageKey}`,
        sources: [{ location: operation.location, name: operation.name }],
      }),
    );
  }
  // One trigger per event, serving every fire-and-forget operation of that event.
  for (const event of model.events) {
    const served = operations.filter((o) => o.event === event.apiName);
    if (served.length > 0) files.push(...emitEventTrigger(model, event, served));
  }
  return files;
}

function eventOf(model: Model, apiName: string): PlatformEventModel {
  const event = model.events.find((e) => e.apiName === apiName);
  if (!event) throw new Error(`event ${apiName} is not in the model`);
  return event;
}

/** Events one delivery job can send in a single transaction, for the slowest operation served. */
export function eventsPerJob(model: Model, operations: readonly FireAndForgetModel[]): number {
  return Math.min(...operations.map((o) => messagesPerJob(o.timeoutSeconds)));
}

function emitEventTrigger(
  model: Model,
  event: PlatformEventModel,
  operations: readonly FireAndForgetModel[],
): GeneratedFile[] {
  const sources: DeclarationSource[] = [
    { location: event.location, name: event.apiName },
    ...operations.map((o) => ({ location: o.location, name: o.name })),
  ];
  const trigger = apexClassName.trigger(event.apiName);
  const handler = apexClassName.triggerHandler(event.apiName);
  const triggerBody = [
    doc(`Hands every ${event.apiName} event to ${handler}; a platform-event trigger may not call out itself.`),
    `trigger ${trigger} on ${event.apiName}(after insert) {`,
    indent(`${handler}.handle(Trigger.new);`),
    '}',
    '',
  ].join('\n');
  return [
    ...apexTriggerFiles(trigger, triggerBody, sources),
    ...apexClassFiles(handler, handlerClass(model, event, operations, handler), sources),
    ...apexClassFiles(apexClassName.test(handler), handlerTest(model, event, operations, handler), sources),
  ];
}

function handlerClass(
  model: Model,
  event: PlatformEventModel,
  operations: readonly FireAndForgetModel[],
  name: string,
): string {
  const type = event.apiName;
  const publisher = apexClassName.publisher(type);
  const perJob = eventsPerJob(model, operations);
  const slowest = Math.max(...operations.map((o) => o.timeoutSeconds));
  const hasCorrelation = event.fields.some((f) => f.name === CORRELATION_FIELD);
  const operationList = operations.map((o) => o.name).join(', ');

  const constants = [
    ...operations.map((o) => `private static final String ${constantName(o.name)} = ${str(o.name)};`),
    [
      `// A job sends at most floor(120 s / ${slowest} s timeout) messages in one transaction, so a chunk of this`,
      '// size is delivered by one job without a follow-up.',
      `// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_timeouts.htm`,
      '@TestVisible',
      `private static final Integer EVENTS_PER_JOB = ${perJob};`,
    ].join('\n'),
    `// One delivery job per operation served whose circuit is not open: ${operationList}.\nprivate static final Integer JOBS_PER_CHUNK = ${operations.length};`,
    [
      `// The platform retries a batch at most ${PLATFORM_EVENT_MAX_RETRIES} times after EventBus.RetryableException; stopping earlier`,
      '// leaves the handler the last word, so it can park the batch instead of losing it.',
      `// ${EVENT_RETRY_DOC}`,
      `private static final Integer MAX_RETRIES = ${TRIGGER_MAX_RETRIES};`,
    ].join('\n'),
  ].join('\n');

  const handle = [
    doc(
      'Hands the batch over chunk by chunk: one delivery job per chunk and operation, a resume checkpoint after each. ' +
        "An operation whose circuit is open gets no jobs: its messages are parked in the error log until the end of the cool-down, when the sweeper's job probes. " +
        'When this transaction has no Queueable job left it stops: the platform fires the trigger again with the events after the checkpoint. ' +
        'When nothing could be handed over it throws EventBus.RetryableException (everything is rolled back and the whole batch comes again), ' +
        `and after ${TRIGGER_MAX_RETRIES} retries it parks every message in the error log as Retrying for the sweeper.`,
      [['param', 'events Trigger.new: up to 2,000 events']],
    ),
    `public static void handle(List<${type}> events) {`,
    indent(
      [
        '// Batches hold up to 2,000 events; a checkpoint lets the next run resume after the last handed-over one.',
        `// ${EVENT_BATCH_DOC}`,
        'EventBus.TriggerContext context = EventBus.TriggerContext.currentContext();',
        '// Read once per trigger execution (one query per external system), not per chunk.',
        'Map<String, Datetime> openUntil = openCircuits();',
        'String failure;',
        'Integer handedOver = 0;',
        `for (List<${type}> chunk : chunks(events)) {`,
        indent(
          [
            'failure = handOver(chunk, openUntil);',
            'if (failure != null) {',
            indent('break;'),
            '}',
            'handedOver += chunk.size();',
            'context.setResumeCheckpoint(chunk[chunk.size() - 1].ReplayId);',
          ].join('\n'),
        ),
        '}',
        '// Messages parked while a circuit is open, written once for the chunks handed over.',
        'SwyErrorLog.flush();',
        '// Stopping after a checkpoint is deliberate: the platform fires the trigger again with the events after it.',
        'if (failure == null || handedOver > 0) {',
        indent('return;'),
        '}',
        'if (context.retries < MAX_RETRIES) {',
        indent(
          "throw new EventBus.RetryableException(failure + '; retry ' + (context.retries + 1) + ' of ' + MAX_RETRIES);",
        ),
        '}',
        `park(events, failure + '; parked after ' + MAX_RETRIES + ' trigger retries');`,
        'context.setResumeCheckpoint(events[events.size() - 1].ReplayId);',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const handOver = [
    doc(
      'Enqueues one delivery job per operation for a chunk, if this transaction still may; parks the messages of an operation whose circuit is open instead.',
      [
        ['param', 'chunk events of one chunk'],
        ['param', 'openUntil the operations whose circuit is open, with the end of the cool-down'],
        ['return', 'null when handed over, otherwise why not'],
      ],
    ),
    `private static String handOver(List<${type}> chunk, Map<String, Datetime> openUntil) {`,
    indent(
      [
        '// 50 Queueable jobs per synchronous transaction: the handler counts, it never hits the limit.',
        `// ${GOVERNOR_LIMITS_DOC}`,
        'if (Limits.getLimitQueueableJobs() - Limits.getQueueableJobs() < JOBS_PER_CHUNK - openUntil.size()) {',
        indent("return 'No Queueable job left in this transaction';"),
        '}',
        'try {',
        indent(
          operations
            .map((o) =>
              [
                `if (openUntil.containsKey(${constantName(o.name)})) {`,
                indent(
                  `logRetrying(${configOf(o)}, ${messagesMethod(o)}(chunk), SwyErrorLog.CATEGORY_CIRCUIT_OPEN, openUntil.get(${constantName(o.name)}), 'Circuit open');`,
                ),
                '} else {',
                indent(`SwyDeliveryJob.enqueue(${constantName(o.name)}, ${messagesMethod(o)}(chunk));`),
                '}',
              ].join('\n'),
            )
            .join('\n'),
        ),
        '} catch (AsyncException e) {',
        indent("return 'Delivery job refused: ' + e.getMessage();"),
        '}',
        'return null;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const chunks = [
    doc('Splits the batch into chunks of EVENTS_PER_JOB events, in order.', [
      ['param', 'events the batch'],
      ['return', 'the chunks'],
    ]),
    `private static List<List<${type}>> chunks(List<${type}> events) {`,
    indent(
      [
        `List<List<${type}>> chunks = new List<List<${type}>>();`,
        `for (${type} event : events) {`,
        indent(
          [
            'if (chunks.isEmpty() || chunks[chunks.size() - 1].size() == EVENTS_PER_JOB) {',
            indent(`chunks.add(new List<${type}>());`),
            '}',
            'chunks[chunks.size() - 1].add(event);',
          ].join('\n'),
        ),
        '}',
        'return chunks;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const openCircuits = [
    doc(
      "The served operations whose external system's circuit is open and still cooling down: a job would only park their messages, so the handler parks them itself and spends no job.",
      [['return', 'operation name to the end of its cool-down']],
    ),
    '@TestVisible',
    'private static Map<String, Datetime> openCircuits() {',
    indent(
      [
        'Map<String, Datetime> openUntil = new Map<String, Datetime>();',
        ...operations.flatMap((o) => [
          `SwyCircuitBreaker ${breakerVar(o)} = ${configOf(o)}.breaker();`,
          `if (${breakerVar(o)}.isOpen()) {`,
          indent(`openUntil.put(${constantName(o.name)}, ${breakerVar(o)}.retryAfter());`),
          '}',
        ]),
        'return openUntil;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const park = [
    doc(
      'Logs the messages of every event as Retrying, due now, so the sweeper delivers them: the last resort when no job could be enqueued.',
      [
        ['param', 'events the events that were not handed over'],
        ['param', 'reason why'],
      ],
    ),
    '@TestVisible',
    `private static void park(List<${type}> events, String reason) {`,
    indent(
      [
        'Datetime now = Datetime.now();',
        ...operations.map(
          (o) =>
            `logRetrying(${configOf(o)}, ${messagesMethod(o)}(events), SwyErrorLog.CATEGORY_RETRYABLE, now, reason);`,
        ),
        'SwyErrorLog.flush();',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const logRetrying = [
    doc('Adds an error-log entry per message: Retrying, due at a given time (written by SwyErrorLog.flush()).', [
      ['param', 'config the operation'],
      ['param', 'messages its messages'],
      ['param', 'category why they wait (Retryable, Circuit_Open)'],
      ['param', 'nextAttemptAt when the sweeper may send them'],
      ['param', 'reason the error message'],
    ]),
    'private static void logRetrying(SwyOperationConfig config, List<SwyMessage> messages, String category, Datetime nextAttemptAt, String reason) {',
    indent(
      [
        'for (SwyMessage message : messages) {',
        indent(
          [
            'SwyErrorLog.Entry entry = config.logEntry(message);',
            'entry.status = SwyErrorLog.STATUS_RETRYING;',
            'entry.category = category;',
            'entry.nextAttemptAt = nextAttemptAt;',
            'entry.errorMessage = reason;',
            'SwyErrorLog.add(entry);',
          ].join('\n'),
        ),
        '}',
      ].join('\n'),
    ),
    '}',
  ].join('\n');

  const messageMethods = operations.map((o) => {
    const key = event.fields.find((f) => f.name === o.messageKey);
    const keyExpr = key?.kind === 'Text' ? `event.${o.messageKey}` : `String.valueOf(event.${o.messageKey})`;
    return [
      doc(
        `Messages of ${o.name}: the event's JSON, keyed by ${o.messageKey} (the Idempotency-Key ${o.system} sees), ` +
          (hasCorrelation
            ? `correlated by ${CORRELATION_FIELD} or else the event's EventUuid.`
            : "correlated by the event's EventUuid."),
        [
          ['param', 'events the events'],
          ['return', 'one message per event, in order'],
        ],
      ),
      `private static List<SwyMessage> ${messagesMethod(o)}(List<${type}> events) {`,
      indent(
        [
          'List<SwyMessage> messages = new List<SwyMessage>();',
          `for (${type} event : events) {`,
          indent(
            [
              `SwyMessage message = new SwyMessage(${constantName(o.name)}, JSON.serialize(${publisher}.payloadOf(event), true), ${keyExpr});`,
              'message.correlationId = correlationIdOf(event);',
              ...(o.relatedRecordField ? [`message.relatedRecordId = event.${o.relatedRecordField};`] : []),
              'messages.add(message);',
            ].join('\n'),
          ),
          '}',
          'return messages;',
        ].join('\n'),
      ),
      '}',
    ].join('\n');
  });

  const correlation = [
    doc('The id that follows an event across systems.', [
      ['param', 'event the event'],
      ['return', hasCorrelation ? `its ${CORRELATION_FIELD}, or its EventUuid when that is blank` : 'its EventUuid'],
    ]),
    `private static String correlationIdOf(${type} event) {`,
    indent(
      hasCorrelation
        ? `return String.isNotBlank(event.${CORRELATION_FIELD}) ? event.${CORRELATION_FIELD} : event.EventUuid;`
        : 'return event.EventUuid;',
    ),
    '}',
  ].join('\n');

  return [
    doc(
      `Delivers ${type} events to ${operationList} without blocking the publisher: a platform-event trigger may not call out, ` +
        'so each chunk of EVENTS_PER_JOB events becomes ONE SwyDeliveryJob per operation, which calls out, retries with backoff and logs. ' +
        'No event is lost: the batch is checkpointed chunk by chunk, retried by the platform when nothing could be handed over, and parked in the error log when the retries run out.',
      [
        ['group', 'Switchyard Generated'],
        ['see', 'SwyDeliveryJob'],
      ],
    ),
    `public with sharing class ${name} {`,
    indent(
      members(constants, handle, handOver, openCircuits, chunks, park, logRetrying, ...messageMethods, correlation),
    ),
    '}',
    '',
  ].join('\n');
}

function messagesMethod(operation: FireAndForgetModel): string {
  return `${operation.name[0].toLowerCase()}${operation.name.slice(1)}Messages`;
}

/** A fresh configuration of the operation, as its generated class declares it. */
function configOf(operation: FireAndForgetModel): string {
  return `new ${apexClassName.operation(operation.name)}().config()`;
}

function breakerVar(operation: FireAndForgetModel): string {
  return `${operation.name[0].toLowerCase()}${operation.name.slice(1)}Breaker`;
}

function handlerTest(
  model: Model,
  event: PlatformEventModel,
  operations: readonly FireAndForgetModel[],
  name: string,
): string {
  const test = testsAs(INTEGRATION_USER);
  const type = event.apiName;
  const publisher = apexClassName.publisher(type);
  const factory = eventFactory(event);
  const first = operations[0];
  const sensitive = event.fields.find((f) => f.sensitive && f.kind === 'Text');
  const hasCorrelation = event.fields.some((f) => f.name === CORRELATION_FIELD);
  const systems = [...new Set(operations.map((o) => o.system))].map((system) => systemOf(model, system));
  const chunked = `${name}.EVENTS_PER_JOB * 2 + 1`;
  const jobCount = operations.length === 1 ? '3' : `3 * ${operations.length}`;
  const deliveryLogs =
    '[SELECT Status__c FROM Integration_Error_Log__c WHERE Operation__c IN :OPERATIONS WITH SYSTEM_MODE]';
  const methods = [
    test('handsEachChunkToOneJobPerOperation', [
      "SwyHttpCalloutMock mock = new SwyHttpCalloutMock().ok('{}');",
      `Integer count = ${chunked};`,
      'Test.setMock(HttpCalloutMock.class, mock);',
      `List<${type}> events = ${factory.call('count')};`,
      'Test.startTest();',
      `${publisher}.publish(events);`,
      'Test.getEventBus().deliver();',
      'Test.stopTest();',
      `Assert.areEqual(${jobCount}, [SELECT COUNT() FROM AsyncApexJob WHERE ApexClass.Name = 'SwyDeliveryJob' WITH SYSTEM_MODE], 'One job per chunk and operation, never one per event');`,
      `Assert.areEqual(count * OPERATIONS.size(), mock.requests.size(), 'Every event is delivered once per operation');`,
      'Set<String> keys = new Set<String>();',
      'for (HttpRequest request : mock.requests) {',
      indent('keys.add(request.getHeader(SwyCalloutClient.IDEMPOTENCY_HEADER));'),
      '}',
      `Assert.isTrue(keys.contains(events[0].${first.messageKey}), 'The message key is sent as the idempotency key');`,
      `Assert.areEqual(0, ${deliveryLogs}.size(), 'Nothing is logged when every delivery succeeds');`,
    ]),
    hasCorrelation &&
      test('sendsTheEventsCorrelationId', [
        "SwyHttpCalloutMock mock = new SwyHttpCalloutMock().ok('{}');",
        'Test.setMock(HttpCalloutMock.class, mock);',
        `List<${type}> events = ${factory.call('1')};`,
        `events[0].${CORRELATION_FIELD} = 'correlation-from-the-publisher';`,
        'Test.startTest();',
        `${publisher}.publish(events);`,
        'Test.getEventBus().deliver();',
        'Test.stopTest();',
        `Assert.areEqual('correlation-from-the-publisher', mock.requests[0].getHeader(SwyCalloutClient.CORRELATION_HEADER), 'The declared correlation id travels with the message');`,
      ]),
    test('keepsEveryOrderWhileTheSystemIsDown', [
      `Integer count = ${chunked};`,
      "Test.setMock(HttpCalloutMock.class, new SwyHttpCalloutMock().status(503, 'maintenance'));",
      'Test.startTest();',
      `${publisher}.publish(${factory.call('count')});`,
      'Test.getEventBus().deliver();',
      'Test.stopTest();',
      `List<Integration_Error_Log__c> rows = ${deliveryLogs};`,
      `Assert.areEqual(count * OPERATIONS.size(), rows.size(), 'Every undelivered message has a log row: nothing is lost');`,
      'for (Integration_Error_Log__c row : rows) {',
      indent(
        `Assert.areEqual(SwyErrorLog.STATUS_RETRYING, row.Status__c, 'A message waits for a retry, not for a person');`,
      ),
      '}',
    ]),
    test('parksWhileTheCircuitIsOpenInsteadOfStartingJobs', [
      'Datetime openedAt = Datetime.now().addSeconds(-10);',
      'List<Integration_Circuit__c> circuits = new List<Integration_Circuit__c>();',
      ...systems.map(
        (system) =>
          `circuits.add(new Integration_Circuit__c(Name = ${str(system.name)}, System__c = ${str(system.name)}, State__c = SwyCircuitBreaker.OPEN, Failure_Count__c = ${system.circuitBreaker.failureThreshold}, Opened_At__c = openedAt));`,
      ),
      'insert circuits;',
      "SwyHttpCalloutMock mock = new SwyHttpCalloutMock().ok('{}');",
      'Test.setMock(HttpCalloutMock.class, mock);',
      'Test.startTest();',
      `${publisher}.publish(${factory.call('3')});`,
      'Test.getEventBus().deliver();',
      'Test.stopTest();',
      `Assert.areEqual(0, [SELECT COUNT() FROM AsyncApexJob WHERE ApexClass.Name = 'SwyDeliveryJob' WITH SYSTEM_MODE], 'No job is started only to park its messages');`,
      `Assert.areEqual(0, mock.requests.size(), 'The system is not called while its circuit is open');`,
      `List<Integration_Error_Log__c> rows = [SELECT Status__c, Error_Category__c, Next_Attempt_At__c FROM Integration_Error_Log__c WHERE Operation__c IN :OPERATIONS WITH SYSTEM_MODE];`,
      `Assert.areEqual(3 * OPERATIONS.size(), rows.size(), 'Every message is parked: nothing is lost');`,
      'for (Integration_Error_Log__c row : rows) {',
      indent(
        [
          `Assert.areEqual(SwyErrorLog.STATUS_RETRYING, row.Status__c, 'Waits for the sweeper');`,
          `Assert.areEqual(SwyErrorLog.CATEGORY_CIRCUIT_OPEN, row.Error_Category__c, 'Because the circuit is open');`,
          `Assert.isTrue(row.Next_Attempt_At__c > Datetime.now(), 'Due when the cool-down ends, not before');`,
        ].join('\n'),
      ),
      '}',
    ]),
    test('parksEveryMessageWhenRetriesRunOut', [
      `List<${type}> events = ${factory.call('2')};`,
      'Test.startTest();',
      `${name}.park(events, 'test: no job could be enqueued');`,
      'Test.stopTest();',
      `List<Integration_Error_Log__c> rows = [SELECT Status__c, Next_Attempt_At__c, Related_Record_Id__c, Payload__c FROM Integration_Error_Log__c WHERE Operation__c IN :OPERATIONS WITH SYSTEM_MODE];`,
      `Assert.areEqual(2 * OPERATIONS.size(), rows.size(), 'One row per event and operation');`,
      'for (Integration_Error_Log__c row : rows) {',
      indent(
        [
          `Assert.areEqual(SwyErrorLog.STATUS_RETRYING, row.Status__c, 'Parked for the sweeper');`,
          `Assert.isNotNull(row.Next_Attempt_At__c, 'Due at once');`,
          ...(first.relatedRecordField
            ? [`Assert.isNotNull(row.Related_Record_Id__c, 'The row names the record');`]
            : []),
          ...(sensitive
            ? [
                `Assert.isFalse(row.Payload__c.contains(events[0].${sensitive.name}) || row.Payload__c.contains(events[1].${sensitive.name}), ${str(`${sensitive.name} is redacted`)});`,
              ]
            : []),
        ].join('\n'),
      ),
      '}',
    ]),
  ];
  return testClass(
    name,
    `Behaviour of ${name}: chunking (one job per chunk, not per event), the message keys, parking instead of starting jobs while the circuit is open, and that no message is lost when the system is down or no job can be enqueued.`,
    members(
      `private static final Set<String> OPERATIONS = new Set<String>{ ${operations.map((o) => str(o.name)).join(', ')} };`,
      ...methods,
      factory.method,
    ),
  );
}
