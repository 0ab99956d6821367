/**
 * One typed publisher per Platform Event that an operation publishes or consumes: bulk
 * `EventBus.publish`, every SaveResult checked, each refused event logged (Publish_Failed) with its
 * sensitive fields redacted. It also owns the event's JSON form (`payloadOf`), which the trigger
 * handler sends and the error log stores.
 */
import { apexClassName } from '../../model/naming';
import type { Model, PlatformEventModel } from '../../model/types';
import type { GeneratedFile } from '../types';
import { camel, doc, indent, members, str, stringSet } from './apex';
import { apexClassFiles, type DeclarationSource } from './files';
import { eventFactory } from './eventFactory';
import { INTEGRATION_USER, testClass, testsAs } from './tests';

/** Events that get a publisher: consumed by fire-and-forget, offered by publish-subscribe, published by a call-in. */
export function publishedEvents(model: Model): PlatformEventModel[] {
  const names = new Set<string>();
  for (const operation of model.operations) {
    if (operation.pattern === 'fire-and-forget' || operation.pattern === 'publish-subscribe')
      names.add(operation.event);
    if (operation.pattern === 'remote-call-in' && operation.publishes) names.add(operation.publishes);
  }
  return model.events.filter((event) => names.has(event.apiName));
}

/** The event field that holds the Salesforce record an event is about, if an operation names one. */
export function recordIdField(model: Model, event: PlatformEventModel): string | undefined {
  for (const operation of model.operations) {
    if (operation.pattern === 'fire-and-forget' && operation.event === event.apiName && operation.relatedRecordField) {
      return operation.relatedRecordField;
    }
    if (operation.pattern === 'ui-update' && operation.event === event.apiName) return operation.recordIdField;
  }
  return undefined;
}

export function emitPublisher(model: Model, event: PlatformEventModel): GeneratedFile[] {
  const name = apexClassName.publisher(event.apiName);
  const source: DeclarationSource[] = [{ location: event.location, name: event.apiName }];
  return [
    ...apexClassFiles(name, publisherClass(model, event, name), source),
    ...apexClassFiles(apexClassName.test(name), publisherTest(event, name), source),
  ];
}

function publisherClass(model: Model, event: PlatformEventModel, name: string): string {
  const type = event.apiName;
  const recordField = recordIdField(model, event);
  const after =
    event.publishBehavior === 'PublishAfterCommit'
      ? `${type} is published after commit: nothing goes out if the publishing transaction rolls back.`
      : `${type} is published immediately, even if the publishing transaction rolls back.`;
  const constants = [
    `private static final String EVENT_NAME = ${str(type)};`,
    "// Operation__c of the error-log rows this class writes: they record a publish, not a callout.\nprivate static final String OPERATION_NAME = 'Publish';",
    [
      doc('Fields redacted wherever the JSON form of an event is logged.'),
      `public static final Set<String> SENSITIVE_FIELDS = ${stringSet(event.fields.filter((f) => f.sensitive).map((f) => f.name))};`,
    ].join('\n'),
    '// Events the bus accepted in this transaction. Tests read it: an Apex test cannot query\n// published events.\n@TestVisible\nprivate static Integer publishedCount = 0;',
  ].join('\n');
  const publish = [
    doc(
      `Publishes the events with one EventBus.publish and logs every event the bus refused (${'Publish_Failed'}, one error-log row each).`,
      [
        ['param', 'events the events to publish'],
        ['return', 'one SaveResult per event, in order'],
        ['example', `${name}.publish(new List<${type}>{ event });`],
      ],
    ),
    `public static List<Database.SaveResult> publish(List<${type}> events) {`,
    indent(
      [
        'List<Database.SaveResult> results = EventBus.publish(events);',
        'for (Integer i = 0; i < results.size(); i++) {',
        indent(
          [
            'if (results[i].isSuccess()) {',
            indent('publishedCount++;'),
            '} else {',
            indent('SwyErrorLog.add(failure(events[i], results[i]));'),
            '}',
          ].join('\n'),
        ),
        '}',
        'SwyErrorLog.flush();',
        'return results;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');
  const payload = [
    doc(`The event's declared fields keyed by API name: the JSON body its consumers send and the error log stores.`, [
      ['param', 'event the event'],
      ['return', 'field API name to value'],
    ]),
    `public static Map<String, Object> payloadOf(${type} event) {`,
    indent(
      [
        'return new Map<String, Object>{',
        indent(event.fields.map((f) => `${str(f.name)} => event.${f.name}`).join(',\n')),
        '};',
      ].join('\n'),
    ),
    '}',
  ].join('\n');
  const failure = [
    doc('The error-log entry of one refused event.', [
      ['param', 'event the event'],
      ['param', 'result its SaveResult'],
      ['return', 'the entry'],
    ]),
    `private static SwyErrorLog.Entry failure(${type} event, Database.SaveResult result) {`,
    indent(
      [
        'List<String> errors = new List<String>();',
        'for (Database.Error error : result.getErrors()) {',
        indent("errors.add(error.getStatusCode() + ': ' + error.getMessage());"),
        '}',
        'SwyErrorLog.Entry entry = new SwyErrorLog.Entry();',
        'entry.integration = EVENT_NAME;',
        'entry.operation = OPERATION_NAME;',
        'entry.status = SwyErrorLog.STATUS_FAILED;',
        'entry.category = SwyErrorLog.CATEGORY_PUBLISH_FAILED;',
        'entry.payload = JSON.serialize(payloadOf(event), true);',
        'entry.sensitiveFields = SENSITIVE_FIELDS;',
        "entry.errorMessage = String.join(errors, '; ');",
        "entry.idempotencyKey = EVENT_NAME + ':' + System.UUID.randomUUID().toString();",
        ...(recordField ? [`entry.relatedRecordId = event.${recordField};`] : []),
        'return entry;',
      ].join('\n'),
    ),
    '}',
  ].join('\n');
  return [
    doc(`Typed publisher of ${type}: ${event.description ?? event.label} ${after}`, [
      ['group', 'Switchyard Generated'],
    ]),
    `public with sharing class ${name} {`,
    indent(members(constants, publish, payload, failure)),
    '}',
    '',
  ].join('\n');
}

function publisherTest(event: PlatformEventModel, name: string): string {
  const test = testsAs(INTEGRATION_USER);
  const type = event.apiName;
  const variable = camel(type);
  const required = event.fields.find((f) => f.required);
  const sensitive = event.fields.find((f) => f.sensitive);
  const factory = eventFactory(event);
  const methods = [
    test('publishesEveryEvent', [
      `List<Database.SaveResult> results = ${name}.publish(${factory.call('3')});`,
      `Assert.areEqual(3, results.size(), 'One result per event');`,
      `for (Database.SaveResult result : results) {`,
      indent(`Assert.isTrue(result.isSuccess(), 'A valid event is accepted: ' + result.getErrors());`),
      '}',
      `Assert.areEqual(3, ${name}.publishedCount, 'All three were published');`,
      `Assert.areEqual(0, [SELECT COUNT() FROM Integration_Error_Log__c WHERE Integration__c = :EVENT_NAME WITH SYSTEM_MODE], 'Nothing is logged when every event is accepted');`,
    ]),
    required &&
      test('logsEachRefusedEvent', [
        `List<${type}> events = ${factory.call('2')};`,
        `events[1].${required.name} = null;`,
        `List<Database.SaveResult> results = ${name}.publish(events);`,
        `Assert.isTrue(results[0].isSuccess(), 'The valid event is published');`,
        `Assert.isFalse(results[1].isSuccess(), 'An event without its required ${required.name} is refused');`,
        `List<Integration_Error_Log__c> rows = [SELECT Status__c, Error_Category__c, Payload__c FROM Integration_Error_Log__c WHERE Integration__c = :EVENT_NAME WITH SYSTEM_MODE];`,
        `Assert.areEqual(1, rows.size(), 'Only the refused event is logged');`,
        `Assert.areEqual(SwyErrorLog.CATEGORY_PUBLISH_FAILED, rows[0].Error_Category__c, 'The row says the publish failed');`,
        `Assert.areEqual(SwyErrorLog.STATUS_FAILED, rows[0].Status__c, 'The row waits for a person');`,
        ...(sensitive
          ? [
              `Assert.isFalse(rows[0].Payload__c.contains(events[1].${sensitive.name}), ${str(`${sensitive.name} is redacted`)});`,
            ]
          : []),
      ]),
    test('payloadHoldsTheDeclaredFields', [
      `${type} ${variable} = ${factory.call('1')}[0];`,
      `Map<String, Object> payload = ${name}.payloadOf(${variable});`,
      `Assert.areEqual(${event.fields.length}, payload.size(), 'One entry per declared field');`,
      ...event.fields
        .filter((f) => f.required)
        .map(
          (f) =>
            `Assert.areEqual(${variable}.${f.name}, payload.get(${str(f.name)}), ${str(`${f.name} is keyed by its API name`)});`,
        ),
    ]),
  ];
  return testClass(
    name,
    `Behaviour of ${name}: bulk publish, every refused event logged with its sensitive fields redacted.`,
    members(`private static final String EVENT_NAME = ${str(type)};`, ...methods, factory.method),
  );
}
