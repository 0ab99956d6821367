/**
 * Fire-and-forget: per event, a trigger that hands its batch to the runtime's SwyEventDelivery with
 * the routes of the operations it serves; per operation, its route (which event fields make the
 * message: body, key, correlation id, related record) in the generated operation class. Chunking,
 * checkpoints, circuits, trigger retries and parking live in SwyEventDelivery; the delivery jobs
 * (SwyDeliveryJob) make the callouts, retry and log.
 */
import { apexClassName } from '../../model/naming';
import type { FieldModel, FireAndForgetModel, Model, PlatformEventModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { doc, isTextual, members, str, stringSet } from './apex';
import { eventFactory } from './eventFactory';
import { apexClassFiles, apexTriggerFiles, type DeclarationSource } from './files';
import { emitOperationConfig, systemOf } from './operationConfig';
import { apex } from './template';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

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
        extraMembers: [routeMember(operation, event)],
        extraTestMembers: [routeTest(operation, event), eventFactory(event).method],
        see: ['SwyEventDelivery'],
      }),
    );
  }
  // One trigger per event, serving every fire-and-forget operation of that event.
  for (const event of model.events) {
    const served = operations.filter((o) => o.event === event.apiName);
    if (served.length > 0) files.push(...emitEventTrigger(event, served));
  }
  return files;
}

function eventOf(model: Model, apiName: string): PlatformEventModel {
  const event = model.events.find((e) => e.apiName === apiName);
  if (!event) throw new Error(`event ${apiName} is not in the model`);
  return event;
}

function correlationOf(event: PlatformEventModel): FieldModel | undefined {
  return event.fields.find((f) => f.name === CORRELATION_FIELD);
}

/** `event.Order_Id__c` as the text the runtime makes of it. */
function textOf(variable: string, field: string): string {
  return `String.valueOf(${variable}.${field})`;
}

/** `<Operation>Operation.route()`: the declared message mapping, as field tokens of the event. */
function routeMember(operation: FireAndForgetModel, event: PlatformEventModel): string {
  const type = event.apiName;
  const correlation = correlationOf(event);
  const calls = [
    `.payload(new List<SObjectField>{ ${event.fields.map((f) => `${type}.${f.name}`).join(', ')} })`,
    `.key(${type}.${operation.messageKey})`,
    correlation && `.correlation(${type}.${correlation.name})`,
    operation.relatedRecordField && `.relatedRecord(${type}.${operation.relatedRecordField})`,
  ].filter((call): call is string => typeof call === 'string');
  const description =
    `How SwyEventDelivery makes a ${operation.name} message of each ${type} event: the JSON of its declared fields keyed by API name (empty ones left out), ` +
    `keyed by SwyMessage.keyFor(operation, ${operation.messageKey}, body): the Idempotency-Key ${operation.system} sees, equal for a duplicate and new for changed content, ` +
    (correlation
      ? `correlated by ${correlation.name} or else the event's EventUuid`
      : "correlated by the event's EventUuid") +
    (operation.relatedRecordField ? `, about the record in ${operation.relatedRecordField}.` : '.');
  return apex`
    ${doc(description, [
      ['return', 'the route the event trigger hands to SwyEventDelivery.handle'],
      ['see', 'SwyEventDelivery'],
    ])}
    public static SwyEventDelivery.Route route() {
      return new SwyEventDelivery.Route(new ${apexClassName.operation(operation.name)}().config(), ${type}.SObjectType)
        ${calls.join('\n')};
    }
  `;
}

/** The operation test's proof of its route: the declared fields make the message. */
function routeTest(operation: FireAndForgetModel, event: PlatformEventModel): string {
  const type = event.apiName;
  const correlation = correlationOf(event);
  const related = operation.relatedRecordField;
  const text = event.fields.find((f) => isTextual(f) && f.name !== CORRELATION_FIELD);
  return testsAs(INTEGRATION_USER)('routeMapsTheDeclaredEventFields', [
    apex`
      ${type} event = ${eventFactory(event).call('1')}[0];
      ${correlation && `event.${correlation.name} = 'correlation-from-the-publisher';`}
      SwyMessage message = ${apexClassName.operation(operation.name)}.route().messageOf(event);
      Assert.areEqual(OPERATION, message.operation, 'A message of this operation');
      Assert.areEqual(SwyMessage.keyFor(OPERATION, ${textOf('event', operation.messageKey)}, message.payload), message.idempotencyKey, ${str(`The operation, ${operation.messageKey} and the body make the message key`)});
      ${correlation && `Assert.areEqual('correlation-from-the-publisher', message.correlationId, ${str(`${correlation.name} is the correlation id`)});`}
      ${related && `Assert.areEqual(${textOf('event', related)}, message.relatedRecordId, ${str(`${related} names the record`)});`}
      Map<String, Object> body = (Map<String, Object>) JSON.deserializeUntyped(message.payload);
      Assert.areEqual(${event.fields.length}, body.size(), 'Every declared field, keyed by API name');
      ${text && `Assert.areEqual(event.${text.name}, body.get(${str(text.name)}), ${str(`${text.name} is in the body`)});`}
    `,
  ]);
}

function emitEventTrigger(event: PlatformEventModel, operations: readonly FireAndForgetModel[]): GeneratedFile[] {
  const sources: DeclarationSource[] = [
    { location: event.location, name: event.apiName },
    ...operations.map((o) => ({ location: o.location, name: o.name })),
  ];
  const trigger = apexClassName.trigger(event.apiName);
  const routes = operations.map((o) => `${apexClassName.operation(o.name)}.route()`).join(', ');
  const description =
    `Hands every ${event.apiName} event to ${operations.map((o) => o.name).join(', ')} through SwyEventDelivery, which starts one SwyDeliveryJob per chunk and operation, ` +
    'checkpoints, and parks what it cannot hand over; a platform-event trigger may not call out itself.';
  const body = apex`
    ${doc(description, [['see', 'SwyEventDelivery']])}
    trigger ${trigger} on ${event.apiName}(after insert) {
      SwyEventDelivery.handle(Trigger.new, new List<SwyEventDelivery.Route>{ ${routes} });
    }
  `;
  return [
    ...apexTriggerFiles(trigger, `${body}\n`, sources),
    ...apexClassFiles(apexClassName.test(trigger), triggerTest(event, operations, trigger), sources),
  ];
}

/** Statements that publish events of the factory through the bus and let the trigger run. */
function publishAndDeliver(event: PlatformEventModel, mock: string, count: number): string {
  return apex`
    SwyHttpCalloutMock mock = new SwyHttpCalloutMock()${mock};
    Test.setMock(HttpCalloutMock.class, mock);
    List<${event.apiName}> events = ${eventFactory(event).call(String(count))};
    Test.startTest();
    EventBus.publish(events);
    Test.getEventBus().deliver();
    Test.stopTest();
  `;
}

/** The wiring of one event's trigger: a delivery with the declared keys, and a logged failure. */
function triggerTest(event: PlatformEventModel, operations: readonly FireAndForgetModel[], trigger: string): string {
  const test = testsAs(INTEGRATION_USER);
  // The key without its version (`SwyMessage.keyFor`): operation and declared key.
  const keyOf = (variable: string) => (o: FireAndForgetModel) =>
    `${str(`${o.name}:`)} + ${textOf(variable, o.messageKey)}`;
  const logs = `[SELECT Status__c, Idempotency_Key__c FROM Integration_Error_Log__c WHERE Operation__c IN :OPERATIONS WITH SYSTEM_MODE]`;
  const deliversEvents = test('deliversEachEventToEveryOperation', [
    publishAndDeliver(event, ".ok('{}')", 2),
    apex`
      Assert.areEqual(2 * OPERATIONS.size(), mock.requests.size(), 'Each event is sent once per operation');
      Set<String> sent = new Set<String>();
      for (HttpRequest request : mock.requests) {
        sent.add(request.getHeader(SwyCalloutClient.IDEMPOTENCY_HEADER).substringBeforeLast(':'));
      }
      ${operations.map((o) => `Assert.isTrue(sent.contains(${keyOf('events[0]')(o)}), ${str(`${o.name} keys by ${o.messageKey} and the body`)});`)}
      Assert.areEqual(0, ${logs}.size(), 'Nothing is logged when every delivery succeeds');
    `,
  ]);
  const logsFailures = test('logsAnEventTheSystemRefuses', [
    publishAndDeliver(event, '.status(400, \'{"error":"bad request"}\')', 1),
    apex`
      Set<String> keys = new Set<String>{ ${operations.map(keyOf('events[0]')).join(', ')} };
      List<Integration_Error_Log__c> rows = ${logs};
      Assert.areEqual(OPERATIONS.size(), rows.size(), 'One row per operation: the event is not lost');
      for (Integration_Error_Log__c row : rows) {
        Assert.areEqual(SwyErrorLog.STATUS_FAILED, row.Status__c, 'A 400 waits for a person');
        Assert.isTrue(keys.contains(row.Idempotency_Key__c.substringBeforeLast(':')), 'The row is keyed by its operation, the declared key and the body');
      }
    `,
  ]);
  return testClass(
    trigger,
    `Wiring of ${trigger}: a published ${event.apiName} reaches ${operations.map((o) => o.name).join(', ')} through SwyEventDelivery with the declared message key. The runtime's behaviour is tested in SwyEventDeliveryTest.`,
    members(
      `private static final Set<String> OPERATIONS = ${stringSet(operations.map((o) => o.name))};`,
      deliversEvents,
      logsFailures,
      eventFactory(event).method,
    ),
  );
}
